// The home dashboard and the venue's big screen: the figures each account sees are the API's for
// its scope, the links behind them land on lists of as many projects, narrowing to a city shows
// that city's figures, and English leaves no Chinese in the chrome.
import { describe, expect, it } from 'vitest';

import type { Dashboard } from '@/api/dashboard';
import { sumYuan } from '@/components/dashboard/figures';
import { formatMoney } from '@/format/money';

import { type TestPage, useSuite } from './browser';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;

async function api<T>(page: TestPage, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

const listTotal = async (page: TestPage, query: string) => (await api<{ total: number }>(page, `/api/v1/projects?page_size=1${query}`)).total;
const cancelled = (d: Dashboard) => d.by_status.find((s) => s.status === 'cancelled')?.projects ?? -1;

// The dashboard once its figures and its three charts are drawn.
async function dashboardDrawn(page: TestPage): Promise<void> {
  await page.locator('[data-figure="projects"] .number').waitFor();
  await expect.poll(() => page.locator('.charts canvas').count()).toBe(3);
}

async function headline(page: TestPage): Promise<{ projects: number; investment: string }> {
  return {
    projects: Number(await page.locator('[data-figure="projects"] .number').innerText()),
    investment: await page.locator('[data-figure="investment"] .number').innerText(),
  };
}

// The total the project list shows under its table ("共 122 个项目").
async function shownListTotal(page: TestPage): Promise<number> {
  await page.locator('main .el-table').waitFor();
  await expect.poll(() => page.locator('.footer span').first().innerText()).toMatch(/\d/);
  return Number(/(\d+)/.exec(await page.locator('.footer span').first().innerText())?.[1]);
}

// The headline is the API's dashboard for the account, and the list behind it holds those
// projects plus the cancelled ones, which the dashboard leaves out (docs/api.md, "Dashboard").
async function checkScope(page: TestPage): Promise<Dashboard> {
  await dashboardDrawn(page);
  const d = await api<Dashboard>(page, '/api/v1/dashboard');
  expect(await headline(page)).toEqual({ projects: d.projects, investment: formatMoney(d.total_investment) });
  const total = await listTotal(page, '');
  expect(total).toBe(d.projects + cancelled(d));
  await page.locator('[data-figure="projects"]').click();
  await page.waitForURL((u) => u.pathname === '/projects');
  expect(await shownListTotal(page)).toBe(total);
  return d;
}

describe('the dashboard shows the API figures of each scope', () => {
  it('province: the whole province, the campaign, and a stage figure that opens its list', async () => {
    const page = await suite.logInAs('province', 'dashboard-province');
    await dashboardDrawn(page);
    const d = await api<Dashboard>(page, '/api/v1/dashboard');
    expect(await page.locator('.dashboard h2').innerText()).toContain('山西省');
    for (const b of d.campaign?.batches ?? []) {
      await expect.poll(() => page.locator(`[data-batch="${b.batch}"] .number`).innerText()).toBe(String(b.projects));
      expect(await page.locator(`[data-batch="${b.batch}"] .money`).innerText()).toContain(formatMoney(b.total_investment));
    }
    expect(d.campaign?.batches.map((b) => b.projects)).toEqual([321, 302, 189]);
    const rate = d.rates.start;
    expect(await page.locator('[data-rate="start"]').innerText()).toContain(`${rate.numerator} / ${rate.denominator}`);

    // A stage's figure opens the list of that stage: as many projects, plus any cancelled there.
    const started = d.by_stage.find((s) => s.stage === 'started');
    const stageLink = page.locator('[data-stage="started"] a');
    expect(await stageLink.innerText()).toBe(String(started?.projects));
    const cancelledThere = await listTotal(page, '&stage=started&status=cancelled');
    await stageLink.click();
    await page.waitForURL((u) => u.pathname === '/projects' && u.searchParams.get('stage') === 'started');
    expect(await shownListTotal(page)).toBe((started?.projects ?? -1) + cancelledThere);
    expect(await listTotal(page, '&stage=started')).toBe((started?.projects ?? -1) + cancelledThere);

    await page.goto('/');
    await checkScope(page);
  });

  it('a city account (taiyuan): its city only, on the dashboard and on the list', async () => {
    const page = await suite.logInAs('taiyuan', 'dashboard-city');
    const d = await checkScope(page);
    expect(d.by_city.map((c) => c.city_code)).toEqual(['140100']);
    // Every row of the list is a project of one of the city's zones.
    const zones = (await api<{ items: { name: string; region_code: string }[] }>(page, '/api/v1/zones')).items;
    expect(zones.length).toBeGreaterThan(0);
    expect(zones.every((z) => z.region_code.startsWith('1401'))).toBe(true);
    const shown = await page.locator('main .el-table__body tr td:nth-child(3)').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const zone of shown) expect(zones.map((z) => z.name)).toContain(zone.trim());
    const all = await api<{ items: { city_code: string }[]; total: number }>(page, '/api/v1/projects?page_size=500');
    expect(all.items).toHaveLength(all.total);
    expect(new Set(all.items.map((p) => p.city_code))).toEqual(new Set(['140100']));
  });

  it('a zone account: its zone only', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'dashboard-zone');
    const d = await checkScope(page);
    expect(d.by_zone).toHaveLength(1);
    await page.goto('/');
    await dashboardDrawn(page);
    expect(await page.locator('.dashboard h2').innerText()).toContain(d.by_zone[0]?.name ?? '?');
    // A zone account may not narrow by city: its one city is not a link.
    expect(await page.locator('a.narrow').count()).toBe(0);
  });
});

