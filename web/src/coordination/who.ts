// Who may raise and change coordination items (docs/api.md, "Coordination items"): province, city
// and zone users within their scope; supervisors and viewers read.
import type { SessionUser } from '@/api/session';

export const changesCoordination = (user: SessionUser): boolean => ['province', 'city', 'zone'].includes(user.role);
