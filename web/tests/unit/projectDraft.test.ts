import { describe, expect, it } from 'vitest';

import type { Project } from '../../src/api/projects';
import {
  changedFields,
  conflictRows,
  createBody,
  draftOf,
  emptyDraft,
  mergeEdits,
  patchBody,
  plannedSlips,
} from '../../src/projects/draft';

function project(overrides: Partial<Project> = {}): Project {
  return {
    id: 42,
    code: 'SX2022-0042',
    name: '山西高性能铝合金项目',
    zone_id: 1,
    zone_name: '山西转型综合改革示范区',
    region_code: '140100',
    city_code: '140100',
    investor_ids: [216, 7],
    investors: ['山西并州泰装备制造有限公司', '太原重工'],
    industry: 'new_materials',
    chain_node_id: null,
    total_investment: '176070000',
    construction_content: '新建生产线',
    planned: { sign: '2022-05-29', start: '2022-10-01', production: '2024-03-29', capacity: null },
    actual: { sign: '2022-06-22', start: null, production: null, capacity: null },
    stage: 'signed',
    status: 'active',
    annual_planned_investment: '68667300',
    expected_output_value: '278190600',
    expected_tax: '25037154',
    expected_jobs: 1130,
    land_area_mu: '48.91',
    responsible_unit: '管委会',
    responsible_post: '管委会主任',
    tags: ['provincial_key'],
    synthetic: true,
    version: 3,
    national_code: null,
    national_code_legacy: false,
    approval: null,
    stats_entry_date: null,
    code_name: null,
    capacity_agreement: { output_value: '278190600', tax: '25037154', jobs: 1130, land_area_mu: '48.91' },
    funding: [
      { source: 'bank_loans', amount: '65140000' },
      { source: 'own_funds', amount: '110930000' },
    ],
    realised: [],
    ...overrides,
  };
}

describe('draftOf', () => {
  it('holds money in 万元 exactly and keeps investors with their names', () => {
    const d = draftOf(project());
    expect(d.total_investment).toEqual({ amount: '17607', unit: 'wan' });
    expect(d.annual_planned_investment).toEqual({ amount: '6866.73', unit: 'wan' });
    expect(d.investor_ids).toEqual([
      { id: 216, name: '山西并州泰装备制造有限公司' },
      { id: 7, name: '太原重工' },
    ]);
    expect(d.funding[1]).toEqual({ source: 'own_funds', amount: { amount: '11093', unit: 'wan' } });
    expect(d.approval.kind).toBe('');
    expect(d.capacity_agreement.present).toBe(true);
  });

  it('has nothing to save when nothing was touched', () => {
    const d = draftOf(project());
    expect(changedFields(d, draftOf(project()))).toEqual([]);
    expect(patchBody(d, draftOf(project()))).toEqual({ ok: true, body: {} });
  });
});

describe('patchBody', () => {
  it('sends only what changed, money as exact yuan strings', () => {
    const base = draftOf(project());
    const mine = draftOf(project());
    mine.total_investment = { amount: '1.8', unit: 'yi' };
    mine.expected_jobs = '1200';
    mine.funding = [{ source: 'own_funds', amount: { amount: '18000', unit: 'wan' } }];
    expect(patchBody(base, mine)).toEqual({
      ok: true,
      body: { total_investment: '180000000', expected_jobs: 1200, funding: [{ source: 'own_funds', amount: '180000000' }] },
    });
  });

  it('treats the same amount in another unit as unchanged', () => {
    const base = draftOf(project());
    const mine = draftOf(project());
    mine.total_investment = { amount: '1.7607', unit: 'yi' };
    mine.land_area_mu = '48.910';
    expect(changedFields(base, mine)).toEqual([]);
  });

  it('sends the four planned dates together, with the reason for a slip', () => {
    const base = draftOf(project());
    const mine = draftOf(project());
    mine.planned.start = '2022-12-01';
    mine.planned_reason = ' 土地征收延期 ';
    expect(plannedSlips(base, mine)).toEqual(['start']);
    expect(patchBody(base, mine)).toEqual({
      ok: true,
      body: {
        planned: { sign: '2022-05-29', start: '2022-12-01', production: '2024-03-29', capacity: null },
        planned_reason: '土地征收延期',
      },
    });
  });

  it('counts a cleared planned date as a slip and an earlier one as not', () => {
    const base = draftOf(project());
    const mine = draftOf(project());
    mine.planned.production = null;
    mine.planned.start = '2022-09-01';
    expect(plannedSlips(base, mine)).toEqual(['production']);
  });

  it('names every unreadable input the way the server names fields', () => {
    const base = draftOf(project());
    const mine = draftOf(project());
    mine.total_investment = { amount: '12万', unit: 'wan' };
    mine.expected_jobs = '12.5';
    mine.funding[1] = { source: 'own_funds', amount: { amount: '0.0000001', unit: 'wan' } };
    mine.land_area_mu = '1.234';
    expect(patchBody(base, mine)).toEqual({
      ok: false,
      problems: [
        { field: 'total_investment', code: 'invalid' },
        { field: 'expected_jobs', code: 'integer' },
        { field: 'land_area_mu', code: 'area' },
        { field: 'funding[1].amount', code: 'precision' },
      ],
    });
  });

  it('turns identity and commitment groups into their API shapes, empty ones into null', () => {
    const base = draftOf(project());
    const mine = draftOf(project());
    mine.approval = { kind: 'filing', date: '2022-03-10', authority: ' 太原市行政审批服务管理局 ', document_number: '', extended: false, granted_on: null, start_by: null };
    mine.capacity_agreement.present = false;
    mine.national_code = ' 2203-140100-89-01-123456 ';
    mine.investor_ids = mine.investor_ids.slice(1);
    expect(patchBody(base, mine)).toEqual({
      ok: true,
      body: {
        investor_ids: [7],
        approval: { kind: 'filing', date: '2022-03-10', authority: '太原市行政审批服务管理局', document_number: null, extension: null },
        capacity_agreement: null,
        national_code: '2203-140100-89-01-123456',
      },
    });
  });
});

