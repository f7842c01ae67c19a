import { describe, expect, it } from 'vitest';

import type { SessionUser } from '../../src/api/session';

import { managesAccounts, passwordProblem, rolesFor } from '../../src/accounts/permissions';

const user = (role: string): SessionUser => ({ id: 1, name: 'x', role, can_write_projects: false, scope: { kind: 'national' } });

describe('account permissions', () => {
  it('lets the province give every role and a city zone accounts only', () => {
    expect(rolesFor(user('province'))).toEqual(['province', 'city', 'zone', 'supervisor', 'viewer']);
    expect(rolesFor(user('city'))).toEqual(['zone']);
    expect(rolesFor(user('zone'))).toEqual([]);
    expect(managesAccounts(user('city'))).toBe(true);
    expect(managesAccounts(user('supervisor'))).toBe(false);
    expect(managesAccounts(user('viewer'))).toBe(false);
  });

  it('checks a new password the way the server counts it', () => {
    expect(passwordProblem('short', 'short')).toBe('length');
    expect(passwordProblem('三批项目开工投产达产达效一二', '三批项目开工投产达产达效一二')).toBeNull();
    expect(passwordProblem('twelve-chars', 'twelve-charz')).toBe('mismatch');
    expect(passwordProblem('twelve-chars', 'twelve-chars')).toBeNull();
  });
});
