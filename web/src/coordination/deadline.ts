// What a card says about an item's deadline. Whether an item is overdue is the server's answer
// (`overdue`: today in China is after the deadline and the item is neither resolved nor closed;
// due today is not yet overdue), so a browser with a wrong clock never contradicts the overdue
// filter; the browser's day in China only counts the days shown beside it.
import type { CoordinationItem } from '@/api/coordination';
import { daysBetween } from '@/format/months';

export type DeadlineNote =
  | { kind: 'overdue'; days: number } // days past the deadline, at least 1
  | { kind: 'dueToday' }
  | { kind: 'dueSoon'; days: number } // within a week
  | { kind: 'due'; days: number }
  | { kind: 'settled' }; // resolved or closed: the deadline no longer runs

export const dueSoonDays = 7;

export function deadlineNote(item: Pick<CoordinationItem, 'status' | 'deadline' | 'overdue'>, today: string): DeadlineNote {
  if (item.overdue) return { kind: 'overdue', days: Math.max(1, daysBetween(item.deadline, today)) };
  if (item.status === 'resolved' || item.status === 'closed') return { kind: 'settled' };
  const left = daysBetween(today, item.deadline);
  if (left <= 0) return { kind: 'dueToday' };
  return left <= dueSoonDays ? { kind: 'dueSoon', days: left } : { kind: 'due', days: left };
}
