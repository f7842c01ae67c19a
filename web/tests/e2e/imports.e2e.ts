// The import wizard and the list exports against a real server: a zone user uploads a CSV the test
// writes (a title row, a 单位：亿元 line, a header, two good rows, a row whose credit code has the
// wrong check character, a 合计 row stating the wrong total), reads the preview (2 new, 1 rejected
// with its reason, the total check marked), finds it again after a reload, commits it and finds
// the projects in the list; in Chinese and in English. A file that is no table is refused beside
// the file field; a province user is asked for a default zone, and on a batch list for a batch and
// a campaign among those still being planned (one the test creates; the demo's is held). The project list's export button downloads the filtered list as a workbook; the
// other lists' buttons carry their filters (their workbooks are built elsewhere: not downloaded).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { outputDir, useSuite } from './browser';
import { checkCharacter } from '../../src/projects/investors';

const suite = useSuite();

function creditCode(first17: string): string {
  return first17 + (checkCharacter(first17) ?? '');
}

// A wrong check character: any other than the right one.
function badCreditCode(first17: string): string {
  const right = checkCharacter(first17);
  return first17 + (right === '0' ? '1' : '0');
}

interface Sheet {
  csv: string;
  names: [string, string];
  badValue: string;
}

// The table as a zone sends it, UTF-8 with a BOM. The 合计 states 20 亿元; the rows hold 15.7.
function sheet(tag: string): Sheet {
  const names: [string, string] = [`${tag}导入光伏组件项目`, `${tag}导入智能装备项目`];
  const badValue = badCreditCode(`91140100MA${tag}009`);
  const lines = [
    `${tag}山西转型综合改革示范区2026年签约项目表,,,,,,`,
    '填报单位：山西转型综合改革示范区  单位：亿元,,,,,,',
    '序号,项目名称,投资主体,统一社会信用代码,产业,总投资,计划开工',
    `1,${names[0]},${tag}光伏科技有限公司,${creditCode(`91140100MA${tag}001`)},新能源,12.5,2026-09-01`,
    `2,${names[1]},${tag}装备制造有限公司,${creditCode(`91140100MA${tag}002`)},装备制造,3.2,2026-10-01`,
    `3,${tag}导入坏代码项目,${tag}坏代码有限公司,${badValue},新能源,1,2026-09-01`,
    ',合计,,,,20,',
  ];
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, names, badValue };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outputDir, `${name}.png`) });
}

const words = {
  'zh-CN': { nav: '导入', send: '上传并预览', commit: '确认导入', reason: '统一社会信用代码校验位', disagrees: '不一致', done: '导入完成', list: '查看项目清单' },
  en: { nav: 'Import', send: 'Upload and preview', commit: 'Import (write', reason: 'check character', disagrees: 'Does not agree', done: 'Imported', list: 'Open the project list' },
} as const;

