import { describe, expect, it } from 'vitest';

import type { Campaign } from '../../src/api/campaigns';
import {
  type CampaignDraft,
  checkDraft,
  createBody,
  divisionPrefix,
  draftOf,
  editBody,
  emptyDraft,
  emptyVenue,
  formField,
  venueIndex,
  zoneInDivision,
} from '../../src/campaigns/draft';

const zones = [
  { id: 1, region_code: '140100' }, // Taiyuan
  { id: 3, region_code: '140200' }, // Datong
  { id: 9, region_code: '140105' }, // a county of Taiyuan
];

function draft(changes: Partial<CampaignDraft> = {}): CampaignDraft {
  return {
    name: '2023年第三次“三个一批”活动',
    date: '2023-09-20',
    sequence: null,
    main: { name: '主会场', region_code: '140000', zone_id: null },
    branches: [{ name: '太原市分会场', region_code: '140100', zone_id: null }],
    ...changes,
  };
}

const held: Campaign = {
  id: 4,
  name: '老活动',
  date: '2022-06-22',
  year: 2022,
  sequence: 2,
  status: 'planning',
  held_on: null,
  venues: [
    { name: '太原市分会场', region_code: '140100', main: false, zone_id: 1 },
    { name: '主会场', region_code: '140000', main: true, zone_id: null },
  ],
  version: 3,
};

describe('campaign form checks', () => {
  it('accepts a complete draft', () => {
    expect([...checkDraft(draft(), zones)]).toEqual([]);
  });

  it('names each missing field as the server does, the main venue first', () => {
    const d = draft({ name: '  ', date: null, branches: [emptyVenue(), { name: 'x', region_code: '', zone_id: null }] });
    expect(Object.fromEntries(checkDraft(d, zones))).toEqual({
      name: 'required',
      date: 'required',
      'venues[1].name': 'required',
      'venues[1].region_code': 'required',
      'venues[2].region_code': 'required',
    });
  });

  it('counts characters, not UTF-16 units, against the 100-character limit', () => {
    expect(checkDraft(draft({ name: '活'.repeat(100) }), zones).get('name')).toBeUndefined();
    expect(checkDraft(draft({ name: '活'.repeat(101) }), zones).get('name')).toBe('tooLong');
  });

  it('allows one branch venue per city and one per zone', () => {
    const twoCity = draft({ branches: [emptyVenue('140100'), emptyVenue('140100')].map((v, i) => ({ ...v, name: `v${i}` })) });
    expect(checkDraft(twoCity, zones).get('venues[2]')).toBe('duplicateBranch');
    const cityAndZone = draft({
      branches: [
        { name: 'a', region_code: '140100', zone_id: null },
        { name: 'b', region_code: '140100', zone_id: 1 },
      ],
    });
    expect([...checkDraft(cityAndZone, zones)]).toEqual([]);
    const twoZone = draft({
      main: null,
      branches: [
        { name: 'a', region_code: '140100', zone_id: 1 },
        { name: 'b', region_code: '140000', zone_id: 1 },
      ],
    });
    expect(checkDraft(twoZone, zones).get('venues[1]')).toBe('duplicateBranch');
  });

  it('refuses a zone outside the venue division, and finds a county zone inside its city and province', () => {
    const outside = draft({ branches: [{ name: 'a', region_code: '140100', zone_id: 3 }] });
    expect(checkDraft(outside, zones).get('venues[1].zone_id')).toBe('zoneOutside');
    expect(zoneInDivision(zones[2]!, '140100')).toBe(true);
    expect(zoneInDivision(zones[2]!, '140000')).toBe(true);
    expect(zoneInDivision(zones[1]!, '140100')).toBe(false);
    expect(zoneInDivision(zones[0]!, '')).toBe(false);
    expect(divisionPrefix('140000')).toBe('14');
    expect(divisionPrefix('140100')).toBe('1401');
    expect(divisionPrefix('140105')).toBe('140105');
  });

  it('shows a year problem at the date', () => {
    expect(formField('year')).toBe('date');
    expect(formField('venues[0].name')).toBe('venues[0].name');
  });
});

describe('campaign bodies', () => {
  it('sends the main venue first and no sequence unless one was given', () => {
    const body = createBody(draft({ name: ' 活动 ' }));
    expect(body).toEqual({
      name: '活动',
      date: '2023-09-20',
      venues: [
        { name: '主会场', region_code: '140000', main: true, zone_id: null },
        { name: '太原市分会场', region_code: '140100', main: false, zone_id: null },
      ],
    });
    expect(createBody(draft({ sequence: 3 })).sequence).toBe(3);
  });

  it('indexes venues in body order, with or without a main venue', () => {
    expect(venueIndex(draft(), 'main')).toBe(0);
    expect(venueIndex(draft(), 0)).toBe(1);
    expect(venueIndex(draft({ main: null }), 0)).toBe(0);
  });

  it('reads a campaign back into a draft and sends only what an edit changed', () => {
    const d = draftOf(held);
    expect(d.main?.name).toBe('主会场');
    expect(d.branches).toEqual([{ name: '太原市分会场', region_code: '140100', zone_id: 1 }]);
    expect(editBody(held, d)).toEqual({});
    expect(editBody(held, { ...d, name: '新名称' })).toEqual({ name: '新名称' });
    expect(editBody(held, { ...d, date: '2022-07-01', sequence: 2 })).toEqual({ date: '2022-07-01' });
    const moved = { ...d, branches: [{ ...d.branches[0]!, zone_id: null }] };
    expect(editBody(held, moved).venues?.[1]).toEqual({ name: '太原市分会场', region_code: '140100', main: false, zone_id: null });
  });

  it('starts a new draft with a main venue in the province', () => {
    expect(emptyDraft('140000').main).toEqual({ name: '', region_code: '140000', zone_id: null });
  });
});
