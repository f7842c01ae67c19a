// Who does what with monthly reports (docs/api.md, "Monthly progress reports", Who): zone users
// write their zone's reports, city users review their zones', the province may do both anywhere.
import type { SessionUser } from '@/api/session';

export const entersReports = (user: SessionUser): boolean => user.role === 'zone' || user.role === 'province';
export const reviewsReports = (user: SessionUser): boolean => user.role === 'city' || user.role === 'province';
