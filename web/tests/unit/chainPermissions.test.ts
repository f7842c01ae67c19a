import { describe, expect, it } from 'vitest';

import type { SessionUser } from '../../src/api/session';

import { mayEditChains } from '../../src/chains/permissions';

const user = (role: string): SessionUser => ({ id: 1, name: 'x', role, can_write_projects: false, scope: { kind: 'national' } });

describe('chain permissions', () => {
  it('shows chain writes (the delete button) to the province only', () => {
    expect(mayEditChains(user('province'))).toBe(true);
    for (const role of ['city', 'zone', 'supervisor', 'viewer', 'nation']) expect(mayEditChains(user(role))).toBe(false);
    expect(mayEditChains(null)).toBe(false);
  });
});
