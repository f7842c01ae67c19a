// The warnings page end to end: the province sees the demo's red projects with their reasons as
// the API words them, the counts, the light filter, a project's own light on its page, and English
// on request.
import { describe, expect, it } from 'vitest';

import { type TestPage, useSuite } from './browser';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

interface Reason {
  rule: string;
  light: string;
  text: string;
}
interface Warning {
  project_id: number;
  name: string;
  light: string;
  reasons: Reason[];
}
interface WarningPage {
  items: Warning[];
  total: number;
  counts: { red: number; yellow: number };
}

async function json<T>(page: TestPage, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

describe('warnings page', () => {
  it('the province sees a red project of the demo with its reason, and the project shows its light', async () => {
    const page = await suite.logInAs('province', 'warnings-province');
    await page.getByRole('link', { name: '预警' }).first().click();
    await page.waitForURL(/\/warnings/);
    const api = await json<WarningPage>(page, '/api/v1/warnings?page_size=20');
    expect(api.counts.red).toBeGreaterThan(0);
    const red = api.items.find((w) => w.light === 'red');
    expect(red).toBeDefined();
    const reason = red!.reasons.find((r) => r.light === 'red') ?? red!.reasons[0]!;
    expect(reason.text).toMatch(chinese);

    await eventually(() => page.locator('.count-red').innerText()).toContain(String(api.counts.red));
    const row = page.locator('.warning-table tbody tr', { has: page.locator(`a[href="/projects/${red!.project_id}"]`) });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await eventually(() => row.locator('[data-light]').getAttribute('data-light')).toBe('red');
    await eventually(() => row.locator('.reasons').innerText()).toContain(reason.text);

    await page.locator('.filter-light').getByText('黄灯', { exact: true }).click();
    await page.waitForURL(/light=yellow/);
    await eventually(() => page.locator('.warning-table [data-light="red"]').count()).toBe(0);
    await page.locator('.filter-light').getByText('红灯', { exact: true }).click();
    await page.waitForURL(/light=red/);

    await page.goto(`/projects/${red!.project_id}`);
    await eventually(() => page.locator('.project-light').getAttribute('data-light')).toBe('red');
    await eventually(() => page.locator('.project-light .reasons').innerText()).toContain(reason.text);
  });

  it('a zone sees only its own lit projects, in English on request', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'warnings-zone-en', { language: 'en' });
    await page.goto('/warnings?light=red');
    const api = await json<WarningPage>(page, '/api/v1/warnings?light=red&page_size=20&lang=en');
    await eventually(() => page.locator('.warning-table tbody tr').count()).toBe(api.items.length);
    await eventually(() => page.locator('.warnings h2').innerText()).toBe('Warning lights');
    const reasons = await page.locator('.warning-table .reasons').allInnerTexts();
    for (const text of reasons) expect(text).not.toMatch(chinese);
  });
});
