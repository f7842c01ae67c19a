// The rankings page end to end: the province ranks the demo's zones for 2022Q4 with scores and
// changes of rank as the API gives them, picks a day before the demo was recorded and sees the
// corrections since, and a zone reads its own rank in English.
import { describe, expect, it } from 'vitest';

import { type TestPage, useSuite } from './browser';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

interface Ranking {
  items: { zone_id: number; zone_name: string; rank: number; score: string; rank_change: number | null }[];
  corrections: { total: number } | null;
}

async function json<T>(page: TestPage, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

describe('rankings page', () => {
  it('the province ranks the zones of a quarter and looks back to a day with its corrections', async () => {
    const page = await suite.logInAs('province', 'rankings-province');
    await page.getByRole('link', { name: '排名' }).first().click();
    await page.waitForURL(/\/rankings/);
    await page.goto('/rankings?period=2022Q4');
    const api = await json<Ranking>(page, '/api/v1/rankings?period=2022Q4');
    expect(api.items.length).toBeGreaterThan(10);
    const first = api.items[0]!;
    await eventually(() => page.locator('.ranking-table tbody tr').count()).toBe(api.items.length);
    const row = page.locator('.ranking-table .el-table__body-wrapper tbody tr').first();
    await eventually(() => row.innerText()).toContain(first.zone_name);
    await eventually(() => page.locator('.ranking-table .score').first().innerText()).toBe(first.score);
    await eventually(() => page.locator('.heading h2').innerText()).toBe('开发区综合排名');

    await page.locator('.filter-quarter').getByText('全年', { exact: true }).click();
    await page.waitForURL(/period=2022(&|$)/);

    // The demo was recorded today: the day before, every figure was still to come.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/rankings?period=2022Q4&as_of=${yesterday}`);
    const then = await json<Ranking>(page, `/api/v1/rankings?period=2022Q4&as_of=${yesterday}`);
    expect(then.corrections?.total).toBeGreaterThan(0);
    await eventually(() => page.locator('.corrections h3').innerText()).toContain(String(then.corrections!.total));
    await eventually(() => page.locator('.correction-table tbody tr').count()).toBeGreaterThan(0);
    // Each correction reads as the project's audit trail does: China time, fields by their labels.
    const correction = page.locator('.correction-table .el-table__body-wrapper tbody tr').first();
    const correctionText = await correction.innerText();
    expect(correctionText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(correctionText).not.toMatch(/\d{2}T\d{2}:/);
    const fields = await correction.locator('.change-line .field').allInnerTexts();
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field).not.toMatch(/^[a-z_.[\]0-9]+$/);
    await eventually(() => page.locator('.ranking-table .score').first().innerText()).toBe('0.00');
  });

  it('a zone sees its own rank, in English on request', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'rankings-zone-en', { language: 'en' });
    await page.goto('/rankings?period=2022');
    const api = await json<Ranking>(page, '/api/v1/rankings?period=2022&lang=en');
    expect(api.items).toHaveLength(1);
    await eventually(() => page.locator('.ranking-table .el-table__body-wrapper tbody tr').count()).toBe(1);
    await eventually(() => page.locator('.heading h2').innerText()).toBe('Development zone ranking');
    const headers = await page.locator('.ranking-table th').allInnerTexts();
    for (const text of headers) expect(text).not.toMatch(chinese);
  });
});