describe('narrowing', () => {
  it('choosing a city shows its figures, with the way back', async () => {
    const page = await suite.logInAs('province', 'dashboard-narrowed');
    await dashboardDrawn(page);
    await page.locator('[data-region="140200"] a.narrow').click();
    await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('city') === '140200');
    const datong = await api<Dashboard>(page, '/api/v1/dashboard?city=140200');
    await expect.poll(() => headline(page)).toEqual({ projects: datong.projects, investment: formatMoney(datong.total_investment) });
    expect(await page.locator('[data-narrowed="city"]').innerText()).toBe('大同市');
    expect(await page.locator('.zones .el-table__body tr').count()).toBe(datong.by_zone.length);

    // The narrowed headline opens the city's list.
    await page.locator('[data-figure="projects"]').click();
    await page.waitForURL((u) => u.pathname === '/projects' && u.searchParams.get('city') === '140200');
    expect(await shownListTotal(page)).toBe(datong.projects + cancelled(datong));

    await page.goBack();
    await page.locator('.dashboard .back').first().click();
    await page.waitForURL((u) => u.pathname === '/' && u.search === '');
    const province = await api<Dashboard>(page, '/api/v1/dashboard');
    await expect.poll(async () => (await headline(page)).projects).toBe(province.projects);
  });

  it("a city outside the account's scope shows the server's refusal and the way back", async () => {
    const page = await suite.logInAs('taiyuan', 'dashboard-refused');
    page.expectStatus(403);
    await dashboardDrawn(page);
    await page.goto('/?city=140200');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/\S/);
    const refusal = await page.request.get('/api/v1/dashboard?city=140200');
    expect(refusal.status()).toBe(403);
    const problem = (await refusal.json()) as { detail?: string; title?: string };
    expect(await alert.innerText()).toContain(problem.detail || problem.title || '?');
    await alert.getByRole('link').click();
    await page.waitForURL((u) => u.pathname === '/' && u.search === '');
    await page.locator('[data-figure="projects"] .number').waitFor();
    await expect.poll(() => alert.count()).toBe(0);
  });

  it('a city on the map narrows to it', async () => {
    const page = await suite.logInAs('province', 'dashboard-map-click');
    await dashboardDrawn(page);
    // 吕梁 is the big western city; the middle of its shape is left of the map's centre line,
    // a little below the middle. Found from the drawn map: hovering shows its tooltip.
    const map = page.locator('.charts .panel').nth(1).locator('canvas');
    await expect.poll(() => page.locator('.charts .panel').nth(1).locator('canvas').count()).toBe(1);
    const box = await map.boundingBox();
    if (!box) throw new Error('no map');
    // ECharts puts its tooltip beside the canvas, inside the chart's element.
    const tooltip = page.locator('.map-box .chart > div').filter({ hasText: '吕梁市' });
    let hit: { x: number; y: number } | null = null;
    for (const [fx, fy] of [[0.3, 0.5], [0.33, 0.45], [0.36, 0.55], [0.28, 0.42], [0.4, 0.48]] as const) {
      const at = { x: box.x + box.width * fx, y: box.y + box.height * fy };
      await page.mouse.move(at.x, at.y);
      if (await tooltip.isVisible().catch(() => false)) {
        hit = at;
        break;
      }
    }
    expect(hit, 'a point of the map over 吕梁市').not.toBeNull();
    await page.mouse.click(hit?.x ?? 0, hit?.y ?? 0);
    await page.waitForURL((u) => u.searchParams.get('city') === '141100');
    const lvliang = await api<Dashboard>(page, '/api/v1/dashboard?city=141100');
    await expect.poll(async () => (await headline(page)).projects).toBe(lvliang.projects);
  });
});