async function importAndCommit(language: 'zh-CN' | 'en', tag: string): Promise<void> {
  const w = words[language];
  const lang = language === 'en' ? 'en' : 'zh';
  const page = await suite.logInAs('taiyuan-zgq', `imports-${lang}-result`, { language });
  const { csv, names, badValue } = sheet(tag);

  await page.getByRole('link', { name: w.nav, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/imports');
  await expect.poll(() => page.locator('.template-link').count()).toBe(4); // projects, batch lists, reports, coordination
  await shot(page, `imports-${lang}-1-form`);

  await page.locator('.import-file input[type="file"]').setInputFiles({ name: `${tag}-签约项目.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: w.send }).click();
  await page.waitForURL((u) => /^\/imports\/\d+$/.test(u.pathname));
  const previewUrl = page.url();

  // Counts, the rejected row opened first with its reason, and the total check marked.
  await expect.poll(() => page.locator('.count-created .n').innerText()).toBe('2');
  expect(await page.locator('.count-rejected .n').innerText()).toBe('1');
  const rejected = page.locator('.rows-rejected');
  await expect.poll(() => rejected.innerText()).toContain(w.reason);
  expect(await rejected.innerText()).toContain(badValue);
  expect(await rejected.locator('tbody tr').count()).toBe(1);
  const totals = page.locator('.total-checks');
  expect(await totals.innerText()).toContain(w.disagrees);
  expect(await totals.innerText()).toContain('20.00');
  expect(await page.locator('.download-rejected').getAttribute('href')).toMatch(/^\/api\/v1\/imports\/\d+\/rejected\.xlsx/);
  await shot(page, `imports-${lang}-2-preview`);

  // The preview survives a reload: it is read again from the server by its id.
  await page.reload();
  await expect.poll(() => page.locator('.count-created .n').innerText()).toBe('2');
  expect(page.url()).toBe(previewUrl);
  await page.locator('.count-created').click();
  for (const name of names) await expect.poll(() => page.locator('.rows-created').innerText()).toContain(name);

  await page.locator('.import-commit').click();
  await expect.poll(() => page.locator('.import-result').innerText()).toContain(w.done);
  await shot(page, `imports-${lang}-3-result`);

  await page.getByRole('link', { name: w.list }).click();
  await page.waitForURL((u) => u.pathname === '/projects');
  await page.locator('.search input').fill(`${tag}导入`);
  await page.locator('.search input').press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === `${tag}导入`);
  await expect.poll(() => page.locator('.project-row').count()).toBe(2);
  const listed = await page.locator('.table').innerText();
  for (const name of names) expect(listed).toContain(name);
}

describe('import wizard', () => {
  it('uploads a zone table, previews it, commits it and lists the new projects (Chinese)', async () => {
    await importAndCommit('zh-CN', 'E2EA');
  });

  it('does the same in English', async () => {
    await importAndCommit('en', 'E2EB');
  });

  it('imports a month of progress reports as drafts and links to the reports', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'imports-zh-reports');
    // A started project of the zone and a month it has no report for (the server's clock is today's).
    const listed = (await (await page.request.get('/api/v1/projects?stage=started&page_size=1')).json()) as {
      items: { id: number; code: string }[];
    };
    const project = listed.items[0];
    if (!project) throw new Error('the zone has no started project');
    let month = '';
    for (let m = 1; m <= 12 && !month; m += 1) {
      const candidate = `2025-${String(m).padStart(2, '0')}`;
      const reports = (await (await page.request.get(`/api/v1/projects/${project.id}/reports?month=${candidate}`)).json()) as { items: unknown[] };
      if (reports.items.length === 0) month = candidate;
    }
    expect(month).not.toBe('');
    const csv = `月报\n单位：万元\n项目编码,填报月份,本月完成投资,本月到位资金,形象进度,工程进度,用工人数\n${project.code},${month.replace('-', '.')},12,10,主体施工,45%,60\n`;

    await page.goto('/imports');
    await page.locator('.import-kind').getByText('月报').click();
    await page.locator('.import-file input[type="file"]').setInputFiles({ name: '月报.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.waitForURL((u) => /^\/imports\/\d+$/.test(u.pathname));
    await expect.poll(() => page.locator('.count-created .n').innerText()).toBe('1');
    expect(await page.locator('.count-rejected .n').innerText()).toBe('0');
    await expect.poll(() => page.locator('.rows-created').innerText()).toContain(month);
    expect(await page.locator('.rows-created').innerText()).toContain(project.code);
    await shot(page, 'imports-zh-reports-preview');

    await page.locator('.import-commit').click();
    await expect.poll(() => page.locator('.import-result').innerText()).toContain('新建 1 份月报草稿');
    expect(await page.getByRole('link', { name: '查看月报' }).getAttribute('href')).toBe('/reports');
    const stored = (await (await page.request.get(`/api/v1/projects/${project.id}/reports?month=${month}`)).json()) as {
      items: { status: string; percent_complete: number }[];
    };
    expect(stored.items.map((r) => [r.status, r.percent_complete])).toEqual([['draft', 45]]);
  });

  it('shows a refused file beside the file field', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'imports-refused');
    page.expectStatus(422);
    await page.goto('/imports');
    await page.locator('.import-file input[type="file"]').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('hello\nworld\n') });
    await page.getByRole('button', { name: '上传并预览' }).click();
    const error = page.locator('.file-item .file-error');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toContain('表头');
    expect(new URL(page.url()).pathname).toBe('/imports');
  });
});

describe('import form above a zone', () => {
  it('asks a province user for a default zone, and for a planned campaign and a batch on a batch list', async () => {
    const page = await suite.logInAs('province', 'imports-zh-form-entries');
    // A campaign still being planned, beside the demo's held one (whose batch lists are locked).
    const session = (await (await page.request.get('/api/v1/session')).json()) as { csrf_token: string };
    const planned = `导入表单筹备活动${Date.now() % 100000}`;
    const made = await page.request.post('/api/v1/campaigns', {
      headers: { 'X-CSRF-Token': session.csrf_token, 'Content-Type': 'application/json' },
      data: { name: planned, date: '2024-06-20', venues: [{ name: '主会场', region_code: '140000', main: true }] },
    });
    expect(made.status()).toBe(201);
    const listed = (await (await page.request.get('/api/v1/campaigns')).json()) as { items: { name: string; status: string }[] };
    const held = listed.items.filter((c) => c.status !== 'planning').map((c) => c.name);
    expect(held.length).toBeGreaterThan(0);

    await page.goto('/imports');
    await expect.poll(() => page.locator('.import-zone').count()).toBe(1);
    expect(await page.locator('.import-campaign').count()).toBe(0);
    await page.locator('.import-kind').getByText('批次清单').click();
    // A planned campaign is chosen; the choice lists planned campaigns only.
    await expect.poll(() => page.locator('.import-campaign').innerText()).not.toBe('');
    await page.locator('.import-campaign').click();
    const options = page.locator('.el-select-dropdown__item:visible');
    await expect.poll(() => options.allInnerTexts()).toContain(planned);
    for (const name of held) expect(await options.allInnerTexts()).not.toContain(name);
    await page.keyboard.press('Escape');
    expect(await page.locator('.import-batch').innerText()).toContain('开工一批');
    const templates = await page.locator('.template-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(templates).toContain('/api/v1/imports/template.xlsx?kind=entries&lang=zh');
    expect(templates).toContain('/api/v1/imports/template.xlsx?kind=reports&lang=zh');
    expect(templates).toContain('/api/v1/imports/template.xlsx?kind=coordination&lang=zh');
  });
});

describe('project list export', () => {
  it('downloads the filtered list as a workbook in the chosen unit', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-export');
    await page.goto('/projects?stage=signed&page=2');
    await expect.poll(() => page.locator('.export-button').count()).toBe(1);
    await page.locator('.export-unit').click();
    await page.getByRole('option', { name: '万元' }).click();

    const href = (await page.locator('.export-button').getAttribute('href')) ?? '';
    const params = new URL(href, suite.url()).searchParams;
    expect(new URL(href, suite.url()).pathname).toBe('/api/v1/projects/export.xlsx');
    expect(Object.fromEntries(params)).toEqual({ stage: 'signed', unit: '万元', lang: 'zh' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-button').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    if (!path) throw new Error('the download was not saved');
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');

    const answer = await page.request.get(href);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('spreadsheetml');
  });
});

describe('export buttons on the other lists', () => {
  // Their workbooks are built elsewhere: only the addresses are checked here, not the downloads.
  it('carry each list\'s filters, the unit where there is money, and the language', async () => {
    const page = await suite.logInAs('province', 'exports-lists', { language: 'en' });
    const href = async (selector: string): Promise<URL> => {
      const link = page.locator(`${selector} .export-button`);
      await expect.poll(() => link.count()).toBe(1);
      return new URL((await link.getAttribute('href')) ?? '', suite.url());
    };

    const campaigns = (await (await page.request.get('/api/v1/campaigns')).json()) as { items: { id: number }[] };
    const id = campaigns.items[0]?.id;
    if (id === undefined) throw new Error('the demo has no campaign');
    await page.goto(`/campaigns/${id}?batch=start&city=140100&page=2`);
    const entries = await href('.export-entries');
    expect(entries.pathname).toBe(`/api/v1/campaigns/${id}/entries/export.xlsx`);
    expect(Object.fromEntries(entries.searchParams)).toEqual({ batch: 'start', city: '140100', unit: '亿元', lang: 'en' });
    const summary = await href('.export-summary');
    expect(summary.pathname).toBe(`/api/v1/campaigns/${id}/summary.xlsx`);
    expect(Object.fromEntries(summary.searchParams)).toEqual({ unit: '亿元', lang: 'en' });
    await shot(page, 'exports-campaign-en');

    await page.goto('/reports?month=2022-06&status=approved&city=140100');
    const reports = await href('.export-reports');
    expect(reports.pathname).toBe('/api/v1/reports/export.xlsx');
    expect(Object.fromEntries(reports.searchParams)).toEqual({ month: '2022-06', status: 'approved', city: '140100', unit: '亿元', lang: 'en' });
    await shot(page, 'exports-reports-en');

    await page.goto('/coordination?overdue=true&city=140100');
    const board = await href('.export-coordination');
    expect(board.pathname).toBe('/api/v1/coordination-items/export.xlsx');
    expect(Object.fromEntries(board.searchParams)).toEqual({ city: '140100', overdue: 'true', lang: 'en' });
  });
});
