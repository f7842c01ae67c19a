// One project's report for a month as the zone edits it: the saved report (if any), the typed
// figures, and what went wrong, field by field. Saving creates the draft or changes it (with the
// version it was read at); submitting saves unsaved changes first, then submits.
import { ApiError } from '@/api/client';
import { type Report, changeReport, createReport, getReport, submitReport } from '@/api/reports';

import { type FigureField, type LocalProblem, type ReportDraft, draftOf, emptyDraft, figureFields, figuresOf, sameDraft } from './draft';

export interface Entry {
  projectId: number;
  report: Report | null;
  draft: ReportDraft;
  errors: Partial<Record<FigureField, string>>;
  failure: string; // a problem not tied to one field
  stale: boolean; // someone else changed the report since it was read
  busy: boolean;
}

export function newEntry(projectId: number, report: Report | null): Entry {
  return { projectId, report, draft: report ? draftOf(report) : emptyDraft(), errors: {}, failure: '', stale: false, busy: false };
}

export function isDirty(entry: Entry): boolean {
  return entry.report === null || !sameDraft(entry.draft, draftOf(entry.report));
}

// Whether anything was typed into an entry without a saved report.
export function isStarted(entry: Entry): boolean {
  return entry.report !== null || !sameDraft(entry.draft, emptyDraft());
}

type Explain = (problem: LocalProblem) => string;

function clear(entry: Entry): void {
  entry.errors = {};
  entry.failure = '';
  entry.stale = false;
}

function record(entry: Entry, e: unknown): void {
  if (!(e instanceof ApiError)) {
    entry.failure = e instanceof Error ? e.message : String(e);
    return;
  }
  const unplaced: string[] = [];
  for (const f of e.fields) {
    if ((figureFields as string[]).includes(f.field)) entry.errors[f.field as FigureField] = f.message;
    else unplaced.push(f.message);
  }
  // A stale version is a conflict without a field; a step the status does not allow names `status`.
  entry.stale = e.isConflict && e.fields.length === 0;
  if (unplaced.length > 0 || e.fields.length === 0) entry.failure = unplaced.length > 0 ? unplaced.join('；') : e.message;
}

// Saves the typed figures as the month's draft (or the returned report's correction).
export async function saveEntry(entry: Entry, month: string, explain: Explain): Promise<boolean> {
  clear(entry);
  const checked = figuresOf(entry.draft);
  if (!checked.ok) {
    for (const [field, problem] of Object.entries(checked.problems)) entry.errors[field as FigureField] = explain(problem);
    return false;
  }
  entry.busy = true;
  try {
    entry.report = entry.report
      ? await changeReport(entry.report, checked.figures)
      : await createReport(entry.projectId, month, checked.figures);
    entry.draft = draftOf(entry.report);
    return true;
  } catch (e) {
    record(entry, e);
    return false;
  } finally {
    entry.busy = false;
  }
}

export async function submitEntry(entry: Entry, month: string, explain: Explain): Promise<boolean> {
  if (isDirty(entry) && !(await saveEntry(entry, month, explain))) return false;
  if (!entry.report) return false;
  clear(entry);
  entry.busy = true;
  try {
    entry.report = await submitReport(entry.report);
    return true;
  } catch (e) {
    record(entry, e);
    return false;
  } finally {
    entry.busy = false;
  }
}

// After a conflict: the report as it is now, keeping what the user typed.
export async function reloadEntry(entry: Entry): Promise<void> {
  if (!entry.report) return;
  entry.busy = true;
  try {
    entry.report = await getReport(entry.report.id);
    entry.stale = false;
    entry.failure = '';
  } catch (e) {
    record(entry, e);
  } finally {
    entry.busy = false;
  }
}
