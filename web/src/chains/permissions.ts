// Who may change industry chains: the province only (docs/api.md, "Industry chains"); the server
// refuses anyone else with 403, so this only decides which buttons the page shows.
import type { SessionUser } from '@/api/session';

export function mayEditChains(user: SessionUser | null): boolean {
  return user?.role === 'province';
}
