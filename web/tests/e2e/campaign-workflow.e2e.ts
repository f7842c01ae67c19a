// A campaign from planning to archive: the province creates it, a zone proposes projects, its city
// confirms one, the province holds it (refused while a proposal waits), withdraws an entry with a
// reason and closes it. Refusals (double counting naming the earlier campaign, the stage rule, a
// stale edit) are shown in words; every figure asserted is checked against the API. The bulletin
// (another part of the server) is requested only when its preview is asked for, and answered then
// by a stand-in: only its addresses are checked here.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type TestPage, outputDir, useSuite } from './browser';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;

interface Campaign {
  id: number;
  name: string;
  date: string;
  year: number;
  sequence: number;
  status: string;
  held_on: string | null;
  venues: { name: string; region_code: string; main: boolean; zone_id: number | null }[];
  version: number;
}
interface Project {
  id: number;
  code: string;
  name: string;
  stage: string;
  actual: Record<string, string | null>;
}
interface Entry {
  project_id: number;
  batch: string;
  status: string;
  reason: string;
}

async function api<T>(page: TestPage, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

async function entries(page: TestPage, id: number, query = ''): Promise<Entry[]> {
  return (await api<{ items: Entry[] }>(page, `/api/v1/campaigns/${id}/entries?page_size=500${query}`)).items;
}

// Opens the Element Plus select whose input has this id and picks an option.
async function choose(page: TestPage, id: string, text: string | RegExp): Promise<void> {
  await page.locator(`.el-form-item:has(#${id}) .el-select`).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click();
}

async function cardCounts(page: TestPage): Promise<number[]> {
  await page.locator('main .batch .count').first().waitFor();
  return (await page.locator('main .batch .count').allInnerTexts()).map((t) => Number(/\d+/.exec(t)?.[0]));
}

async function entryRow(page: TestPage, code: string) {
  const row = page.locator('#campaign-entries .el-table__body tr', { hasText: code });
  await row.first().waitFor();
  return row.first();
}

const name = '2023年全省开发区第三次“三个一批”活动';
const date = '2023-09-20';
let campaignId = 0;
let proposed: Project; // proposed by the zone, confirmed by the city, withdrawn after the hold
let dropped: Project; // proposed by the zone, removed by the city before the hold
let demoName = '';

async function enterProject(page: TestPage, p: Project, batch: string): Promise<void> {
  await page.locator('.enter-project').click();
  const dialog = page.locator('.entry-add-dialog');
  await dialog.waitFor();
  await dialog.locator('.el-form-item:has(#entry-project) .el-select').click();
  await dialog.locator('#entry-project').fill(p.name);
  await page.locator('.el-select-dropdown__item:visible', { hasText: p.code }).first().click();
  await dialog.locator('.el-radio-button', { hasText: batch }).click();
  await dialog.locator('.confirm-entry').click();
}

describe('a campaign from planning to archive', () => {
  it('is created by the province, with field errors from the form and from the server', async () => {
    const page = await suite.logInAs('province', 'workflow-create');
    demoName = (await api<{ items: Campaign[] }>(page, '/api/v1/campaigns')).items[0]!.name;
    await page.goto('/campaigns');
    await page.locator('.new-campaign').click();
    const dialog = page.locator('.campaign-form-dialog');
    await dialog.waitFor();

    // Nothing filled: the form says what is missing without asking the server.
    await dialog.locator('.save').click();
    const errorOf = (id: string) => dialog.locator(`.el-form-item:has(#${id}) .el-form-item__error`);
    await expect.poll(() => errorOf('campaign-name').innerText()).toBe('此项必填');
    expect(await errorOf('campaign-date').innerText()).toBe('此项必填');
    expect(await errorOf('venue-0-name').innerText()).toBe('此项必填');

    // The demo campaign's name is taken: the server's 409 shows beside the name.
    page.expectStatus(409);
    await dialog.locator('#campaign-name').fill(demoName);
    await dialog.locator('#campaign-date').fill(date);
    await dialog.locator('#campaign-date').press('Enter');
    await dialog.locator('#venue-0-name').fill('主会场：山西转型综合改革示范区');
    await dialog.locator('.add-branch').click();
    await dialog.locator('#venue-1-name').fill('太原市分会场');
    await choose(page, 'venue-1-region', /^太原市$/);
    await choose(page, 'venue-1-zone', '山西转型综合改革示范区');
    await page.screenshot({ path: join(outputDir, 'campaign-create-zh.png') });
    await dialog.locator('.save').click();
    await expect.poll(() => errorOf('campaign-name').innerText()).toContain('已存在');

    await dialog.locator('#campaign-name').fill(name);
    await dialog.locator('.save').click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    campaignId = Number(/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);

    // What was saved, read back.
    const saved = await api<Campaign>(page, `/api/v1/campaigns/${campaignId}`);
    expect(saved).toMatchObject({ name, date, year: 2023, sequence: 1, status: 'planning', held_on: null });
    expect(saved.venues).toEqual([
      { name: '主会场：山西转型综合改革示范区', region_code: '140000', main: true, zone_id: null },
      { name: '太原市分会场', region_code: '140100', main: false, zone_id: 1 },
    ]);
    await expect.poll(() => page.locator('main .campaign-status').innerText()).toBe('筹备中');
    expect(await page.locator('main .meta').innerText()).toContain('2023年第1次');
    expect(await cardCounts(page)).toEqual([0, 0, 0]);

    // The list shows it first, planned, numbered in its year.
    await page.goto('/campaigns');
    const row = page.locator('main .el-table__body tr').first();
    await expect.poll(() => row.innerText()).toContain(name);
    expect(await row.innerText()).toContain('2023年第1次');
    expect(await row.locator('.campaign-status').innerText()).toBe('筹备中');
    await page.screenshot({ path: join(outputDir, 'campaign-list-planning-zh.png') });
  });

  it('refuses a stale edit and says why, then saves the edit made on fresh data', async () => {
    const page = await suite.logInAs('province', 'workflow-edit');
    await page.goto(`/campaigns/${campaignId}`);
    await page.locator('.edit-campaign').click();
    const dialog = page.locator('.campaign-form-dialog');
    await dialog.waitFor();
    // Meanwhile someone else renames it.
    const before = await api<Campaign>(page, `/api/v1/campaigns/${campaignId}`);
    const csrf = (await api<{ csrf_token: string }>(page, '/api/v1/session')).csrf_token;
    const elsewhere = await page.request.patch(`/api/v1/campaigns/${campaignId}`, {
      headers: { 'X-CSRF-Token': csrf, 'If-Match': `"${before.version}"`, 'Content-Type': 'application/json' },
      data: { name: `${name}（改）` },
    });
    expect(elsewhere.status()).toBe(200);
    page.expectStatus(409);
    await dialog.locator('#campaign-name').fill(`${name}（再改）`);
    await dialog.locator('.save').click();
    const alert = dialog.getByRole('alert').filter({ hasText: '活动已被他人修改' });
    await alert.waitFor();
    await alert.getByRole('button', { name: '重新载入' }).click();
    await expect.poll(() => page.locator('main h2').innerText()).toBe(`${name}（改）`);

    // On fresh data the edit goes through: back to the first name.
    await page.locator('.edit-campaign').click();
    await dialog.locator('#campaign-name').fill(name);
    await dialog.locator('.save').click();
    await expect.poll(() => page.locator('main h2').innerText()).toBe(name);
    expect((await api<Campaign>(page, `/api/v1/campaigns/${campaignId}`)).name).toBe(name);
  });

  it('takes a zone’s proposals, and explains double counting and the stage rule', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'workflow-zone');
    // Signed projects of the zone all count in the demo campaign's sign batch; none is started yet.
    const signed = (await api<{ items: Project[] }>(page, '/api/v1/projects?stage=signed&sort=id&page_size=5')).items;
    [proposed, dropped] = [signed[0]!, signed[1]!];
    const reserve = (await api<{ items: Project[] }>(page, '/api/v1/projects?stage=reserve&page_size=1')).items[0]!;
    await page.goto(`/campaigns/${campaignId}`);

    // Counted in the demo campaign's sign batch already: refused, naming that campaign.
    page.expectStatus(409);
    await enterProject(page, proposed, '签约一批');
    const dialog = page.locator('.entry-add-dialog');
    const refusal = dialog.getByRole('alert');
    await expect.poll(() => refusal.innerText()).toContain('重复计入');
    expect(await refusal.innerText()).toContain(demoName);
    await page.screenshot({ path: join(outputDir, 'campaign-entry-double-zh.png') });
    await dialog.locator('.el-dialog__headerbtn').click();

    // A reserve project cannot go into production on the event day.
    page.expectStatus(422);
    await enterProject(page, reserve, '投产一批');
    await expect.poll(() => refusal.innerText()).toContain('不符合批次条件');
    expect(await refusal.innerText()).toContain('开工');
    await dialog.locator('.el-dialog__headerbtn').click();

    // Two proposals for the start batch: awaiting the city.
    for (const p of [proposed, dropped]) {
      await enterProject(page, p, '开工一批');
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForURL((u) => u.searchParams.get('batch') === 'start');
      expect(await (await entryRow(page, p.code)).locator('.entry-state').innerText()).toBe('待确认');
    }
    const waiting = await entries(page, campaignId, '&status=proposed');
    expect(waiting.map((e) => [e.project_id, e.batch]).sort()).toEqual([[proposed.id, 'start'], [dropped.id, 'start']].sort());
    await expect.poll(() => page.locator('main .pending-note').innerText()).toContain('您有 2 项登记待市级确认');
    // Proposals do not count yet.
    expect(await cardCounts(page)).toEqual([0, 0, 0]);
    await page.screenshot({ path: join(outputDir, 'campaign-zone-proposals-zh.png') });
  });

  it('lets the city confirm a proposal of its zone', async () => {
    const page = await suite.logInAs('taiyuan', 'workflow-city');
    await page.goto(`/campaigns/${campaignId}`);
    await expect.poll(() => page.locator('main .pending-note').innerText()).toContain('有 2 项开发区登记待您确认');
    await page.locator('main .show-pending').click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'proposed' && u.searchParams.get('batch') === 'start');
    await (await entryRow(page, proposed.code)).locator('.confirm-action').click();
    await expect.poll(async () => (await entries(page, campaignId, '&status=confirmed')).map((e) => e.project_id)).toEqual([proposed.id]);
    // Confirmed, it counts: the start card says so, as the summary does.
    const summary = await api<{ batches: { projects: number }[] }>(page, `/api/v1/campaigns/${campaignId}/summary`);
    expect(summary.batches.map((b) => b.projects)).toEqual([0, 1, 0]);
    await expect.poll(() => cardCounts(page)).toEqual([0, 1, 0]);
    await page.locator('#campaign-entries .status-filter .el-radio-button', { hasText: '已确认' }).click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'confirmed');
    expect(await (await entryRow(page, proposed.code)).locator('.entry-state').innerText()).toBe('已确认');
  });

  it('is held by the province once no proposal waits, moving the project’s stage to the event day', async () => {
    const page = await suite.logInAs('province', 'workflow-hold');
    // Until then the big screen shows the demo campaign, the latest held one, not this planned one.
    await page.goto('/screen');
    await expect.poll(() => page.locator('[data-figure="campaign"]').innerText()).toBe(demoName);

    await page.goto(`/campaigns/${campaignId}?batch=start`);
    await page.locator('.hold-campaign').click();
    const dialog = page.locator('.campaign-hold-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('登记锁定');
    expect(await dialog.innerText()).toContain('还有 1 项登记待市级确认');
    page.expectStatus(409);
    await dialog.locator('.confirm-step').click();
    const refusal = dialog.getByRole('alert').filter({ hasText: '暂不能举办' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('待市级确认');
    await page.screenshot({ path: join(outputDir, 'campaign-hold-refused-zh.png') });
    await dialog.locator('.el-dialog__headerbtn').click();

    // The waiting proposal is removed.
    await page.locator('#campaign-entries .status-filter .el-radio-button', { hasText: '待确认' }).click();
    await (await entryRow(page, dropped.code)).locator('.remove-action').click();
    await page.locator('.el-popover:visible .remove-confirm').click();
    await expect.poll(async () => (await entries(page, campaignId, '&status=proposed')).length).toBe(0);
    await expect.poll(() => page.locator('main .pending-note').count()).toBe(0);

    await page.locator('.hold-campaign').click();
    await dialog.locator('.confirm-step').click();
    await expect.poll(() => page.locator('main .campaign-status').innerText()).toBe('已举办');
    const held = await api<Campaign>(page, `/api/v1/campaigns/${campaignId}`);
    expect(held.status).toBe('held');
    expect(held.held_on).not.toBeNull();
    expect((await entries(page, campaignId)).map((e) => [e.project_id, e.status])).toEqual([[proposed.id, 'confirmed']]);
    const project = await api<Project>(page, `/api/v1/projects/${proposed.id}`);
    expect(project.stage).toBe('started');
    expect(project.actual.start).toBe(date);
    // Held: no more entering, editing or holding; the changes since holding are listed (none yet).
    expect(await page.locator('.enter-project, .edit-campaign, .hold-campaign').count()).toBe(0);
    await expect.poll(() => page.locator('.campaign-changes .unchanged').count()).toBe(1);
    await page.screenshot({ path: join(outputDir, 'campaign-held-zh.png'), fullPage: true });

    // Now the big screen shows this campaign, as its summary counts it.
    const summary = await api<{ batches: { batch: string; projects: number }[] }>(page, `/api/v1/campaigns/${campaignId}/summary`);
    await page.goto('/screen');
    await expect.poll(() => page.locator('[data-figure="campaign"]').innerText()).toBe(name);
    for (const b of summary.batches) {
      await expect.poll(() => page.locator(`[data-batch="${b.batch}"] .count b`).innerText()).toBe(String(b.projects));
    }
  });

  it('withdraws an entry with a required reason, shows it withdrawn and lists the change since holding', async () => {
    const page = await suite.logInAs('province', 'workflow-withdraw');
    await page.goto(`/campaigns/${campaignId}?batch=start`);
    await (await entryRow(page, proposed.code)).locator('.withdraw-action').click();
    const dialog = page.locator('.entry-withdraw-dialog');
    await dialog.waitFor();
    await dialog.locator('.confirm-withdraw').click();
    await expect.poll(() => dialog.locator('.el-form-item__error').innerText()).toBe('请填写撤回原因');
    const reason = '经核实项目开工日期有误需撤回重报';
    await dialog.locator('#withdraw-reason').fill(reason);
    await dialog.locator('.confirm-withdraw').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = await entryRow(page, proposed.code);
    await expect.poll(() => row.locator('.entry-state').innerText()).toBe('已撤回');
    expect(await row.innerText()).toContain(reason);
    expect(await entries(page, campaignId, '&status=withdrawn')).toEqual([
      expect.objectContaining({ project_id: proposed.id, batch: 'start', status: 'withdrawn', reason }),
    ]);

    // The frozen count keeps the entry; today it no longer counts: the panel says so, as the API does.
    const changes = await api<{
      batches: { batch: string; projects_counted: number; projects_now: number }[];
      changed: number;
    }>(page, `/api/v1/campaigns/${campaignId}/changes`);
    const start = changes.batches.find((b) => b.batch === 'start')!;
    expect([start.projects_counted, start.projects_now, changes.changed]).toEqual([1, 0, 1]);
    const panel = page.locator('.campaign-changes');
    const startRow = panel.locator('.changes-batches .el-table__body tr', { hasText: '开工一批' });
    await expect.poll(() => startRow.locator('.projects-counted').innerText()).toBe('1');
    expect(await startRow.locator('.projects-now').innerText()).toBe('0');
    expect(await startRow.locator('.projects-delta').innerText()).toBe('−1');
    const changed = panel.locator('.changed-entries .el-table__body tr');
    expect(await changed.count()).toBe(1);
    expect(await changed.innerText()).toContain(proposed.name);
    expect(await changed.innerText()).toContain(`已撤回：${reason}`);
    // The summary still counts what the bulletin counted.
    expect(await cardCounts(page)).toEqual([0, 1, 0]);
    await page.screenshot({ path: join(outputDir, 'campaign-withdrawn-zh.png'), fullPage: true });

    // The project's audit trail names the entry's state and reason in words, not field codes.
    await page.goto(`/projects/${proposed.id}`);
    await page.getByRole('tab', { name: '审计记录' }).click();
    const trail = page.locator('.audit-table tbody');
    await expect.poll(() => trail.innerText()).toContain('活动批次 · 开工一批 · 状态');
    const text = await trail.innerText();
    expect(text).toContain('已撤回');
    expect(text).toContain(`活动批次 · 开工一批 · 原因`);
    // The entry names its campaign, not the campaign's number.
    expect(text).toMatch(new RegExp(`活动批次 · 开工一批[:：]?\\s*${name}`));
    expect(text).not.toContain('campaign_entry');
    expect(text).not.toContain('withdrawn');
  });

  it('links the bulletin in both languages, frames it only when asked, and closes the campaign', async () => {
    const page = await suite.logInAs('province', 'workflow-close');
    await page.goto(`/campaigns/${campaignId}`);
    const bulletin = page.locator('.campaign-bulletin');
    await bulletin.waitFor();
    const hrefs = await bulletin.locator('.download-bulletin').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const wanted = ['html', 'docx', 'md'].flatMap((format) =>
      ['zh', 'en'].map((lang) => `/api/v1/campaigns/${campaignId}/bulletin?lang=${lang}&format=${format}`),
    );
    expect(hrefs).toEqual(wanted);
    expect(await bulletin.locator('.open-bulletin').getAttribute('href')).toBe(`/api/v1/campaigns/${campaignId}/bulletin?lang=zh&format=html`);
    expect(await bulletin.locator('iframe').count()).toBe(0);

    // Asked for, the preview frames the server's bulletin in the page's language: the campaign's own
    // figures (its start batch counted the one project, withdrawn since).
    await bulletin.locator('.preview-bulletin').click();
    const frame = bulletin.locator('iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe(`/api/v1/campaigns/${campaignId}/bulletin?lang=zh&format=html`);
    const framed = page.frameLocator('.campaign-bulletin iframe');
    await expect.poll(() => framed.locator('h1').innerText()).toContain('通报');
    expect(await framed.locator('.headline').innerText()).toContain('集中开工项目1个');
    await bulletin.getByRole('button', { name: '收起预览' }).click();
    await frame.waitFor({ state: 'detached' });

    await page.locator('.close-campaign').click();
    const dialog = page.locator('.campaign-close-dialog');
    await dialog.locator('.confirm-step').click();
    await expect.poll(() => page.locator('main .campaign-status').innerText()).toBe('已结束');
    expect((await api<Campaign>(page, `/api/v1/campaigns/${campaignId}`)).status).toBe('closed');
    expect(await page.locator('.close-campaign, .withdraw-action').count()).toBe(0);
  });

  it('reads in English, with no Chinese in its chrome', async () => {
    const page = await suite.logInAs('province', 'workflow-english', { language: 'en' });
    await page.goto('/campaigns');
    await expect.poll(() => page.locator('main .el-table__body tr').first().innerText()).toContain('No. 1 of 2023');
    await page.screenshot({ path: join(outputDir, 'campaign-list-en-workflow.png') });
    await page.goto(`/campaigns/${campaignId}?batch=start`);
    await (await entryRow(page, proposed.code)).waitFor();
    await page.locator('.campaign-changes .changed-entries').waitFor();
    const chrome = await page
      .locator(
        'main .meta, main .campaign-status, main .phase, main h3, main th, main .status-filter, main .entry-state, ' +
          'main .campaign-changes .explain, main .changes-batches td:first-child, main .campaign-bulletin .el-button, ' +
          'main .campaign-bulletin .explain, main .campaign-bulletin .label',
      )
      .allInnerTexts();
    const text = chrome.join('\n');
    expect(text).toContain('Closed');
    expect(text).toContain('Withdrawn');
    expect(text).toContain('Changes since it was held');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);
    await page.screenshot({ path: join(outputDir, 'campaign-closed-en.png'), fullPage: true });
  });
});
