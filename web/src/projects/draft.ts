// A project as the form holds it (text the user types, money with its unit), the API body made
// from it, and what two drafts differ in: a PATCH sends only what the user changed, and after a
// version conflict the user's changes are laid over the latest saved version.
import type {
  ApprovalKind,
  FundingSource,
  Milestone,
  Milestones,
  Project,
  ProjectBody,
} from '@/api/projects';
import { type InputUnit, canonicalYuan, fromYuan, toYuan } from '@/format/moneyInput';

export interface MoneyText {
  amount: string;
  unit: InputUnit;
}

export interface Investor {
  id: number;
  name: string;
}

export interface FundingRow {
  source: FundingSource | '';
  amount: MoneyText;
}

export interface RealisedRow {
  year: string;
  output_value: MoneyText;
  tax: MoneyText;
  jobs: string;
}

export interface ApprovalDraft {
  kind: ApprovalKind | ''; // '' — no approval recorded
  date: string | null;
  authority: string;
  document_number: string;
  extended: boolean;
  granted_on: string | null;
  start_by: string | null;
}

export interface AgreementDraft {
  present: boolean;
  output_value: MoneyText;
  tax: MoneyText;
  jobs: string;
  land_area_mu: string;
}

export interface ProjectDraft {
  code: string;
  name: string;
  zone_id: number | null;
  industry: string;
  tags: string[];
  construction_content: string;
  investor_ids: Investor[];
  total_investment: MoneyText;
  annual_planned_investment: MoneyText;
  expected_output_value: MoneyText;
  expected_tax: MoneyText;
  expected_jobs: string;
  land_area_mu: string;
  planned: Milestones;
  planned_reason: string; // one reason for the edit's planned-date slips, not a project field
  funding: FundingRow[];
  approval: ApprovalDraft;
  capacity_agreement: AgreementDraft;
  realised: RealisedRow[];
  responsible_unit: string;
  responsible_post: string;
  national_code: string;
  stats_entry_date: string | null;
  code_name: string;
}

// The units a PATCH replaces as a whole, in the API's names; also the units in which a user's
// edits and another's are told apart after a conflict.
export const draftFields = [
  'code',
  'name',
  'zone_id',
  'industry',
  'tags',
  'construction_content',
  'investor_ids',
  'total_investment',
  'annual_planned_investment',
  'expected_output_value',
  'expected_tax',
  'expected_jobs',
  'land_area_mu',
  'planned.sign',
  'planned.start',
  'planned.production',
  'planned.capacity',
  'funding',
  'approval',
  'capacity_agreement',
  'realised',
  'responsible_unit',
  'responsible_post',
  'national_code',
  'stats_entry_date',
  'code_name',
] as const;
export type DraftField = (typeof draftFields)[number];

export const moneyFields = ['total_investment', 'annual_planned_investment', 'expected_output_value', 'expected_tax'] as const;

// Why a value could not become part of a body; the form says it in words.
export type InputProblemCode = 'invalid' | 'precision' | 'integer' | 'area' | 'required' | 'year';
export interface InputProblem {
  field: string; // API name, as the server would name it
  code: InputProblemCode;
}

const money = (yuan: string | null | undefined, unit: InputUnit = 'wan'): MoneyText => ({
  amount: yuan === null || yuan === undefined || yuan === '' ? '' : fromYuan(yuan, unit),
  unit,
});

const noMilestones = (): Milestones => ({ sign: null, start: null, production: null, capacity: null });

export function emptyDraft(zoneId: number | null = null): ProjectDraft {
  return {
    code: '',
    name: '',
    zone_id: zoneId,
    industry: '',
    tags: [],
    construction_content: '',
    investor_ids: [],
    total_investment: money(''),
    annual_planned_investment: money(''),
    expected_output_value: money(''),
    expected_tax: money(''),
    expected_jobs: '',
    land_area_mu: '',
    planned: noMilestones(),
    planned_reason: '',
    funding: [],
    approval: { kind: '', date: null, authority: '', document_number: '', extended: false, granted_on: null, start_by: null },
    capacity_agreement: { present: false, output_value: money(''), tax: money(''), jobs: '', land_area_mu: '' },
    realised: [],
    responsible_unit: '',
    responsible_post: '',
    national_code: '',
    stats_entry_date: null,
    code_name: '',
  };
}

