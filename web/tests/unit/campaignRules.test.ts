import { describe, expect, it } from 'vitest';

import { type Campaign, type ChangedEntry, bulletinUrl } from '../../src/api/campaigns';
import { ApiError } from '../../src/api/client';
import { batchDelta, countsNow, differenceYuan, entryFacts, signed } from '../../src/campaigns/changes';
import { campaignStatusKey, campaignStatusTag, entryStatusKey, entryStatusTag } from '../../src/campaigns/labels';
import { latestHeld } from '../../src/campaigns/latestHeld';
import {
  canCloseCampaign,
  canConfirmEntry,
  canCreateCampaign,
  canEditCampaign,
  canEnterProjects,
  canHoldCampaign,
  canRemoveEntry,
  canWithdrawEntry,
  entersAsProposal,
} from '../../src/campaigns/permissions';
import { entryRefusal, refusalLines, stepRefusal } from '../../src/campaigns/refusal';

const as = (role: string) => ({ role });
const planning = { status: 'planning' as const };
const held = { status: 'held' as const };
const closed = { status: 'closed' as const };
const proposed = { status: 'proposed' as const };
const confirmed = { status: 'confirmed' as const };
const withdrawn = { status: 'withdrawn' as const };

describe('who may do what', () => {
  it('leaves creating, editing, holding and closing to the province, each at its step', () => {
    expect(canCreateCampaign(as('province'))).toBe(true);
    for (const role of ['city', 'zone', 'supervisor', 'viewer']) expect(canCreateCampaign(as(role))).toBe(false);
    expect(canCreateCampaign(null)).toBe(false);
    expect(canEditCampaign(as('province'), planning)).toBe(true);
    expect(canEditCampaign(as('province'), held)).toBe(false);
    expect(canEditCampaign(as('city'), planning)).toBe(false);
    expect(canHoldCampaign(as('province'), planning)).toBe(true);
    expect(canHoldCampaign(as('province'), held)).toBe(false);
    expect(canCloseCampaign(as('province'), held)).toBe(true);
    expect(canCloseCampaign(as('province'), planning)).toBe(false);
    expect(canCloseCampaign(as('province'), closed)).toBe(false);
  });

  it('lets zones propose and cities or the province enter, before the event only', () => {
    for (const role of ['province', 'city', 'zone']) expect(canEnterProjects(as(role), planning)).toBe(true);
    for (const role of ['supervisor', 'viewer']) expect(canEnterProjects(as(role), planning)).toBe(false);
    expect(canEnterProjects(as('province'), held)).toBe(false);
    expect(entersAsProposal(as('zone'))).toBe(true);
    expect(entersAsProposal(as('city'))).toBe(false);
  });

  it('has cities and the province confirm proposals; zones remove only their own proposals', () => {
    expect(canConfirmEntry(as('city'), planning, proposed)).toBe(true);
    expect(canConfirmEntry(as('province'), planning, proposed)).toBe(true);
    expect(canConfirmEntry(as('zone'), planning, proposed)).toBe(false);
    expect(canConfirmEntry(as('city'), planning, confirmed)).toBe(false);
    expect(canConfirmEntry(as('city'), held, proposed)).toBe(false);
    expect(canRemoveEntry(as('zone'), planning, proposed)).toBe(true);
    expect(canRemoveEntry(as('zone'), planning, confirmed)).toBe(false);
    expect(canRemoveEntry(as('city'), planning, confirmed)).toBe(true);
    expect(canRemoveEntry(as('province'), held, confirmed)).toBe(false);
    expect(canRemoveEntry(as('viewer'), planning, proposed)).toBe(false);
  });

  it('lets only the province withdraw a counted entry of a held campaign', () => {
    expect(canWithdrawEntry(as('province'), held, confirmed)).toBe(true);
    expect(canWithdrawEntry(as('province'), held, withdrawn)).toBe(false);
    expect(canWithdrawEntry(as('province'), planning, confirmed)).toBe(false);
    expect(canWithdrawEntry(as('city'), held, confirmed)).toBe(false);
  });
});

const problem = (status: number, fields: [string, string][] = [], message = 'detail') =>
  new ApiError(status, '', message, fields.map(([field, m]) => ({ field, message: m })), null);

describe('refusals in words', () => {
  it('tells an entry refusal by its status and field', () => {
    expect(entryRefusal(problem(409, [['project_id', '已计入活动「A」（编号1）']]))).toBe('doubleCounted');
    expect(entryRefusal(problem(422, [['batch', '须已签约']]))).toBe('stageRule');
    expect(entryRefusal(problem(404, [['project_id', '项目不存在']]))).toBe('outOfScope');
    expect(entryRefusal(problem(409, [['status', 'held']]))).toBe('locked');
    expect(entryRefusal(problem(403))).toBe('forbidden');
    expect(entryRefusal(problem(409))).toBe('other');
    expect(entryRefusal(new Error('network'))).toBe('other');
  });

  it('tells a hold, close or edit refusal', () => {
    expect(stepRefusal(problem(409, [['entries', '还有1项']]))).toBe('pendingProposals');
    expect(stepRefusal(problem(409, [['entries[42].start', '须已签约']]))).toBe('entryRules');
    expect(stepRefusal(problem(422, [['date', '尚未到来']]))).toBe('futureDate');
    expect(stepRefusal(problem(409))).toBe('stale');
    expect(stepRefusal(problem(409, [['status', '已举办']]))).toBe('status');
    expect(stepRefusal(problem(422, [['status', '只有已举办的活动可以结束']]))).toBe('status');
    expect(stepRefusal(problem(403))).toBe('forbidden');
  });

  it("keeps the server's words, each once", () => {
    expect(refusalLines(problem(409, [['project_id', 'same']], 'same'))).toEqual(['same']);
    expect(refusalLines(problem(409, [['entries[1].start', 'b']], 'a'))).toEqual(['a', 'b']);
  });
});

