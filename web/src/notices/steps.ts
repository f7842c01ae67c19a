// What the notice board needs to know beyond the server's answers: each action's body field, who
// may issue, the tag colours, and the default deadline (China date).
import type { NoticeAction, NoticeStatus } from '@/api/notices';

// The body field that carries an action's words (docs/api.md).
export const textField: Record<NoticeAction, 'response' | 'comment' | 'note' | 'reason'> = {
  respond: 'response',
  comment: 'comment',
  close: 'note',
  reopen: 'reason',
};

// The body of a step: its words, and for a send-back a new deadline when one is chosen.
export function stepBody(action: NoticeAction, text: string, deadline?: string | null): Record<string, string> {
  const body: Record<string, string> = { [textField[action]]: text.trim() };
  if (action === 'reopen' && deadline) body.deadline = deadline;
  return body;
}

// Supervisors, the province and cities issue notices; zones and viewers do not.
export function canIssue(role: string | undefined): boolean {
  return role === 'supervisor' || role === 'province' || role === 'city';
}

export function statusTagType(status: NoticeStatus, overdue: boolean): 'danger' | 'warning' | 'success' | 'info' {
  if (overdue) return 'danger';
  return status === 'closed' ? 'success' : status === 'responded' ? 'info' : 'warning';
}

// The date in China (UTC+8) `days` after the instant `now`, as YYYY-MM-DD.
export function chinaDateAfter(now: Date, days: number): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

// A date picker's choice (YYYY-MM-DD) is allowed when not before today in China.
export function deadlineAllowed(day: string, now: Date): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= chinaDateAfter(now, 0);
}

// A date picker's cell (a Date at local midnight) as YYYY-MM-DD.
export function pickerDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
