import { describe, expect, it } from 'vitest';

import { exportKeys, exportUrl, pick } from '../../src/exports/exportUrl';

describe('exportUrl', () => {
  it('carries the list filters, the unit and the language, never the paging', () => {
    const url = exportUrl('/api/v1/projects/export.xlsx', { city: '140100', q: '光伏', page: 3, page_size: 20, cursor: 'x', sort: 'name' }, {
      unit: '万元',
      language: 'zh-CN',
    });
    const parsed = new URL(url, 'http://x');
    expect(parsed.pathname).toBe('/api/v1/projects/export.xlsx');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ city: '140100', q: '光伏', sort: 'name', unit: '万元', lang: 'zh' });
  });

  it('leaves out empty and false filters, and the unit for lists without money', () => {
    const url = exportUrl('/api/v1/coordination-items/export.xlsx', { zone: undefined, city: '', overdue: false, status: null }, { language: 'en' });
    expect(url).toBe('/api/v1/coordination-items/export.xlsx?lang=en');
    expect(exportUrl('/x', { overdue: true }, { language: 'en', unit: '亿元' })).toBe(`/x?overdue=true&unit=${encodeURIComponent('亿元')}&lang=en`);
  });

  it('percent-encodes the unit and the text', () => {
    const url = exportUrl('/x', { q: 'a&b c' }, { unit: '亿元', language: 'zh-CN' });
    expect(url).toBe('/x?q=a%26b+c&unit=%E4%BA%BF%E5%85%83&lang=zh');
  });
});

describe('pick', () => {
  it('keeps only the keys the export takes, and only plain values', () => {
    const query = { batch: 'start', city: '140100', page: '2', zone: ['1', '2'], other: 'x' };
    expect(pick(query, exportKeys.entries)).toEqual({ batch: 'start', city: '140100' });
  });

  it('builds the project export from the list filters as the list page keeps them', () => {
    const filters = { page: 2, page_size: 20, city: '140100', stage: 'signed', sort: 'total_investment', order: 'desc' };
    const url = exportUrl('/api/v1/projects/export.xlsx', pick(filters, exportKeys.projects), { unit: '亿元', language: 'en' });
    expect(new URL(url, 'http://x').searchParams.toString()).toBe('city=140100&order=desc&sort=total_investment&stage=signed&unit=%E4%BA%BF%E5%85%83&lang=en');
  });
});
