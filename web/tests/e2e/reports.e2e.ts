// Monthly reports end to end: a zone drafts and submits the owed month's report through quick
// entry, its city approves it; a return's reason reaches the zone, who corrects and resubmits; the
// server's field errors show beside the field; English leaves no Chinese in the pages' chrome.
import { describe, expect, it } from 'vitest';

import { owedMonth } from '../../src/format/months';
import { type TestPage, useSuite } from './browser';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;
// The demo's 山西转型综合改革示范区 (zone user taiyuan-zgq) is in 太原市 (city user taiyuan).
const zoneUser = 'taiyuan-zgq';
const cityUser = 'taiyuan';
const month = owedMonth();
// Pages load several lists at once on a busy machine: give them time.
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

interface Owed {
  project_id: number;
  project_name: string;
  draft_id: number | null;
}
interface ReportJson {
  id: number;
  project_id: number;
  status: string;
  version: number;
  investment_completed: string;
  capital_arrived: string;
  jobs: number;
  percent_complete: number;
  confirmation_note: string | null;
  return_reason: string | null;
  approved_by: { name: string } | null;
}

async function json<T>(page: TestPage, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

// Projects of the zone that owe `month` and have not started a draft, `skip` of them passed over
// so each test takes its own.
async function owedProject(page: TestPage, skip: number): Promise<Owed> {
  const owed = await json<{ items: Owed[] }>(page, `/api/v1/reports/missing?month=${month}&page_size=20`);
  const free = owed.items.filter((o) => o.draft_id === null);
  const chosen = free[skip];
  if (!chosen) throw new Error('the demo zone owes too few reports');
  return chosen;
}

async function reportOf(page: TestPage, projectId: number): Promise<ReportJson | undefined> {
  const list = await json<{ items: ReportJson[] }>(page, `/api/v1/projects/${projectId}/reports?month=${month}`);
  return list.items[0];
}

// The quick-entry row of a project, found by one of its inputs.
function entryRow(page: TestPage, projectId: number) {
  return page.locator('.quick-entry tbody tr', { has: page.locator(`#entry-${projectId}-jobs`) });
}

async function typeFigures(page: TestPage, projectId: number, f: { investment: string; capital: string; percent: string; jobs: string; progress: string }) {
  await page.locator(`#entry-${projectId}-investment_completed`).fill(f.investment);
  await page.locator(`#entry-${projectId}-capital_arrived`).fill(f.capital);
  await page.locator(`#entry-${projectId}-percent_complete`).fill(f.percent);
  await page.locator(`#entry-${projectId}-percent_complete`).press('Tab');
  await page.locator(`#entry-${projectId}-jobs`).fill(f.jobs);
  await page.locator(`#entry-${projectId}-jobs`).press('Tab');
  await page.locator(`#entry-${projectId}-progress_text`).fill(f.progress);
}

async function writeHeaders(page: TestPage, version?: number): Promise<Record<string, string>> {
  const session = await json<{ csrf_token: string }>(page, '/api/v1/session');
  const headers: Record<string, string> = { 'X-CSRF-Token': session.csrf_token, 'Content-Type': 'application/json' };
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  return headers;
}

// A submitted report made through the API, for tests about what happens after submission.
async function submittedThroughApi(page: TestPage, projectId: number): Promise<ReportJson> {
  const created = await page.request.post(`/api/v1/projects/${projectId}/reports`, {
    headers: await writeHeaders(page),
    data: { month, investment_completed: '80万元', capital_arrived: '60万元', progress_text: '设备安装调试', percent_complete: 55, jobs: 40 },
  });
  expect(created.status()).toBe(201);
  const draft = (await created.json()) as ReportJson;
  const submitted = await page.request.post(`/api/v1/reports/${draft.id}/submit`, { headers: await writeHeaders(page, draft.version) });
  expect(submitted.status()).toBe(200);
  return (await submitted.json()) as ReportJson;
}

describe('monthly reports', () => {
  it('a zone drafts and submits the owed month through quick entry, and its city approves it', async () => {
    const zone = await suite.logInAs(zoneUser, 'reports-zone-quick-entry');
    await zone.goto('/reports');
    // Without a month the page shows the one reports are owed for: the last month that has ended.
    await zone.locator('.quick-entry').waitFor();
    const [year, m] = month.split('-');
    await eventually(() => zone.locator('main').innerText()).toContain(`${year}年${Number(m)}月共有`);
    const owed = await owedProject(zone, 0);
    const row = entryRow(zone, owed.project_id);

    await typeFigures(zone, owed.project_id, { investment: '1,234.5678', capital: '1000.05', percent: '35', jobs: '88', progress: '厂房主体封顶，开始设备基础施工' });
    await row.getByRole('button', { name: '存草稿' }).click();
    await eventually(async () => (await reportOf(zone, owed.project_id))?.status).toBe('draft');
    const draft = await reportOf(zone, owed.project_id);
    // 1,234.5678 万元 and 1000.05 万元, exactly in yuan.
    expect(draft).toMatchObject({ investment_completed: '12345678', capital_arrived: '10000500', percent_complete: 35, jobs: 88 });
    await eventually(() => row.innerText()).toContain('已存草稿');

    await row.getByRole('button', { name: '提交' }).click();
    await eventually(async () => (await reportOf(zone, owed.project_id))?.status).toBe('submitted');
    // Submitted, the project no longer owes the month, and the month's list shows it waiting.
    await eventually(() => zone.locator(`#entry-${owed.project_id}-jobs`).count()).toBe(0);
    await zone.goto(`/reports?month=${month}&status=submitted`);
    await eventually(() => zone.locator('.month-reports').innerText()).toContain(owed.project_name);

    const city = await suite.logInAs(cityUser, 'reports-city-approves');
    await city.goto(`/reports/review?month=${month}`);
    const queued = city.locator('.queue tbody tr', { hasText: owed.project_name });
    await eventually(() => queued.innerText()).toContain('1,234.57'); // 万元, as the zone typed it
    await queued.getByRole('button', { name: '通过' }).click();
    await eventually(() => city.locator('.queue tbody tr', { hasText: owed.project_name }).count()).toBe(0);

    const approved = await json<ReportJson>(city, `/api/v1/reports/${draft?.id}`);
    expect(approved.status).toBe('approved');
    expect(approved.approved_by?.name).toBe(cityUser);
    expect(approved.investment_completed).toBe('12345678');

    // The project's reports page shows it approved, with the chart.
    await city.goto(`/projects/${owed.project_id}/reports`);
    await city.locator('.investment-chart canvas').waitFor();
    await eventually(() => city.locator('.reports tbody tr').first().innerText()).toContain('已通过');
  });

  it('a return with a reason reaches the zone, who corrects the report and submits it again', async () => {
    const zone = await suite.logInAs(zoneUser, 'reports-zone-corrects');
    const owed = await owedProject(zone, 1);
    const submitted = await submittedThroughApi(zone, owed.project_id);

    const city = await suite.logInAs(cityUser, 'reports-city-returns');
    await city.goto(`/reports/review?month=${month}`);
    const queued = city.locator('.queue tbody tr', { hasText: owed.project_name });
    await queued.getByRole('button', { name: '退回' }).click();
    const dialog = city.getByRole('dialog', { name: '退回月报' });
    // A reason is required before anything is sent.
    await dialog.getByRole('button', { name: '退回' }).click();
    await eventually(() => dialog.innerText()).toContain('请填写退回原因');
    const reason = '用工人数与社保缴纳记录不符，请核对';
    await city.locator('#return-reason').fill(reason);
    await dialog.getByRole('button', { name: '退回' }).click();
    await eventually(async () => (await json<ReportJson>(city, `/api/v1/reports/${submitted.id}`)).status).toBe('returned');

    await zone.goto(`/reports?month=${month}&status=returned`);
    const returnedRow = zone.locator('.month-reports tbody tr', { hasText: owed.project_name });
    await eventually(() => returnedRow.innerText()).toContain(`退回原因：${reason}`);
    await returnedRow.getByRole('button', { name: '修改后重报' }).click();
    const edit = zone.getByRole('dialog');
    await eventually(() => edit.innerText()).toContain(reason);
    await zone.locator('#edit-jobs').fill('36');
    await zone.locator('#edit-jobs').press('Tab');
    await edit.getByRole('button', { name: '重新提交' }).click();
    await eventually(async () => (await json<ReportJson>(zone, `/api/v1/reports/${submitted.id}`)).status).toBe('submitted');
    const resubmitted = await json<ReportJson>(zone, `/api/v1/reports/${submitted.id}`);
    expect(resubmitted.jobs).toBe(36);
    expect(resubmitted.return_reason).toBe(reason); // kept after resubmission
  });

  it("shows the server's refusal beside the field: a negative amount, then cumulative investment past 150% without a note", async () => {
    const zone = await suite.logInAs(zoneUser, 'reports-field-errors');
    zone.expectStatus(422);
    await zone.goto('/reports');
    await zone.locator('.quick-entry').waitFor();
    const owed = await owedProject(zone, 2);
    const project = await json<{ total_investment: string }>(zone, `/api/v1/projects/${owed.project_id}`);
    const row = entryRow(zone, owed.project_id);

    await typeFigures(zone, owed.project_id, { investment: '10', capital: '-5', percent: '10', jobs: '3', progress: '场地平整' });
    await row.getByRole('button', { name: '存草稿' }).click();
    await eventually(() => row.locator('.field-error').allInnerTexts()).toEqual(['金额不能为负数']);
    expect(await reportOf(zone, owed.project_id)).toBeUndefined(); // nothing written

    // Twice the total investment in one month: the server wants a confirmation note.
    const twiceTotalWan = ((BigInt(project.total_investment.split('.')[0] ?? '0') * 2n) / 10000n + 1n).toString();
    await zone.locator(`#entry-${owed.project_id}-capital_arrived`).fill('5');
    await zone.locator(`#entry-${owed.project_id}-investment_completed`).fill(twiceTotalWan);
    await row.getByRole('button', { name: '存草稿' }).click();
    await eventually(() => row.locator('.field-error').innerText()).toMatch(/150%.*确认说明/);
    expect(await reportOf(zone, owed.project_id)).toBeUndefined();

    await zone.locator(`#entry-${owed.project_id}-confirmation_note`).fill('设备款集中支付，已核对合同与发票');
    await row.getByRole('button', { name: '存草稿' }).click();
    await eventually(async () => (await reportOf(zone, owed.project_id))?.confirmation_note).toBe('设备款集中支付，已核对合同与发票');
    await eventually(() => row.locator('.field-error').count()).toBe(0);
  });

  it('submits several drafts at once', async () => {
    const zone = await suite.logInAs(zoneUser, 'reports-zone-batch');
    await zone.goto('/reports');
    await zone.locator('.quick-entry').waitFor();
    const first = await owedProject(zone, 3);
    const second = await owedProject(zone, 4);
    for (const p of [first, second]) {
      await typeFigures(zone, p.project_id, { investment: '20', capital: '20', percent: '5', jobs: '9', progress: '办理施工许可' });
      await entryRow(zone, p.project_id).locator('.el-checkbox').click();
    }
    await zone.getByRole('button', { name: '提交所选（2）' }).click();
    for (const p of [first, second]) await eventually(async () => (await reportOf(zone, p.project_id))?.status).toBe('submitted');
  });

  it('English leaves no Chinese in the chrome of the report pages (data exempt)', async () => {
    const chrome = 'header .title, header nav, header button, main h2, main h3, main th, main label, main button, main .el-radio-button, main .explain, main .hint, main .chart-note, main .el-tag.report-status';
    const zone = await suite.logInAs(zoneUser, 'reports-english-zone', { language: 'en' });
    await zone.goto(`/reports?month=${month}`);
    await zone.locator('.quick-entry tbody tr').first().waitFor();
    let text = (await zone.locator(chrome).allInnerTexts()).join('\n');
    expect(text).toContain('Still owed');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);

    await zone.goto('/reports?month=2022-11');
    await zone.locator('.month-reports tbody tr').first().waitFor();
    text = (await zone.locator(chrome).allInnerTexts()).join('\n');
    expect(text).toContain('Reports for Nov 2022');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);

    const city = await suite.logInAs(cityUser, 'reports-english-city', { language: 'en' });
    await city.goto('/reports/review');
    await city.locator('.queue tbody tr').first().waitFor();
    text = (await city.locator(chrome).allInnerTexts()).join('\n');
    expect(text).toContain('Reports to review');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);

    const withReports = await json<{ items: { project_id: number }[] }>(city, '/api/v1/reports?month=2022-11&status=approved&page_size=1');
    await city.goto(`/projects/${withReports.items[0]?.project_id}/reports`);
    await city.locator('.investment-chart canvas').waitFor();
    text = (await city.locator(chrome).allInnerTexts()).join('\n');
    expect(text).toContain('Project reports');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);
  });

  it('shows each menu entry only to the roles that use it', async () => {
    const zone = await suite.logInAs(zoneUser, 'reports-menu-zone');
    expect(await zone.locator('header nav').innerText()).not.toContain('月报审核');
    await zone.goto('/reports/review');
    await zone.waitForURL((u) => u.pathname === '/');
    const city = await suite.logInAs(cityUser, 'reports-menu-city');
    await eventually(() => city.locator('header nav').innerText()).toContain('月报审核');
  });
});
