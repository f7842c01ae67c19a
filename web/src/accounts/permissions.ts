// Who may manage accounts and which roles they may give (the server decides; this only shapes the
// page): the province every role, a city zone accounts only.
import type { SessionUser } from '@/api/session';
import type { Role } from '@/api/accounts';

export const allRoles: Role[] = ['province', 'city', 'zone', 'supervisor', 'viewer'];

export function managesAccounts(user: SessionUser): boolean {
  return user.role === 'province' || user.role === 'city';
}

export function rolesFor(user: SessionUser): Role[] {
  if (user.role === 'province') return allRoles;
  if (user.role === 'city') return ['zone'];
  return [];
}

// The client-side twin of the server's rule, so the form says it before a round trip.
export function passwordProblem(password: string, confirm: string): 'length' | 'mismatch' | null {
  if ([...password].length < 12) return 'length';
  if (password !== confirm) return 'mismatch';
  return null;
}

// Token validity choices, in days (the server accepts 1–366).
export const tokenDays = [7, 30, 90, 180, 365];