describe('the big screen', () => {
  it('shows the current campaign as the API counts it, refreshed, with the time of the figures', async () => {
    const page = await suite.logInAs('province', 'screen-zh', { width: 1920, height: 1080 });
    await dashboardDrawn(page);
    await page.clock.install();
    let asked = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/dashboard') asked += 1;
    });
    await page.locator('.dashboard .screen').click();
    await page.waitForURL((u) => u.pathname === '/screen');
    const d = await api<Dashboard>(page, '/api/v1/dashboard');
    const batches = d.campaign?.batches ?? [];
    expect(batches.map((b) => b.projects)).toEqual([321, 302, 189]);
    for (const b of batches) {
      await expect.poll(() => page.locator(`[data-batch="${b.batch}"] .count b`).innerText()).toBe(String(b.projects));
      expect(await page.locator(`[data-batch="${b.batch}"] .money`).innerText()).toContain(formatMoney(b.total_investment));
    }
    const total = formatMoney(sumYuan(batches.map((b) => b.total_investment)));
    expect(await page.locator('[data-batch="total"] .count b').innerText()).toBe(total);
    expect(await page.locator('[data-figure="campaign"]').innerText()).toBe(d.campaign?.campaign.name);
    expect(await page.locator('[data-figure="as-of"]').innerText()).toMatch(/数据截至 \d{2}:\d{2}:\d{2}/);
    await expect.poll(() => page.locator('.screen-page canvas').count()).toBe(2);

    // Every 30 s it asks again and says when.
    const firstAsOf = await page.locator('[data-figure="as-of"]').innerText();
    const before = asked;
    await page.clock.fastForward(31_000);
    await expect.poll(() => asked).toBeGreaterThan(before);
    await expect.poll(() => page.locator('[data-figure="as-of"]').innerText()).not.toBe(firstAsOf);
    await page.getByRole('link', { name: '返回系统' }).click();
    await page.waitForURL((u) => u.pathname === '/');
  });

  it('in English: no Chinese in its chrome', async () => {
    const page = await suite.logInAs('province', 'screen-en', { language: 'en', width: 1920, height: 1080 });
    await page.goto('/screen');
    await page.locator('[data-batch="sign"] .count b').waitFor();
    const text = (await page.locator('.screen-page .label, .screen-page .unit, .screen-page h2, .screen-page .bottom, .screen-page .date, [data-batch="total"] .money').allInnerTexts()).join('\n');
    expect(text).toContain('Signed');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);
  });
});

describe('English', () => {
  it("leaves no Chinese in the dashboard's chrome", async () => {
    const page = await suite.logInAs('province', 'dashboard-english', { language: 'en' });
    await dashboardDrawn(page);
    const chrome = [
      'header .title', 'header nav', 'header button', '.dashboard .what', '.dashboard .screen', '.dashboard h3',
      '.dashboard .label', '.dashboard th', '.dashboard .fraction', '.dashboard .status', '.dashboard .note', '.dashboard .hint',
      '.dashboard [data-stage] td:first-child', '.dashboard small',
    ].join(', ');
    const text = (await page.locator(chrome).allInnerTexts()).join('\n');
    expect(text).toContain('Total investment');
    expect(text).toContain('Start rate');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);
    // Places are named in English too: the province, and the cities on the list beside the map.
    expect(await page.locator('.dashboard h2').innerText()).toContain('Shanxi');
    expect(await page.locator('[data-region="140100"] td').first().innerText()).toBe('Taiyuan');
  });
});
