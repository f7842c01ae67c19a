// What the import preview shows, worked out from the server's answer without Vue: the sections
// and their counts, which fields hold money (and in which unit to show them), the extra keys a
// kind's rows carry, and the totals a sheet states against those its rows add up to.
import type { Campaign } from '@/api/campaigns';
import type { ImportColumn, ImportPreview, PlannedRow, TotalCheck } from '@/api/imports';
import { type MoneyUnit, formatMoney } from '@/format/money';

export type SectionKey = 'created' | 'updated' | 'unchanged' | 'rejected' | 'repeated' | 'near_duplicates';
export const sectionKeys: SectionKey[] = ['created', 'updated', 'unchanged', 'rejected', 'repeated', 'near_duplicates'];

export interface Section {
  key: SectionKey;
  count: number;
}

// Every section with its count (the server's counts; the list's length where it gave none).
export function sections(p: ImportPreview): Section[] {
  return sectionKeys.map((key) => {
    const counted = (p.counts as unknown as Record<string, number | undefined>)[key];
    const list = p[key] as unknown[] | undefined;
    return { key, count: typeof counted === 'number' ? counted : (list?.length ?? 0) };
  });
}

// The first section worth opening: rejected rows first, since they need fixing, then new rows.
export function firstSection(all: Section[]): SectionKey {
  const order: SectionKey[] = ['rejected', 'near_duplicates', 'created', 'updated', 'repeated', 'unchanged'];
  return order.find((k) => (all.find((s) => s.key === k)?.count ?? 0) > 0) ?? 'created';
}

// Fields whose values are money, with the unit to show them in: the sheet's own unit when it used
// 万元 or 元 (shown in 万元), else 亿元. Known money fields count even when no column names them.
const knownMoney = ['total_investment', 'annual_planned_investment', 'expected_output_value', 'expected_tax', 'investment_completed', 'capital_arrived'];

export function moneyUnits(columns: ImportColumn[]): Map<string, MoneyUnit> {
  const units = new Map<string, MoneyUnit>(knownMoney.map((f) => [f, 'yi']));
  for (const c of columns) if (c.unit) units.set(c.field, c.unit === 'yi' ? 'yi' : 'wan');
  return units;
}

export interface Shown {
  text: string;
  unit: MoneyUnit | null; // set when the text is an amount
}

export function showValue(field: string, value: unknown, units: Map<string, MoneyUnit>): Shown {
  if (value === null || value === undefined) return { text: '', unit: null };
  const unit = units.get(field);
  if (unit && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return { text: formatMoney(value, unit), unit };
  if (typeof value === 'object') return { text: JSON.stringify(value), unit: null };
  return { text: String(value), unit: null };
}

// The rows a section lists as objects (the server lists unchanged rows as bare row numbers).
export function rowsOf(list: readonly (number | PlannedRow)[] | undefined): PlannedRow[] {
  return (list ?? []).map((r) => (typeof r === 'number' ? { row: r } : r));
}

// Keys beyond row and name that any of the rows carries, in the order they first appear; a kind's
// own keys (month, batch, project_id …) show as columns without the page knowing them.
export function extraKeys(rows: readonly PlannedRow[]): string[] {
  const keys: string[] = [];
  for (const r of rows) {
    for (const key of Object.keys(r)) if (!['row', 'name', 'changes'].includes(key) && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

function toFen(yuan: string): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) return null;
  const fen = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

function fenToYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const cents = abs % 100n;
  const text = cents === 0n ? `${abs / 100n}` : `${abs / 100n}.${cents.toString().padStart(2, '0').replace(/0$/, '')}`;
  return negative ? `-${text}` : text;
}

// Stated less computed, exact, in yuan ("" when either is not an amount).
export function totalDifference(check: TotalCheck): string {
  const stated = toFen(check.stated);
  const computed = toFen(check.computed);
  return stated === null || computed === null ? '' : fenToYuan(stated - computed);
}

// Rows the user chose to create although they look like stored projects, for the commit body.
export function chosenNearDuplicates(chosen: readonly number[], p: ImportPreview): number[] {
  const offered = new Set(p.near_duplicates.map((n) => n.row));
  return [...new Set(chosen)].filter((r) => offered.has(r)).sort((a, b) => a - b);
}

// The campaigns a batch list can go to: those still being planned (the server refuses held ones).
export function plannedCampaigns(all: readonly Campaign[]): Campaign[] {
  return all.filter((c) => c.status === 'planning');
}
