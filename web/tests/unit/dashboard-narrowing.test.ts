import { describe, expect, it } from 'vitest';

import { canNarrow, listQuery, mapKind, narrowedTo, narrowingOf, trail } from '../../src/components/dashboard/narrowing';

describe('the narrowing in the URL', () => {
  it('takes well-formed province, city and zone values and drops the rest', () => {
    expect(narrowingOf({ province: '140000', city: '140100', zone: '3' })).toEqual({ province: '140000', city: '140100', zone: '3' });
    expect(narrowingOf({ province: '140100', city: '140000', zone: '0' })).toEqual({});
    expect(narrowingOf({ city: ['140100', '140200'], zone: 'x', other: '1' })).toEqual({});
    expect(narrowingOf({ city: '14010' })).toEqual({});
  });

  it('walks from the scope down, each step keeping the levels above it', () => {
    expect(trail({ zone: '3', province: '140000' })).toEqual([
      { level: 'province', code: '140000', narrowing: { province: '140000' } },
      { level: 'zone', code: '3', narrowing: { province: '140000', zone: '3' } },
    ]);
    expect(trail({})).toEqual([]);
  });

  it('narrows one step further, keeping the levels above and dropping those below', () => {
    expect(narrowedTo({}, 'city', '140100')).toEqual({ path: '/', query: { city: '140100' } });
    expect(narrowedTo({ province: '140000' }, 'city', '140200')).toEqual({ path: '/', query: { province: '140000', city: '140200' } });
    expect(narrowedTo({ province: '140000', city: '140100', zone: '3' }, 'city', '140200')).toEqual({
      path: '/',
      query: { province: '140000', city: '140200' },
    });
    expect(narrowedTo({ city: '140100' }, 'zone', '3')).toEqual({ path: '/', query: { city: '140100', zone: '3' } });
  });

  it("turns into the project list's filters: city and zone, not province", () => {
    expect(listQuery({ province: '140000' }, { stage: 'signed' })).toEqual({ stage: 'signed' });
    expect(listQuery({ province: '140000', city: '140100', zone: '3' }, { industry: 'big_data' })).toEqual({
      city: '140100',
      zone: '3',
      industry: 'big_data',
    });
  });
});

describe('the map', () => {
  it('is the country for a national account that has not narrowed, Shanxi for Shanxi cities, else none', () => {
    expect(mapKind(true, {}, [])).toBe('china');
    expect(mapKind(true, { province: '140000' }, ['140100', '140200'])).toBe('shanxi');
    expect(mapKind(false, {}, ['140100'])).toBe('shanxi');
    expect(mapKind(true, { province: '610000' }, ['610100'])).toBeNull();
    expect(mapKind(false, {}, [])).toBeNull();
  });

  it('narrows on a click only where the server allows it and it shows something new', () => {
    expect(canNarrow('national', 'china', 1)).toBe(true);
    expect(canNarrow('region', 'shanxi', 11)).toBe(true);
    expect(canNarrow('region', 'shanxi', 1)).toBe(false); // a city account, or already narrowed
    expect(canNarrow('zone', 'shanxi', 1)).toBe(false);
    expect(canNarrow('zone', 'shanxi', 2)).toBe(false);
  });
});
