// User administration, the caller's password and API tokens (docs/api.md, "Accounts, passwords
// and tokens").
import { request } from './client';

export type Role = 'province' | 'city' | 'zone' | 'supervisor' | 'viewer';

export interface Account {
  id: number;
  name: string;
  display_name: string;
  role: Role;
  scope: string; // a zone code, a region code or "national"
  active: boolean;
  must_change_password: boolean;
  version: number;
  temporary_password?: string; // only in the answer that made it
}

export interface AccountDraft {
  name: string;
  role: Role;
  scope: string;
  display_name?: string;
}

export interface AccountChange {
  active?: boolean;
  role?: Role;
  scope?: string;
  display_name?: string;
  reset_password?: boolean;
}

export interface ApiToken {
  id: string;
  label: string;
  created_at: string;
  expires_at: string | null;
  token?: string; // only in the answer that made it
}

export async function listUsers(): Promise<Account[]> {
  return (await request<{ items: Account[] }>('GET', '/api/v1/users')).data.items;
}

export async function createUser(draft: AccountDraft): Promise<Account> {
  return (await request<Account>('POST', '/api/v1/users', { body: draft })).data;
}

export async function updateUser(account: Account, change: AccountChange): Promise<Account> {
  return (await request<Account>('PATCH', `/api/v1/users/${account.id}`, { body: change, ifMatch: `"${account.version}"` })).data;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request<void>('POST', '/api/v1/session/password', {
    body: { current_password: currentPassword, new_password: newPassword },
  });
}

export async function listTokens(): Promise<ApiToken[]> {
  return (await request<{ items: ApiToken[] }>('GET', '/api/v1/tokens')).data.items;
}

export async function createToken(label: string, days: number): Promise<ApiToken> {
  return (await request<ApiToken>('POST', '/api/v1/tokens', { body: { label, days } })).data;
}

export async function revokeToken(id: string): Promise<void> {
  await request<void>('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
}
