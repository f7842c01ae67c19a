import { describe, expect, it } from 'vitest';

import type { Campaign } from '../../src/api/campaigns';
import { type ImportPreview, importKinds, resultPath, serverLanguage, templateUrl, uploadForm } from '../../src/api/imports';
import {
  chosenNearDuplicates,
  extraKeys,
  firstSection,
  moneyUnits,
  plannedCampaigns,
  rowsOf,
  sections,
  showValue,
  totalDifference,
} from '../../src/imports/preview';

function preview(changes: Partial<ImportPreview> = {}): ImportPreview {
  return {
    id: 7,
    kind: 'projects',
    file_name: 'a.csv',
    checksum: 'c',
    status: 'previewed',
    sheet: 'Sheet1',
    title: '',
    columns: [
      { column: 'B', header: '项目名称', field: 'name' },
      { column: 'E', header: '总投资（万元）', field: 'total_investment', unit: 'wan' },
    ],
    ignored_headers: [],
    counts: { created: 2, updated: 0, unchanged: 1, rejected: 1, repeated: 0, near_duplicates: 1 },
    created: [
      { row: 4, name: 'A', zone_id: 3 },
      { row: 5, name: 'B', zone_id: 3 },
    ],
    updated: [],
    unchanged: [8],
    rejected: [{ row: 6, column: 'D', field: 'credit_code', value: 'X', reason: 'bad' }],
    repeated: [],
    near_duplicates: [{ row: 9, name: 'C', project_id: 40, project_name: 'C ' }],
    total_checks: [],
    ...changes,
  };
}

describe('preview sections', () => {
  it('counts every section and opens the rejected rows first', () => {
    const all = sections(preview());
    expect(all.map((s) => [s.key, s.count])).toEqual([
      ['created', 2],
      ['updated', 0],
      ['unchanged', 1],
      ['rejected', 1],
      ['repeated', 0],
      ['near_duplicates', 1],
    ]);
    expect(firstSection(all)).toBe('rejected');
    const clean = sections(preview({ counts: { created: 2, updated: 0, unchanged: 0, rejected: 0, repeated: 0, near_duplicates: 0 } }));
    expect(firstSection(clean)).toBe('created');
  });

  it('lists unchanged row numbers as rows', () => {
    expect(rowsOf([8, { row: 9, name: 'x' }])).toEqual([{ row: 8 }, { row: 9, name: 'x' }]);
    expect(rowsOf(undefined)).toEqual([]);
  });

  it('finds the extra keys of other kinds, in order, without row, name and changes', () => {
    const rows = [
      { row: 4, name: 'A', project_id: 1, month: '2022-06' },
      { row: 5, name: 'B', batch: 'start', changes: [] },
    ];
    expect(extraKeys(rows)).toEqual(['project_id', 'month', 'batch']);
  });
});

describe('amounts', () => {
  it('shows money in the sheet unit, 亿元 otherwise', () => {
    const units = moneyUnits(preview().columns);
    expect(showValue('total_investment', '350000000', units)).toEqual({ text: '35,000.00', unit: 'wan' });
    expect(showValue('annual_planned_investment', '350000000', units)).toEqual({ text: '3.50', unit: 'yi' });
    expect(showValue('name', 'x', units)).toEqual({ text: 'x', unit: null });
    expect(showValue('total_investment', '', units).unit).toBeNull();
  });

  it('works out a total check difference exactly', () => {
    const check = { row: 12, label: '合计', field: 'total_investment', column: 'E', stated: '9900000000', computed: '2050000000.5', agrees: false };
    expect(totalDifference(check)).toBe('7849999999.5');
    expect(totalDifference({ ...check, stated: '1', computed: '1.25' })).toBe('-0.25');
    expect(totalDifference({ ...check, stated: 'abc' })).toBe('');
  });
});

describe('commit choices', () => {
  it('sends only offered near-duplicate rows, once each, in order', () => {
    expect(chosenNearDuplicates([9, 3, 9], preview())).toEqual([9]);
  });
});

describe('upload form', () => {
  it('sends kind, zone and sheet, and the campaign and batch only for batch lists', () => {
    const file = new File(['a,b'], '项目.csv', { type: 'text/csv' });
    const projects = uploadForm({ file, kind: 'projects', zone: '', sheet: 1, campaign: 2, batch: 'start' });
    expect([...projects.keys()]).toEqual(['kind', 'file']);
    const entries = uploadForm({ file, kind: 'entries', zone: 'Z1', sheet: 2, campaign: 2, batch: 'start' });
    expect(Object.fromEntries([...entries.entries()].filter(([k]) => k !== 'file'))).toEqual({
      kind: 'entries',
      zone: 'Z1',
      sheet: '2',
      campaign: '2',
      batch: 'start',
    });
    expect((entries.get('file') as File).name).toBe('项目.csv');
  });

  it('names the template in the UI language', () => {
    expect(serverLanguage('zh-CN')).toBe('zh');
    expect(templateUrl('entries', 'en')).toBe('/api/v1/imports/template.xlsx?kind=entries&lang=en');
    expect(templateUrl('coordination', 'zh-CN')).toBe('/api/v1/imports/template.xlsx?kind=coordination&lang=zh');
  });

  it('offers all four kinds, and a monthly report or coordination upload names no campaign', () => {
    expect(importKinds).toEqual(['projects', 'entries', 'reports', 'coordination']);
    const file = new File(['a,b'], '月报.csv', { type: 'text/csv' });
    const reports = uploadForm({ file, kind: 'reports', zone: 'Z1', sheet: 1, campaign: 2, batch: 'start' });
    expect([...reports.keys()]).toEqual(['kind', 'zone', 'file']);
    expect(reports.get('kind')).toBe('reports');
    expect(uploadForm({ file, kind: 'coordination', sheet: 1 }).get('kind')).toBe('coordination');
  });

  it('sends a committed import\'s user to where its rows are listed', () => {
    expect(resultPath('projects')).toBe('/projects');
    expect(resultPath('entries')).toBe('/projects');
    expect(resultPath('reports')).toBe('/reports');
    expect(resultPath('coordination')).toBe('/coordination');
  });
});

describe('batch list campaigns', () => {
  const campaign = (id: number, status: Campaign['status']): Campaign => ({ id, name: `c${id}`, status }) as Campaign;

  it('lists only campaigns still being planned, none when there is none', () => {
    const all = [campaign(1, 'held'), campaign(2, 'planning'), campaign(3, 'closed'), campaign(4, 'planning')];
    expect(plannedCampaigns(all).map((c) => c.id)).toEqual([2, 4]);
    expect(plannedCampaigns([campaign(1, 'held')])).toEqual([]);
  });
});

describe('report and coordination rows', () => {
  it('show their own keys: the month, the description, the report or item changed', () => {
    const rows = rowsOf([
      { row: 4, name: 'P', zone_id: 3, project_id: 9, code: 'C-1', month: '2023-11' },
      { row: 5, project_id: 9, code: 'C-1', report_id: 70, name: 'P', month: '2023-12', changes: [] },
    ]);
    expect(extraKeys(rows)).toEqual(['zone_id', 'project_id', 'code', 'month', 'report_id']);
    const units = moneyUnits([{ column: 'F', header: '本月完成投资（万元）', field: 'investment_completed', unit: 'wan' }]);
    expect(showValue('investment_completed', '120000', units).unit).toBe('wan');
  });
});
