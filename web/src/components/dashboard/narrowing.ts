// Where the dashboard looks: the caller's scope, optionally narrowed to a province, a city or a
// zone. The narrowing lives in the URL (?province=, ?city=, ?zone=) so a narrowed view can be
// bookmarked and the browser's Back goes up again; it is passed to GET /api/v1/dashboard as is.
import type { LocationQuery } from 'vue-router';

import type { DashboardNarrowing } from '@/api/dashboard';

export type Level = keyof DashboardNarrowing;
export const levels: Level[] = ['province', 'city', 'zone'];

// A malformed value would only earn a 400, so it is left out as if absent.
const valid: Record<Level, (v: string) => boolean> = {
  province: (v) => /^\d{2}0000$/.test(v),
  city: (v) => /^\d{4}00$/.test(v) && !v.endsWith('0000'),
  zone: (v) => /^[1-9]\d{0,9}$/.test(v),
};

export function narrowingOf(query: LocationQuery): DashboardNarrowing {
  const n: DashboardNarrowing = {};
  for (const level of levels) {
    const v = query[level];
    if (typeof v === 'string' && valid[level](v)) n[level] = v;
  }
  return n;
}

// The trail from the scope down to the narrowest level: each step's narrowing keeps the levels
// above it, so its link goes back exactly there.
export function trail(n: DashboardNarrowing): { level: Level; code: string; narrowing: DashboardNarrowing }[] {
  const steps: { level: Level; code: string; narrowing: DashboardNarrowing }[] = [];
  let upTo: DashboardNarrowing = {};
  for (const level of levels) {
    const code = n[level];
    if (!code) continue;
    upTo = { ...upTo, [level]: code };
    steps.push({ level, code, narrowing: upTo });
  }
  return steps;
}

// The dashboard's own location narrowed one step further: the levels above `level` stay, those
// below it go (a zone chosen before belongs to the old view).
export function narrowedTo(n: DashboardNarrowing, level: Level, code: string): { path: string; query: DashboardNarrowing } {
  const query: DashboardNarrowing = {};
  for (const l of levels.slice(0, levels.indexOf(level))) if (n[l]) query[l] = n[l];
  query[level] = code;
  return { path: '/', query };
}

// The project list's query behind a figure: the list filters by city and zone (it has no
// province filter, and the caller's scope already limits it), plus the figure's own filter.
export function listQuery(n: DashboardNarrowing, extra: Record<string, string> = {}): Record<string, string> {
  const q: Record<string, string> = {};
  if (n.city) q.city = n.city;
  if (n.zone) q.zone = n.zone;
  return { ...q, ...extra };
}

// Which map shows the regions: the country's provinces for a national account that has not
// narrowed yet, Shanxi's cities when every city in the answer is one of Shanxi's (the only
// province whose map Sanpi carries), otherwise none (the region list alone).
export type MapKind = 'china' | 'shanxi' | null;

export function mapKind(national: boolean, n: DashboardNarrowing, cityCodes: string[]): MapKind {
  if (national && !n.province && !n.city && !n.zone) return 'china';
  if (cityCodes.length > 0 && cityCodes.every((c) => c.startsWith('14'))) return 'shanxi';
  return null;
}

// Clicking a region narrows to it only where that shows something new and the server allows it:
// a zone account may not narrow by province or city, and one region alone is already the view.
export function canNarrow(scopeKind: string, kind: MapKind, regionCount: number): boolean {
  if (scopeKind === 'zone') return false;
  return kind === 'china' || regionCount > 1;
}
