// The campaign a venue's big screen shows: the latest that has taken place (held, or held and since
// closed), never one still being planned, whose figures are not the event's.
import type { Campaign } from '@/api/campaigns';

function later(a: Campaign, b: Campaign): boolean {
  if (a.date !== b.date) return a.date > b.date;
  if (a.year !== b.year) return a.year > b.year;
  if (a.sequence !== b.sequence) return a.sequence > b.sequence;
  return a.id > b.id;
}

export function latestHeld(campaigns: Campaign[]): Campaign | null {
  let found: Campaign | null = null;
  for (const c of campaigns) {
    if (c.status === 'planning') continue;
    if (!found || later(c, found)) found = c;
  }
  return found;
}
