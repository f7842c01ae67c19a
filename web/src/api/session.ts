// POST/GET/DELETE /api/v1/session (docs/api.md, "Endpoints").
import { endSession, request } from './client';

export type UserScope =
  | { kind: 'national' }
  | { kind: 'region'; region_code: string }
  | { kind: 'zone'; zone_id: number };

// The user as session answers show it (docs/api.md, "Shapes").
export interface SessionUser {
  id: number;
  name: string;
  role: 'province' | 'city' | 'zone' | 'supervisor' | 'viewer' | 'nation' | string;
  can_write_projects: boolean;
  scope: UserScope;
  display_name?: string;
  must_change_password?: boolean; // a temporary password: only the password change is open
}

export interface Session {
  user: SessionUser;
  csrf_token: string | null;
}

export async function logIn(username: string, password: string): Promise<Session> {
  return (await request<Session>('POST', '/api/v1/session', { body: { username, password } })).data;
}

export async function currentSession(): Promise<Session> {
  return (await request<Session>('GET', '/api/v1/session')).data;
}

// The page's requests still on their way are answered first (for up to five seconds, then called
// off): answered after the session had ended, they would come back 401.
export async function logOut(): Promise<void> {
  await endSession('/api/v1/session', 5000);
}
