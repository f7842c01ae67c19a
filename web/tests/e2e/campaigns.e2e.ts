// Campaign pages: the list and a campaign's batches, breakdowns and projects, with the figures the
// API gives each scope, in both languages.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type TestPage, outputDir, useSuite } from './browser';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;

interface Summary {
  campaign: { id: number; name: string };
  batches: {
    batch: string;
    projects: number;
    by_city: { city_code: string; projects: number }[];
    by_zone: { zone_id: number; name: string; city_code: string; projects: number }[];
  }[];
}

async function demoCampaign(page: TestPage): Promise<number> {
  const answer = await page.request.get('/api/v1/campaigns');
  const body = (await answer.json()) as { items: { id: number }[] };
  return body.items[0]!.id;
}

async function summaryOf(page: TestPage, id: number): Promise<Summary> {
  return (await (await page.request.get(`/api/v1/campaigns/${id}/summary`)).json()) as Summary;
}

// The three batch cards' counts, as shown.
async function cardCounts(page: TestPage): Promise<number[]> {
  await page.locator('main .batch .count').first().waitFor();
  const texts = await page.locator('main .batch .count').allInnerTexts();
  return texts.map((t) => Number(/\d+/.exec(t)?.[0]));
}

// The first breakdown's rows (by city, or by zone for a city): [place, sign, start, produce] counts.
async function placeTable(page: TestPage): Promise<{ city: string; counts: number[] }[]> {
  const rows = page.locator('main .breakdown').first().locator('.el-table__body tr');
  await rows.first().waitFor();
  const out: { city: string; counts: number[] }[] = [];
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts();
    out.push({ city: cells[0]!.trim(), counts: [1, 3, 5].map((i) => Number(cells[i]!.trim())) });
  }
  return out;
}

async function entriesTotal(page: TestPage): Promise<number> {
  const total = page.locator('#campaign-entries .total');
  await expect.poll(() => total.innerText()).toMatch(/\d/);
  return Number(/\d+/.exec(await total.innerText())?.[0]);
}

