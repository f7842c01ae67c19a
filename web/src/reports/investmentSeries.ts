// The figures behind a project's chart of cumulative investment against plan, exact until the
// chart itself takes numbers.
//
// The plan line: the project's annual planned investment (年度计划投资) spread evenly over the
// months — one twelfth a month — accumulated from the month the project was signed (the first
// month it reports for), never above its total investment (总投资), which the chart also draws.
import type { Report } from '@/api/reports';
import { monthsBetween } from '@/format/months';

function toFen(yuan: string | null | undefined): bigint | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec((yuan ?? '').trim());
  return m ? BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0')) : null;
}

export function fenToYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const cents = abs % 100n;
  const text = cents === 0n ? `${abs / 100n}` : `${abs / 100n}.${cents.toString().padStart(2, '0').replace(/0$/, '')}`;
  return negative ? `-${text}` : text;
}

// The chart's months: from the first month the project reports for (its signing month, else its
// first report) to its latest report, at least one month.
export function chartMonths(reports: Pick<Report, 'month'>[], signMonth: string | null): string[] {
  const months = reports.map((r) => r.month).sort();
  const first = [signMonth, months[0]].filter((m): m is string => !!m).sort()[0];
  const last = months[months.length - 1] ?? first;
  if (!first || !last) return [];
  return monthsBetween(first, last < first ? first : last);
}

export type CumulativeBasis = 'official' | 'including_unapproved';

// Each month's cumulative investment on a basis, as yuan strings: the latest report on or before
// the month carries the sum through its month (no report since means nothing was added).
export function cumulativeSeries(reports: Pick<Report, 'month' | 'cumulative'>[], months: string[], basis: CumulativeBasis): string[] {
  const byMonth = new Map(reports.map((r) => [r.month, r.cumulative[basis].investment_completed]));
  let carried = '0';
  return months.map((m) => {
    carried = byMonth.get(m) ?? carried;
    return carried;
  });
}

// The plan line for `months` (consecutive, starting at the signing month), as yuan strings; empty
// when the project has no annual plan.
export function planSeries(months: string[], annualPlan: string | null, total: string): string[] {
  const annual = toFen(annualPlan);
  const cap = toFen(total);
  if (annual === null || annual === 0n || months.length === 0) return [];
  return months.map((_, i) => {
    const planned = (annual * BigInt(i + 1)) / 12n;
    return fenToYuan(cap !== null && planned > cap ? cap : planned);
  });
}

// 万元 as a chart value: the one place money becomes a binary number, to position a point.
export function wanNumber(yuan: string): number {
  return Number(yuan) / 10_000;
}
