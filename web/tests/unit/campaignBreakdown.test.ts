import { describe, expect, it } from 'vitest';

import type { BatchKind, BatchSummary } from '../../src/api/campaigns';
import { chartData, cityRows, industryRows, rowName, zoneRows } from '../../src/campaigns/breakdown';
import { cityChoices, zoneChoices } from '../../src/campaigns/choices';
import { formatEventDate } from '../../src/campaigns/eventDate';

function batch(kind: BatchKind, cities: [string, number, string][], industries: [string, number][] = []): BatchSummary {
  return {
    batch: kind,
    projects: cities.reduce((n, [, p]) => n + p, 0),
    total_investment: '0',
    by_city: cities.map(([code, projects, yuan]) => ({ city_code: code, name: `${code}市`, name_en: `City ${code}`, projects, total_investment: yuan })),
    by_zone: [],
    by_industry: industries.map(([code, projects]) => ({ industry_code: code, name: '', name_en: '', projects, total_investment: '0' })),
  };
}

const batchesOf = (row: { figures: Record<BatchKind, { projects: number }> }) =>
  (['sign', 'start', 'produce'] as BatchKind[]).map((b) => row.figures[b].projects);

describe('campaign breakdown rows', () => {
  const batches = [
    batch('sign', [['140100', 5, '1250000000'], ['140200', 2, '300.5']], [['new_energy', 7]]),
    batch('start', [['140100', 3, '10'], ['140200', 0, '0']], [['new_energy', 3]]),
    batch('produce', [['140100', 1, '1']], [['big_data', 1]]),
  ];

  it('puts each city on one row with its figure in every batch', () => {
    const rows = cityRows(batches);
    expect(rows.map((r) => r.key)).toEqual(['140100', '140200']);
    expect(rows[0]?.figures.sign).toEqual({ projects: 5, total_investment: '1250000000' });
    expect(rows[0]?.figures.produce.projects).toBe(1);
    // Missing from the production batch: zero there, not a missing row.
    expect(rows[1]?.figures.produce).toEqual({ projects: 0, total_investment: '0' });
    // The rows add up to each batch's count.
    for (const b of batches) expect(rows.reduce((n, r) => n + r.figures[b.batch].projects, 0)).toBe(b.projects);
  });

  it('keeps industries in the order the batches list them, and names fall back to codes', () => {
    const rows = industryRows(batches);
    expect(rows.map((r) => r.key)).toEqual(['new_energy', 'big_data']);
    expect(rowName(rows[1]!, false)).toBe('big_data');
    expect(rowName(cityRows(batches)[0]!, true)).toBe('City 140100');
  });

  it('puts zones on rows too, keyed by id and named alike in both languages', () => {
    const withZones = batches.map((b, i) => ({
      ...b,
      by_zone: i === 2 ? [] : [{ zone_id: 7, name: '太原经开区', city_code: '140100', projects: i + 1, total_investment: '1' }],
    }));
    const rows = zoneRows(withZones);
    expect(rows.map((r) => [r.key, rowName(r, true)])).toEqual([['7', '太原经开区']]);
    expect(batchesOf(rows[0]!)).toEqual([1, 2, 0]);
  });

  it('gives a chart one series per batch with the counts per row', () => {
    const chart = chartData(cityRows(batches), false);
    expect(chart.categories).toEqual(['140100市', '140200市']);
    expect(chart.series).toEqual([
      { batch: 'sign', data: [5, 2] },
      { batch: 'start', data: [3, 0] },
      { batch: 'produce', data: [1, 0] },
    ]);
  });
});

describe('campaign dates', () => {
  it('writes the calendar date in each language without shifting it', () => {
    expect(formatEventDate('2022-06-22', 'zh-CN')).toBe('2022年6月22日');
    expect(formatEventDate('2022-06-22', 'en')).toBe('22 June 2022');
    expect(formatEventDate('2022-01-01', 'en')).toBe('1 January 2022');
    expect(formatEventDate('not a date', 'en')).toBe('not a date');
  });
});

describe('entry list choices', () => {
  const zone = (id: number, region: string) => ({ id, code: `z${id}`, name: `Zone ${id}`, level: 'provincial', region_code: region, leading_industries: [] });

  it('offers the summary cities and the chosen city zones', () => {
    const cities = [{ city_code: '140100', name: '太原市', name_en: 'Taiyuan', projects: 1, total_investment: '1' }];
    expect(cityChoices(cities, true)).toEqual([{ value: '140100', label: 'Taiyuan' }]);
    expect(cityChoices(cities, false)).toEqual([{ value: '140100', label: '太原市' }]);
    const zones = [zone(1, '140100'), zone(2, '140105'), zone(3, '140200')];
    expect(zoneChoices(zones, '140100').map((c) => c.value)).toEqual(['1', '2']);
    expect(zoneChoices(zones, '').length).toBe(3);
  });
});