export function draftOf(p: Project): ProjectDraft {
  const a = p.approval;
  const c = p.capacity_agreement;
  return {
    code: p.code,
    name: p.name,
    zone_id: p.zone_id,
    industry: p.industry,
    tags: [...p.tags],
    construction_content: p.construction_content,
    investor_ids: p.investor_ids.map((id, i) => ({ id, name: p.investors[i] ?? `#${id}` })),
    total_investment: money(p.total_investment),
    annual_planned_investment: money(p.annual_planned_investment),
    expected_output_value: money(p.expected_output_value),
    expected_tax: money(p.expected_tax),
    expected_jobs: String(p.expected_jobs),
    land_area_mu: p.land_area_mu,
    planned: { ...noMilestones(), ...p.planned },
    planned_reason: '',
    funding: (p.funding ?? []).map((f) => ({ source: f.source, amount: money(f.amount) })),
    approval: a
      ? {
          kind: a.kind,
          date: a.date,
          authority: a.authority,
          document_number: a.document_number ?? '',
          extended: a.extension !== null,
          granted_on: a.extension?.granted_on ?? null,
          start_by: a.extension?.start_by ?? null,
        }
      : emptyDraft().approval,
    capacity_agreement: c
      ? { present: true, output_value: money(c.output_value), tax: money(c.tax), jobs: String(c.jobs), land_area_mu: c.land_area_mu ?? '' }
      : emptyDraft().capacity_agreement,
    realised: (p.realised ?? []).map((r) => ({
      year: String(r.year),
      output_value: money(r.output_value),
      tax: money(r.tax),
      jobs: String(r.jobs),
    })),
    responsible_unit: p.responsible_unit,
    responsible_post: p.responsible_post,
    national_code: p.national_code ?? '',
    stats_entry_date: p.stats_entry_date,
    code_name: p.code_name ?? '',
  };
}

// The body value of one field, or the problems that keep it from being one.
type Valued = { ok: true; value: unknown } | { ok: false; problems: InputProblem[] };

class Reader {
  problems: InputProblem[] = [];

  money(m: MoneyText, field: string): string {
    if (m.amount.trim() === '') return '0';
    const parsed = toYuan(m.amount, m.unit);
    if ('yuan' in parsed) return parsed.yuan;
    this.problems.push({ field, code: parsed.error });
    return m.amount;
  }

  integer(text: string, field: string, code: InputProblemCode = 'integer'): number {
    const t = text.trim();
    if (t === '') return 0;
    if (!/^\d{1,9}$/.test(t)) {
      this.problems.push({ field, code });
      return 0;
    }
    return Number(t);
  }

  area(text: string, field: string): string {
    const t = text.trim();
    if (t === '') return '0';
    // Up to two decimals once trailing zeros are dropped: 48.910 亩 is 48.91 亩.
    const canon = /^\d+(\.\d+)?$/.test(t) ? canonicalYuan(t) : t;
    if (/^\d+(\.\d{1,2})?$/.test(canon)) return canon;
    this.problems.push({ field, code: 'area' });
    return t;
  }
}

const nullIfBlank = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function read(d: ProjectDraft, field: DraftField): Valued {
  const r = new Reader();
  let value: unknown;
  switch (field) {
    case 'zone_id':
      if (d.zone_id === null) r.problems.push({ field, code: 'required' });
      value = d.zone_id;
      break;
    case 'industry':
      if (d.industry === '') r.problems.push({ field, code: 'required' });
      value = d.industry;
      break;
    case 'tags':
      value = [...d.tags];
      break;
    case 'investor_ids':
      value = d.investor_ids.map((i) => i.id);
      break;
    case 'total_investment':
    case 'annual_planned_investment':
    case 'expected_output_value':
    case 'expected_tax':
      value = r.money(d[field], field);
      break;
    case 'expected_jobs':
      value = r.integer(d.expected_jobs, field);
      break;
    case 'land_area_mu':
      value = r.area(d.land_area_mu, field);
      break;
    case 'planned.sign':
    case 'planned.start':
    case 'planned.production':
    case 'planned.capacity':
      value = d.planned[field.slice('planned.'.length) as Milestone] ?? null;
      break;
    case 'funding':
      value = d.funding.map((f, i) => {
        if (f.source === '') r.problems.push({ field: `funding[${i}].source`, code: 'required' });
        return { source: f.source, amount: r.money(f.amount, `funding[${i}].amount`) };
      });
      break;
    case 'approval': {
      const a = d.approval;
      value =
        a.kind === ''
          ? null
          : {
              kind: a.kind,
              date: a.date,
              authority: a.authority.trim(),
              document_number: nullIfBlank(a.document_number),
              extension: a.extended ? { granted_on: a.granted_on, start_by: a.start_by } : null,
            };
      break;
    }
    case 'capacity_agreement': {
      const c = d.capacity_agreement;
      value = c.present
        ? {
            output_value: r.money(c.output_value, 'capacity_agreement.output_value'),
            tax: r.money(c.tax, 'capacity_agreement.tax'),
            jobs: r.integer(c.jobs, 'capacity_agreement.jobs'),
            land_area_mu: c.land_area_mu.trim() === '' ? null : r.area(c.land_area_mu, 'capacity_agreement.land_area_mu'),
          }
        : null;
      break;
    }
    case 'realised':
      value = d.realised.map((y, i) => ({
        year: r.integer(y.year, `realised[${i}].year`, 'year'),
        output_value: r.money(y.output_value, `realised[${i}].output_value`),
        tax: r.money(y.tax, `realised[${i}].tax`),
        jobs: r.integer(y.jobs, `realised[${i}].jobs`),
      }));
      break;
    case 'national_code':
    case 'code_name':
      value = nullIfBlank(d[field]);
      break;
    case 'stats_entry_date':
      value = d.stats_entry_date ?? null;
      break;
    default:
      value = d[field];
  }
  return r.problems.length ? { ok: false, problems: r.problems } : { ok: true, value };
}

