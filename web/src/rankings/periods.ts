// Ranking periods as the API spells them: "2022" (a year) or "2022Q2" (a quarter).

export interface Period {
  year: number;
  quarter: number; // 0: the whole year
}

export function parsePeriod(text: string): Period | null {
  const m = /^(\d{4})(?:[Qq]([1-4]))?$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), quarter: m[2] ? Number(m[2]) : 0 };
}

export function periodText(p: Period): string {
  return p.quarter === 0 ? String(p.year) : `${p.year}Q${p.quarter}`;
}

// The quarter an ISO day ("2022-05-20") falls in.
export function quarterOf(day: string): Period | null {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(day);
  if (!m) return null;
  return { year: Number(m[1]), quarter: Math.floor((Number(m[2]) - 1) / 3) + 1 };
}

// The last quarter that has ended by `today` (an ISO day).
export function lastCompleteQuarter(today: string): Period | null {
  const q = quarterOf(today);
  if (!q) return null;
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

// "↑3", "↓2", "–" (unchanged) or "" (no previous rank).
export function rankChangeText(change: number | null): string {
  if (change === null) return '';
  if (change === 0) return '–';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}