describe('campaigns', () => {
  it('shows the province the reported 321 / 302 / 189, with cities adding up to them', async () => {
    const page = await suite.logInAs('province', 'campaigns-province');
    await page.locator('header nav').getByRole('link', { name: '三个一批' }).click();
    await page.waitForURL((u) => u.pathname === '/campaigns');
    const row = page.locator('main .el-table__body tr').first();
    await expect.poll(() => row.innerText()).toMatch(/321/);
    await page.screenshot({ path: join(outputDir, 'campaign-list-zh.png') });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(-3).map((c) => Number(c.trim()))).toEqual([321, 302, 189]);
    expect(cells[1]).toContain('2022年6月22日');

    await row.locator('a').click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    expect(await cardCounts(page)).toEqual([321, 302, 189]);
    const cities = await placeTable(page);
    expect(cities.length).toBe(11);
    for (const [i, total] of [321, 302, 189].entries()) {
      expect(cities.reduce((n, c) => n + c.counts[i]!, 0)).toBe(total);
    }
    const footer = await page.locator('main .breakdown').first().locator('.el-table__footer td').allInnerTexts();
    expect([1, 3, 5].map((i) => Number(footer[i]))).toEqual([321, 302, 189]);
    await page.screenshot({ path: join(outputDir, 'campaign-zh-full.png'), fullPage: true });
  });

  it('lists as many projects in a batch as the batch counts, page by page and by city', async () => {
    const page = await suite.logInAs('province', 'campaigns-entries');
    const id = await demoCampaign(page);
    await page.goto(`/campaigns/${id}`);
    await page.locator('main .el-tabs__item', { hasText: '开工一批' }).click();
    await page.waitForURL((u) => u.searchParams.get('batch') === 'start');
    // Until the batch's own list arrives the previous one stays on screen.
    await expect.poll(() => entriesTotal(page)).toBe(302);
    const firstPage = await page.locator('#campaign-entries .el-table__body tr').allInnerTexts();
    expect(firstPage.length).toBe(20);
    await page.locator('#campaign-entries .el-pagination .number', { hasText: /^2$/ }).click();
    await page.waitForURL((u) => u.searchParams.get('page') === '2');
    await expect.poll(() => page.locator('#campaign-entries .el-table__body tr').first().innerText()).not.toBe(firstPage[0]);

    // A city's count in the table opens that city's projects of the batch.
    const summary = await summaryOf(page, id);
    const datong = summary.batches[1]!.by_city.find((c) => c.city_code === '140200')!;
    const datongRow = page.locator('main .breakdown').first().locator('.el-table__body tr', { hasText: '大同市' });
    await datongRow.locator('td').nth(3).locator('a').click();
    await page.waitForURL((u) => u.searchParams.get('city') === '140200' && u.searchParams.get('batch') === 'start');
    await expect.poll(() => entriesTotal(page)).toBe(datong.projects);
    const cityCells = await page.locator('#campaign-entries .el-table__body tr td:nth-child(4)').allInnerTexts();
    expect(new Set(cityCells.map((c) => c.trim()))).toEqual(new Set(['大同市']));

    // Each project opens its own page.
    const link = page.locator('#campaign-entries .project-link').first();
    expect(await link.getAttribute('href')).toMatch(/^\/projects\/\d+$/);
  });

  it('shows a city only its own figures and projects', async () => {
    const page = await suite.logInAs('taiyuan', 'campaigns-city');
    const id = await demoCampaign(page);
    const own = await summaryOf(page, id);
    await page.goto(`/campaigns/${id}?batch=produce`);
    const counts = await cardCounts(page);
    expect(counts).toEqual(own.batches.map((b) => b.projects));
    expect(counts[0]).toBeLessThan(321);
    // Within one city the places compared are its zones: exactly those the API counts, adding up.
    await expect.poll(() => page.locator('main .breakdown h3').first().innerText()).toBe('分开发区');
    const zones = await placeTable(page);
    const apiZones = new Set(own.batches.flatMap((b) => b.by_zone.map((z) => z.name)));
    expect(new Set(zones.map((z) => z.city))).toEqual(apiZones);
    for (const b of own.batches) expect(b.by_zone.every((z) => z.city_code === '140100')).toBe(true);
    for (const i of [0, 1, 2]) expect(zones.reduce((n, z) => n + z.counts[i]!, 0)).toBe(counts[i]);
    await expect.poll(() => entriesTotal(page)).toBe(counts[2]);
    const cityCells = await page.locator('#campaign-entries .el-table__body tr td:nth-child(4)').allInnerTexts();
    expect(cityCells.length).toBe(Math.min(20, counts[2]!));
    expect(new Set(cityCells.map((c) => c.trim()))).toEqual(new Set(['太原市']));
  });

  it('says so when a campaign does not exist, and offers a retry', async () => {
    const page = await suite.logInAs('viewer', 'campaigns-missing');
    page.expectStatus(404);
    await page.goto('/campaigns/987654');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('活动');
    await expect.poll(() => alert.getByRole('button', { name: '重试' }).count()).toBe(1);
    expect(await page.locator('main .batch').count()).toBe(0);
  });

  it('leaves no Chinese in the chrome of the pages in English', async () => {
    const page = await suite.logInAs('province', 'campaigns-english', { language: 'en' });
    await page.goto('/campaigns');
    await expect.poll(() => page.locator('main .el-table__body tr').first().innerText()).toMatch(/321/);
    await page.screenshot({ path: join(outputDir, 'campaign-list-en.png') });
    const listChrome = await page
      .locator('header .title, header nav, header button, main h2, main .note, main th, main td:nth-child(2), main .branches')
      .allInnerTexts();
    const id = await demoCampaign(page);
    await page.goto(`/campaigns/${id}`);
    expect(await cardCounts(page)).toEqual([321, 302, 189]);
    await page.locator('#campaign-entries .el-table__body tr').first().waitFor();
    const pageChrome = await page
      .locator(
        'main .back, main .meta, main h3, main th, main .el-table__footer, main .batch .label, main .batch small, ' +
          'main .batch .money, main .el-tabs__item, main .el-select, main .total, main .el-pagination, ' +
          'main .breakdown .el-table__body td:first-child',
      )
      .allInnerTexts();
    const text = [...listChrome, ...pageChrome].join('\n');
    expect(text).toContain('Into production');
    expect(text).toContain('Taiyuan');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);
    await page.screenshot({ path: join(outputDir, 'campaign-en-full.png'), fullPage: true });
  });
});