// What a field's value is for comparing: its body value (money and areas already in one
// spelling); unreadable input compares as the text typed.
function comparable(d: ProjectDraft, field: DraftField): string {
  const v = read(d, field);
  if (!v.ok) return `!${JSON.stringify(partOf(d, field))}`;
  return JSON.stringify(v.value);
}

// The fields in which two drafts differ, in form order.
export function changedFields(a: ProjectDraft, b: ProjectDraft): DraftField[] {
  return draftFields.filter((f) => comparable(a, f) !== comparable(b, f));
}

// The part of a draft that holds one field.
export function partOf(d: ProjectDraft, field: DraftField): unknown {
  if (field.startsWith('planned.')) return d.planned[field.slice('planned.'.length) as Milestone];
  return d[field as Exclude<DraftField, `planned.${string}`>];
}

function setPart(d: ProjectDraft, field: DraftField, part: unknown): void {
  if (field.startsWith('planned.')) d.planned[field.slice('planned.'.length) as Milestone] = part as string | null;
  else (d as unknown as Record<string, unknown>)[field] = part;
}

// Drafts hold only JSON values; a copy must not share arrays with a reactive form.
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export type BodyResult = { ok: true; body: ProjectBody } | { ok: false; problems: InputProblem[] };

function bodyOf(d: ProjectDraft, fields: readonly DraftField[]): BodyResult {
  const body: ProjectBody = {};
  const problems: InputProblem[] = [];
  for (const field of fields) {
    const v = read(d, field);
    if (!v.ok) {
      problems.push(...v.problems);
      continue;
    }
    if (field.startsWith('planned.')) {
      // The four dates go together, so the server sees the order the user sees.
      body.planned = { ...d.planned };
    } else {
      body[field] = v.value;
    }
  }
  if (body.planned && d.planned_reason.trim()) body.planned_reason = d.planned_reason.trim();
  return problems.length ? { ok: false, problems } : { ok: true, body };
}

// A PATCH body: only the fields the user changed since `baseline` (the version opened).
export function patchBody(baseline: ProjectDraft, mine: ProjectDraft): BodyResult {
  return bodyOf(mine, changedFields(baseline, mine));
}

// A POST body: every field, leaving out identity fields left empty.
export function createBody(d: ProjectDraft): BodyResult {
  const result = bodyOf(d, draftFields);
  if (!result.ok) return result;
  for (const key of ['approval', 'capacity_agreement', 'national_code', 'stats_entry_date', 'code_name']) {
    if (result.body[key] === null) delete result.body[key];
  }
  return result;
}

export interface ConflictRow {
  field: DraftField;
  mine: unknown; // the user's part
  latest: unknown; // the latest saved version's part
  editedByMe: boolean; // the user changed it: the merge keeps the user's value
  editedByOther: boolean;
}

// Where the user's input and the latest version differ, and whose change caused each difference.
export function conflictRows(baseline: ProjectDraft, mine: ProjectDraft, latest: ProjectDraft): ConflictRow[] {
  const mineChanged = new Set(changedFields(baseline, mine));
  const otherChanged = new Set(changedFields(baseline, latest));
  return changedFields(mine, latest).map((field) => ({
    field,
    mine: partOf(mine, field),
    latest: partOf(latest, field),
    editedByMe: mineChanged.has(field),
    editedByOther: otherChanged.has(field),
  }));
}

// The latest version with the user's own changes (since `baseline`) laid over it.
export function mergeEdits(baseline: ProjectDraft, mine: ProjectDraft, latest: ProjectDraft): ProjectDraft {
  const merged = clone(latest);
  for (const field of changedFields(baseline, mine)) setPart(merged, field, clone(partOf(mine, field)));
  merged.planned_reason = mine.planned_reason;
  return merged;
}

// Planned dates the draft moves later or clears: a slip, which needs a reason.
export function plannedSlips(baseline: ProjectDraft, mine: ProjectDraft): Milestone[] {
  return (Object.keys(mine.planned) as Milestone[]).filter((m) => {
    const before = baseline.planned[m];
    const after = mine.planned[m];
    return before !== null && (after === null || after > before);
  });
}