function changed(over: Partial<ChangedEntry> = {}): ChangedEntry {
  return {
    project_id: 42,
    batch: 'produce',
    status: 'confirmed',
    reason: '',
    project_name: 'p',
    counted: { zone_id: 3, industry: 'new_energy', total_investment: '1250000000' },
    now: { zone_id: 3, industry: 'new_energy', total_investment: '1250000000', stage: 'producing', status: 'active' },
    ...over,
  };
}

describe('changes since holding', () => {
  it('says what changed in an entry', () => {
    expect(entryFacts(changed())).toEqual([]);
    expect(entryFacts(changed({ status: 'withdrawn', reason: '信息有误' }))).toEqual([{ kind: 'withdrawn', reason: '信息有误' }]);
    const moved = changed({ now: { zone_id: 4, industry: 'big_data', total_investment: '1200000000.5', stage: 'started', status: 'cancelled' } });
    expect(entryFacts(moved)).toEqual([
      { kind: 'cancelled' },
      { kind: 'stageBehind', stage: 'started' },
      { kind: 'zone', from: 3, to: 4 },
      { kind: 'industry', from: 'new_energy', to: 'big_data' },
      { kind: 'investment', from: '1250000000', to: '1200000000.5', delta: '-49999999.50' },
    ]);
  });

  it('counts an entry today only if not withdrawn, not cancelled and still at its batch stage or later', () => {
    expect(countsNow(changed())).toBe(true);
    expect(countsNow(changed({ now: { ...changed().now, stage: 'at_capacity' } }))).toBe(true);
    expect(countsNow(changed({ now: { ...changed().now, stage: 'started' } }))).toBe(false);
    expect(countsNow(changed({ status: 'withdrawn' }))).toBe(false);
    expect(countsNow(changed({ batch: 'sign', now: { ...changed().now, stage: 'signed', status: 'cancelled' } }))).toBe(false);
  });

  it('takes differences of money exactly, beyond what a float holds', () => {
    expect(differenceYuan('90071992547409930', '1')).toBe('90071992547409929');
    expect(differenceYuan('0.1', '0.3')).toBe('-0.20');
    expect(differenceYuan('5', '5.00')).toBe('0');
    expect(batchDelta({ batch: 'sign', projects_counted: 321, total_investment_counted: '100', projects_now: 320, total_investment_now: '40.5' }))
      .toEqual({ batch: 'sign', projects: -1, investment: '-59.50' });
    expect([signed('-1'), signed('3'), signed('0'), signed('0.00'), signed('-0.60')]).toEqual(['−1', '+3', '0', '0.00', '−0.60']);
  });
});

function campaign(id: number, date: string, status: Campaign['status'], sequence = 1): Campaign {
  return { id, name: `c${id}`, date, year: Number(date.slice(0, 4)), sequence, status, held_on: null, venues: [], version: 1 };
}

describe('the campaign a big screen shows', () => {
  it('is the latest held or closed one, never one being planned', () => {
    expect(latestHeld([])).toBeNull();
    expect(latestHeld([campaign(1, '2023-01-01', 'planning')])).toBeNull();
    const list = [campaign(1, '2022-06-22', 'held'), campaign(2, '2023-09-20', 'planning'), campaign(3, '2022-03-01', 'closed')];
    expect(latestHeld(list)?.id).toBe(1);
    expect(latestHeld([...list, campaign(4, '2022-06-22', 'closed', 3)])?.id).toBe(4);
  });
});

describe('labels and addresses', () => {
  it('names known states and keeps unknown codes', () => {
    expect(campaignStatusKey('held')).toBe('campaigns.status.held');
    expect(campaignStatusKey('archived')).toBeNull();
    expect(campaignStatusTag('planning')).toBe('warning');
    expect(entryStatusKey('proposed')).toBe('campaigns.entryStatus.proposed');
    expect(entryStatusKey('x')).toBeNull();
    expect(entryStatusTag('withdrawn')).toBe('info');
  });

  it("builds the bulletin's address in each language and format", () => {
    expect(bulletinUrl(7, 'zh', 'html')).toBe('/api/v1/campaigns/7/bulletin?lang=zh&format=html');
    expect(bulletinUrl(7, 'en', 'docx')).toBe('/api/v1/campaigns/7/bulletin?lang=en&format=docx');
  });
});
