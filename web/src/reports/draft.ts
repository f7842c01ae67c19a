// What a zone types for one month's report (money in 万元 as text), checked for what the browser
// can tell by itself (empty, not a number, finer than a fen) and turned into the API's figures.
// Every other rule (not negative, percent 0–100, the 150% confirmation) is the server's, whose
// messages name the same fields.
import type { Report, ReportFigures } from '@/api/reports';
import { type MoneyInputError, wanToYuan, yuanToWan } from '@/format/moneyInput';

export interface ReportDraft {
  investment_completed: string; // 万元
  capital_arrived: string; // 万元
  progress_text: string;
  percent_complete: number | null;
  jobs: number | null;
  confirmation_note: string;
}

export type FigureField = keyof ReportDraft;
export const figureFields: FigureField[] = ['investment_completed', 'capital_arrived', 'percent_complete', 'jobs', 'progress_text', 'confirmation_note'];

export type LocalProblem = MoneyInputError;

export function emptyDraft(): ReportDraft {
  return { investment_completed: '', capital_arrived: '', progress_text: '', percent_complete: null, jobs: null, confirmation_note: '' };
}

export function draftOf(report: Report): ReportDraft {
  return {
    investment_completed: yuanToWan(report.investment_completed),
    capital_arrived: yuanToWan(report.capital_arrived),
    progress_text: report.progress_text,
    percent_complete: report.percent_complete,
    jobs: report.jobs,
    confirmation_note: report.confirmation_note ?? '',
  };
}

export function sameDraft(a: ReportDraft, b: ReportDraft): boolean {
  return figureFields.every((f) => a[f] === b[f]);
}

export type Checked = { ok: true; figures: ReportFigures } | { ok: false; problems: Partial<Record<FigureField, LocalProblem>> };

export function figuresOf(draft: ReportDraft): Checked {
  const problems: Partial<Record<FigureField, LocalProblem>> = {};
  const investment = wanToYuan(draft.investment_completed);
  const capital = wanToYuan(draft.capital_arrived);
  if (!investment.ok) problems.investment_completed = investment.error;
  if (!capital.ok) problems.capital_arrived = capital.error;
  if (draft.percent_complete === null) problems.percent_complete = 'required';
  if (draft.jobs === null) problems.jobs = 'required';
  if (draft.progress_text.trim() === '') problems.progress_text = 'required';
  if (!investment.ok || !capital.ok || draft.percent_complete === null || draft.jobs === null || problems.progress_text)
    return { ok: false, problems };
  return {
    ok: true,
    figures: {
      investment_completed: investment.yuan,
      capital_arrived: capital.yuan,
      progress_text: draft.progress_text.trim(),
      percent_complete: draft.percent_complete,
      jobs: draft.jobs,
      confirmation_note: draft.confirmation_note.trim() === '' ? null : draft.confirmation_note.trim(),
    },
  };
}