describe('createBody', () => {
  it('sends every field and leaves empty identity fields out', () => {
    const d = emptyDraft(1);
    d.code = 'SX2024-0001';
    d.name = '新项目';
    d.industry = 'new_energy';
    d.total_investment = { amount: '3000', unit: 'wan' };
    const result = createBody(d);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toMatchObject({ code: 'SX2024-0001', zone_id: 1, total_investment: '30000000', expected_tax: '0', expected_jobs: 0, investor_ids: [] });
    expect(result.body).not.toHaveProperty('approval');
    expect(result.body).not.toHaveProperty('national_code');
    expect(result.body).not.toHaveProperty('planned_reason');
  });

  it('asks for a zone and an industry before sending', () => {
    expect(createBody(emptyDraft())).toEqual({
      ok: false,
      problems: [
        { field: 'zone_id', code: 'required' },
        { field: 'industry', code: 'required' },
      ],
    });
  });
});

describe('a version conflict', () => {
  // Opened at version 3; meanwhile someone saved version 4 changing the post and the start date.
  const baseline = draftOf(project());
  const latest = draftOf(project({ version: 4, responsible_post: '分管副主任', planned: { sign: '2022-05-29', start: '2022-11-01', production: '2024-03-29', capacity: null } }));

  it('lists where the input and the latest version differ, and whose change each is', () => {
    const mine = draftOf(project());
    mine.expected_jobs = '4321';
    mine.planned.start = '2022-12-01';
    expect(conflictRows(baseline, mine, latest)).toEqual([
      { field: 'expected_jobs', mine: '4321', latest: '1130', editedByMe: true, editedByOther: false },
      { field: 'planned.start', mine: '2022-12-01', latest: '2022-11-01', editedByMe: true, editedByOther: true },
      { field: 'responsible_post', mine: '管委会主任', latest: '分管副主任', editedByMe: false, editedByOther: true },
    ]);
  });

  it('lays the user’s changes over the latest version, and the next save sends only those', () => {
    const mine = draftOf(project());
    mine.expected_jobs = '4321';
    mine.total_investment = { amount: '1.8', unit: 'yi' };
    mine.funding = [{ source: 'own_funds', amount: { amount: '1.8', unit: 'yi' } }];
    mine.planned_reason = '原因';
    const merged = mergeEdits(baseline, mine, latest);
    expect(merged.responsible_post).toBe('分管副主任');
    expect(merged.planned.start).toBe('2022-11-01');
    expect(merged.expected_jobs).toBe('4321');
    expect(merged.total_investment).toEqual({ amount: '1.8', unit: 'yi' });
    expect(merged.planned_reason).toBe('原因');
    expect(changedFields(latest, merged)).toEqual(['total_investment', 'expected_jobs', 'funding']);
    expect(patchBody(latest, merged)).toEqual({
      ok: true,
      body: { total_investment: '180000000', expected_jobs: 4321, funding: [{ source: 'own_funds', amount: '180000000' }] },
    });
  });

  it('keeps one planned date of the user’s and another of the other’s', () => {
    const mine = draftOf(project());
    mine.planned.production = '2024-01-01';
    const merged = mergeEdits(baseline, mine, latest);
    expect(merged.planned).toEqual({ sign: '2022-05-29', start: '2022-11-01', production: '2024-01-01', capacity: null });
  });

  it('does not share lists between the merge and the input', () => {
    const mine = draftOf(project());
    mine.tags = ['city_key'];
    const merged = mergeEdits(baseline, mine, latest);
    merged.tags.push('new_infrastructure');
    expect(mine.tags).toEqual(['city_key']);
  });
});
