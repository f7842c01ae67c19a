// A campaign's form: its name, date, optional sequence, main venue and branch venues; the checks
// the server would make on them (so most mistakes show before sending), and the body to send.
// Problems are keyed by the server's own field names (`name`, `venues[2].region_code`), so one
// map holds both the form's findings and the server's answer.
import type { Campaign, CampaignBody, Venue } from '@/api/campaigns';
import type { Zone } from '@/api/catalog';

export interface VenueDraft {
  name: string;
  region_code: string;
  zone_id: number | null;
}

export interface CampaignDraft {
  name: string;
  date: string | null; // YYYY-MM-DD
  sequence: number | null; // null: the server numbers it within the year
  main: VenueDraft | null;
  branches: VenueDraft[];
}

export const nameLimit = 100;

export function emptyVenue(regionCode = ''): VenueDraft {
  return { name: '', region_code: regionCode, zone_id: null };
}

export function emptyDraft(provinceCode: string): CampaignDraft {
  return { name: '', date: null, sequence: null, main: emptyVenue(provinceCode), branches: [] };
}

function venueDraft(v: Venue): VenueDraft {
  return { name: v.name, region_code: v.region_code, zone_id: v.zone_id ?? null };
}

export function draftOf(c: Campaign): CampaignDraft {
  const main = c.venues.find((v) => v.main);
  return {
    name: c.name,
    date: c.date,
    sequence: c.sequence,
    main: main ? venueDraft(main) : null,
    branches: c.venues.filter((v) => !v.main).map(venueDraft),
  };
}

// The venues in the order they are sent: the main venue first.
export function venuesOf(d: CampaignDraft): Venue[] {
  const out: Venue[] = [];
  if (d.main) out.push({ name: d.main.name.trim(), region_code: d.main.region_code, main: true, zone_id: d.main.zone_id });
  for (const b of d.branches) out.push({ name: b.name.trim(), region_code: b.region_code, main: false, zone_id: b.zone_id });
  return out;
}

// Where a venue sits in the body, so a problem the server names as `venues[i]` finds its row.
export function venueIndex(d: CampaignDraft, which: 'main' | number): number {
  if (which === 'main') return 0;
  return which + (d.main ? 1 : 0);
}

export function createBody(d: CampaignDraft): CampaignBody {
  const body: CampaignBody = { name: d.name.trim(), date: d.date ?? '', venues: venuesOf(d) };
  if (d.sequence !== null) body.sequence = d.sequence;
  return body;
}

// The same venues in any order (the form puts the main venue first, the server keeps its own order).
function sameVenues(a: Venue[], b: Venue[]): boolean {
  const keys = (vs: Venue[]) => vs.map((v) => [v.name, v.region_code, v.main, v.zone_id ?? ''].join('\u0000')).sort();
  const [x, y] = [keys(a), keys(b)];
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

// An edit sends only what changed: moving the date makes the server check every entry again, which
// a rename should not.
export function editBody(original: Campaign, d: CampaignDraft): CampaignBody {
  const body: CampaignBody = {};
  if (d.name.trim() !== original.name) body.name = d.name.trim();
  if ((d.date ?? '') !== original.date) body.date = d.date ?? '';
  if (d.sequence !== null && d.sequence !== original.sequence) body.sequence = d.sequence;
  const venues = venuesOf(d);
  if (!sameVenues(venues, original.venues)) body.venues = venues;
  return body;
}

export type DraftProblem = 'required' | 'tooLong' | 'duplicateBranch' | 'zoneOutside';

// The part of a division code that its subdivisions share: 14 for Shanxi (140000), 1401 for
// Taiyuan (140100); a county's whole code.
export function divisionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

export function zoneInDivision(zone: Pick<Zone, 'region_code'>, code: string): boolean {
  return code !== '' && zone.region_code.startsWith(divisionPrefix(code));
}

// What is wrong with a draft before it is sent, by field.
export function checkDraft(d: CampaignDraft, zones: Pick<Zone, 'id' | 'region_code'>[]): Map<string, DraftProblem> {
  const problems = new Map<string, DraftProblem>();
  const name = d.name.trim();
  if (!name) problems.set('name', 'required');
  else if ([...name].length > nameLimit) problems.set('name', 'tooLong');
  if (!d.date) problems.set('date', 'required');

  const seenBranch = new Set<string>();
  const rows: [number, VenueDraft, boolean][] = [];
  if (d.main) rows.push([venueIndex(d, 'main'), d.main, true]);
  d.branches.forEach((b, i) => rows.push([venueIndex(d, i), b, false]));
  for (const [i, v, main] of rows) {
    if (!v.name.trim()) problems.set(`venues[${i}].name`, 'required');
    if (!v.region_code) problems.set(`venues[${i}].region_code`, 'required');
    if (v.zone_id !== null && v.region_code) {
      const zone = zones.find((z) => z.id === v.zone_id);
      if (zone && !zoneInDivision(zone, v.region_code)) problems.set(`venues[${i}].zone_id`, 'zoneOutside');
    }
    // One branch venue per city or per zone.
    if (!main && v.region_code) {
      const key = v.zone_id !== null ? `zone:${v.zone_id}` : `region:${v.region_code}`;
      if (seenBranch.has(key)) problems.set(`venues[${i}]`, 'duplicateBranch');
      seenBranch.add(key);
    }
  }
  return problems;
}

// The server says `year` when the date's year does not match; the form shows that at the date.
export function formField(serverField: string): string {
  return serverField === 'year' ? 'date' : serverField;
}
