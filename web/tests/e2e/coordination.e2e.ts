// The coordination board end to end: counts per status and the overdue ones as the API has them,
// the filters, one project's items, moving an item through its workflow with If-Match (a change
// made meanwhile elsewhere explained and recovered from), read-only for supervisors, and English
// chrome without Chinese.
import { describe, expect, it } from 'vitest';

import { type TestPage, useSuite } from './browser';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;
const statuses = ['open', 'in_progress', 'resolved', 'closed', 'reopened'] as const;
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

interface Item {
  id: number;
  project_id: number;
  project_name: string;
  status: string;
  overdue: boolean;
  version: number;
  next_statuses: string[];
  resolution: string | null;
}
interface ItemPage {
  items: Item[];
  total: number;
}

async function json<T>(page: TestPage, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

const column = (page: TestPage, status: string) => page.locator(`.board .column[data-status="${status}"]`);

// Each column's count and its loaded cards' overdue marks equal the API's answer for `query`.
async function expectBoardMatches(page: TestPage, query: string, base = '/api/v1/coordination-items'): Promise<number> {
  let all = 0;
  for (const status of statuses) {
    const api = await json<ItemPage>(page, `${base}?status=${status}&page_size=20${query}`);
    all += api.total;
    await eventually(() => column(page, status).locator('[data-count]').innerText()).toBe(String(api.total));
    await eventually(() => column(page, status).locator('.card').count()).toBe(api.items.length);
    const highlighted = await column(page, status).locator('.card.overdue').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-item'))));
    expect(highlighted.sort(), status).toEqual(api.items.filter((i) => i.overdue).map((i) => i.id).sort());
    // Overdue means past the deadline and neither resolved nor closed.
    if (status === 'resolved' || status === 'closed') expect(highlighted, status).toEqual([]);
  }
  return all;
}

async function csrf(page: TestPage): Promise<string> {
  return (await json<{ csrf_token: string }>(page, '/api/v1/session')).csrf_token;
}

describe('coordination board', () => {
  it("a zone's board shows the API's counts per status and highlights exactly the overdue items", async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'coordination-zone-board');
    await page.goto('/coordination');
    const all = await expectBoardMatches(page, '');
    const overdue = await json<ItemPage>(page, '/api/v1/coordination-items?overdue=true&page_size=1');
    expect(overdue.total).toBeGreaterThan(0);
    await eventually(() => page.locator('.summary').innerText()).toBe(`共 ${all} 项 · 逾期 ${overdue.total} 项`);

    await page.locator('main .el-checkbox', { hasText: '只看逾期' }).click();
    await page.waitForURL((u) => u.searchParams.get('overdue') === 'true');
    await expectBoardMatches(page, '&overdue=true');
    expect(await page.locator('.board .card:not(.overdue)').count()).toBe(0);
  });

  it("the province's board pages each column, and a city and zone narrow it", async () => {
    const page = await suite.logInAs('province', 'coordination-province-board');
    await page.goto('/coordination');
    await expectBoardMatches(page, '');
    // More than a page in a column: the rest loads on request.
    const open = await json<ItemPage>(page, '/api/v1/coordination-items?status=open&page_size=1');
    expect(open.total).toBeGreaterThan(20);
    await column(page, 'open').getByRole('button', { name: /加载更多/ }).click();
    await eventually(() => column(page, 'open').locator('.card').count()).toBe(Math.min(40, open.total));

    await page.goto('/coordination?city=140200');
    await expectBoardMatches(page, '&city=140200');
    const zones = await json<{ items: { id: number; region_code: string }[] }>(page, '/api/v1/zones');
    const zone = zones.items.find((z) => z.region_code === '140200');
    await page.goto(`/coordination?city=140200&zone=${zone?.id}`);
    await expectBoardMatches(page, `&zone=${zone?.id}`);
  });

  it("?project=ID shows one project's items, as the project page links to it", async () => {
    const page = await suite.logInAs('taiyuan', 'coordination-project');
    const some = await json<ItemPage>(page, '/api/v1/coordination-items?page_size=1');
    const projectId = some.items[0]?.project_id;
    await page.goto(`/coordination?project=${projectId}`);
    // Named as the project's own page names it (a reserve project with a code name by its code name).
    const project = await json<{ code: string; name: string }>(page, `/api/v1/projects/${projectId}`);
    await eventually(() => page.locator('.project-filter').innerText()).toBe(`项目：${project.code} ${project.name}`);
    await expectBoardMatches(page, '', `/api/v1/projects/${projectId}/coordination-items`);
  });

  it('a city moves an item along its workflow; a change made meanwhile elsewhere is explained and the input kept', async () => {
    const page = await suite.logInAs('taiyuan', 'coordination-city-acts');
    page.expectStatus(409);
    const inProgress = await json<ItemPage>(page, '/api/v1/coordination-items?status=in_progress&page_size=1');
    const item = inProgress.items[0];
    if (!item) throw new Error('no item in progress in the demo');
    await page.goto(`/coordination?project=${item.project_id}`);
    await page.locator(`.card[data-item="${item.id}"]`).click();
    const drawer = page.locator('.el-drawer');
    await eventually(() => drawer.innerText()).toContain('办理');

    // Resolving needs a resolution: asked for before anything is sent.
    await drawer.getByRole('radio', { name: '标记为已解决' }).check({ force: true });
    await drawer.getByRole('button', { name: /确定/ }).click();
    await eventually(() => drawer.locator('.el-form-item__error').innerText()).toBe('必填');
    await page.locator('#move-resolution').fill('已协调供电公司完成专线接入');

    // Meanwhile someone else escalates the item.
    const elsewhere = await page.request.patch(`/api/v1/coordination-items/${item.id}`, {
      headers: { 'X-CSRF-Token': await csrf(page), 'If-Match': `"${item.version}"`, 'Content-Type': 'application/json' },
      data: { responsible_department: '市能源局' },
    });
    expect(elsewhere.status()).toBe(200);

    await drawer.getByRole('button', { name: /确定/ }).click();
    await eventually(() => drawer.getByRole('alert').first().innerText()).toContain('已被他人修改');
    expect((await json<Item>(page, `/api/v1/coordination-items/${item.id}`)).status).toBe('in_progress'); // nothing written
    await drawer.getByRole('button', { name: '重新载入（保留已填内容）' }).click();
    await eventually(() => drawer.innerText()).toContain('市能源局');
    expect(await page.locator('#move-resolution').inputValue()).toBe('已协调供电公司完成专线接入');

    await drawer.getByRole('button', { name: /确定/ }).click();
    await eventually(async () => (await json<Item>(page, `/api/v1/coordination-items/${item.id}`)).status).toBe('resolved');
    const resolved = await json<Item>(page, `/api/v1/coordination-items/${item.id}`);
    expect(resolved.resolution).toBe('已协调供电公司完成专线接入');
    expect(resolved.version).toBe(item.version + 2);
    // The board follows: the card is in the resolved column now.
    await page.keyboard.press('Escape');
    await eventually(() => column(page, 'resolved').locator(`.card[data-item="${item.id}"]`).count()).toBe(1);
  });

  it('a supervisor reads items without any action', async () => {
    const page = await suite.logInAs('supervisor', 'coordination-supervisor');
    await page.goto('/coordination?overdue=true');
    await page.locator('.board .card').first().click();
    const drawer = page.locator('.el-drawer');
    await eventually(() => drawer.innerText()).toContain('办理时限');
    expect(await drawer.locator('form').count()).toBe(0);
    expect(await drawer.getByRole('button', { name: /确定|修改/ }).count()).toBe(0);
  });

  it('English leaves no Chinese in the chrome of the board and an item (data exempt)', async () => {
    const page = await suite.logInAs('taiyuan', 'coordination-english', { language: 'en' });
    await page.goto('/coordination');
    await page.locator('.board .card').first().waitFor();
    const chrome = 'header .title, header nav, header button, main h2, main label, main .rule, main .summary, main .column-head, main .card .el-tag, main .card .key, main .card .note';
    let text = (await page.locator(chrome).allInnerTexts()).join('\n');
    expect(text).toContain('Coordination items');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);

    await page.locator('.board .card').first().click();
    const drawer = page.locator('.el-drawer');
    await eventually(() => drawer.innerText()).toContain('Deadline');
    text = (await drawer.locator('.el-descriptions__label, h4, label, button, .el-radio-button').allInnerTexts()).join('\n');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);
  });
});
