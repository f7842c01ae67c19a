// What a refused campaign write means, in the user's words: the page shows a heading for the kind
// of refusal and, under it, the server's own message (which names, say, the campaign a project was
// already counted in).
import { ApiError } from '@/api/client';

export type EntryRefusal =
  | 'doubleCounted' // 409 on project_id: already counted in this batch kind by another campaign
  | 'stageRule' // 422 on batch: the project has not reached what the batch needs by the event date
  | 'outOfScope' // 404: not the caller's project (or none)
  | 'locked' // 409 on status: the campaign has been held
  | 'forbidden' // 403: this role may not do it
  | 'other';

export function entryRefusal(e: unknown): EntryRefusal {
  if (!(e instanceof ApiError)) return 'other';
  if (e.status === 404) return 'outOfScope';
  if (e.status === 403) return 'forbidden';
  if (e.status === 409 && e.fieldMessage('project_id') !== undefined) return 'doubleCounted';
  if (e.status === 409 && e.fieldMessage('status') !== undefined) return 'locked';
  if (e.status === 422 && e.fieldMessage('batch') !== undefined) return 'stageRule';
  return 'other';
}

export type StepRefusal =
  | 'pendingProposals' // 409 on entries: proposals still await their city
  | 'entryRules' // an entry no longer qualifies on the event date
  | 'futureDate' // 422 on date: the event day has not come
  | 'stale' // 409 without fields: changed by someone else since the page was loaded
  | 'status' // the campaign is no longer in the state the step needs
  | 'forbidden'
  | 'other';

// A refused hold, close or edit.
export function stepRefusal(e: unknown): StepRefusal {
  if (!(e instanceof ApiError)) return 'other';
  if (e.status === 403) return 'forbidden';
  if (e.fieldMessage('entries') !== undefined) return 'pendingProposals';
  if (e.fields.some((f) => f.field.startsWith('entries['))) return 'entryRules';
  if (e.status === 422 && e.fieldMessage('date') !== undefined) return 'futureDate';
  if (e.fieldMessage('status') !== undefined) return 'status';
  if (e.status === 409 && e.fields.length === 0) return 'stale';
  return 'other';
}

// The server's messages worth listing under a refusal's heading: its detail, and each field's
// message that says more than the detail does.
export function refusalLines(e: unknown): string[] {
  if (!(e instanceof Error)) return [String(e)];
  const lines = [e.message];
  if (e instanceof ApiError) for (const f of e.fields) if (!lines.includes(f.message)) lines.push(f.message);
  return lines;
}
