// The project pages against a real server: edit a project through a refusal and read the saved
// version back; a version conflict between two tabs recovered without losing the second tab's
// edit; stage moves that land in the history; sorting and column choice checked against the API;
// English chrome on the detail page, the form and the stage dialog.
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import {type TestPage, chooseOption, outputDir, useSuite} from './browser';
import { checkCharacter } from '../../src/projects/investors';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;

interface ApiProject {
  id: number;
  code: string;
  name: string;
  version: number;
  stage: string;
  status: string;
  expected_jobs: number;
  responsible_post: string;
  planned: Record<'sign' | 'start' | 'production' | 'capacity', string | null>;
}

async function api<T>(page: Page, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

// The zone's signed, active projects with a planned signing date, in code order.
async function signedProjects(page: Page): Promise<ApiProject[]> {
  const list = await api<{ items: ApiProject[] }>(page, '/api/v1/projects?stage=signed&status=active&sort=code&page_size=20');
  return list.items.filter((p) => p.planned.sign !== null);
}

const fieldError = (page: Page, id: string) => page.locator(`.el-form-item:has(#${id}) .el-form-item__error`);

// Types a date into an Element Plus date picker and commits it by leaving the field (Enter would
// submit the form).
async function typeDate(page: Page, id: string, date: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await input.press('Tab');
}

// A second tab of the same browser context, held to the same standard as the suite's pages.
function watchTab(tab: Page, expected: number[]): string[] {
  const problems: string[] = [];
  tab.on('console', (m) => {
    const status = Number(/status of (\d{3})/.exec(m.text())?.[1]);
    if (m.type() === 'error' && !expected.includes(status)) problems.push(`console: ${m.text()}`);
  });
  tab.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  tab.on('response', (r) => {
    if (r.status() >= 400 && !expected.includes(r.status())) problems.push(`answer ${r.status()}: ${r.url()}`);
  });
  return problems;
}

describe('project edit', () => {
  it('shows a refused value next to its field, keeps the input, and saves the fixed version', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-edit');
    page.expectStatus(422);
    const [project] = await signedProjects(page);
    if (!project) throw new Error('the demo zone has no signed project');

    await page.goto(`/projects/${project.id}`);
    await page.getByRole('link', { name: '编辑' }).click();
    await page.waitForURL(`**/projects/${project.id}/edit`);
    await page.locator('#pf-expected_jobs').fill('1234');
    // A planned start before the planned signing is a rule the server enforces (docs/api.md).
    await typeDate(page, 'pf-planned-start', '2000-01-01');
    await page.getByRole('button', { name: '保存' }).click();

    await expect.poll(() => fieldError(page, 'pf-planned-start').innerText()).toContain('计划开工日期不能早于计划签约日期');
    await expect.poll(() => page.locator('.form-summary').innerText()).toContain('计划开工日期');
    expect(await page.locator('#pf-planned-start').inputValue()).toBe('2000-01-01');
    expect(await page.locator('#pf-expected_jobs').inputValue()).toBe('1234');
    await page.screenshot({ path: join(outputDir, 'projects-edit-field-error.png') });

    // Starting on the signing day is allowed and earlier than before: no reason needed.
    const fixed = project.planned.sign ?? '';
    await typeDate(page, 'pf-planned-start', fixed);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((u) => u.pathname === `/projects/${project.id}`);

    await page.reload();
    await expect.poll(() => page.locator('.sub .version').innerText()).toBe(`第 ${project.version + 1} 版`);
    await expect.poll(() => page.locator('.timeline .step').nth(1).innerText()).toContain(fixed);
    const saved = await api<ApiProject>(page, `/api/v1/projects/${project.id}`);
    expect(saved.version).toBe(project.version + 1);
    expect(saved.planned.start).toBe(fixed);
    expect(saved.expected_jobs).toBe(1234);
  });

  it('explains a conflict from a second tab and saves the second tab’s edit on top of the first', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-conflict-first');
    const project = (await signedProjects(page))[1];
    if (!project) throw new Error('the demo zone has too few signed projects');
    const second = await page.context().newPage();
    const problems = watchTab(second, [409]);

    await page.goto(`/projects/${project.id}/edit`);
    await second.goto(`/projects/${project.id}/edit`);
    await page.locator('#pf-responsible_post').fill('分管副主任');
    await second.locator('#pf-expected_jobs').fill('4321');

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((u) => u.pathname === `/projects/${project.id}`);

    await second.getByRole('button', { name: '保存' }).click();
    const dialog = second.locator('.conflict-dialog');
    await expect.poll(() => dialog.innerText()).toContain('有人保存了新的版本');
    const rows = await dialog.locator('.conflict-rows tbody tr').allInnerTexts();
    expect(rows.find((r) => r.includes('责任领导职务'))).toContain('采用最新版本');
    expect(rows.find((r) => r.includes('预计就业人数'))).toContain('保留我的修改');
    await second.screenshot({ path: join(outputDir, 'projects-conflict-dialog.png') });

    await dialog.getByRole('button', { name: '保留我的修改并保存' }).click();
    await second.waitForURL((u) => u.pathname === `/projects/${project.id}`);
    await expect.poll(() => second.locator('.sub .version').innerText()).toBe(`第 ${project.version + 2} 版`);

    const saved = await api<ApiProject>(page, `/api/v1/projects/${project.id}`);
    expect(saved.version).toBe(project.version + 2);
    expect(saved.expected_jobs).toBe(4321);
    expect(saved.responsible_post).toBe('分管副主任');
    await second.screenshot({ path: join(outputDir, 'projects-conflict-second-tab.png') });
    expect(problems).toEqual([]);
  });
});

describe('project create', () => {
  it('creates a project with money typed in 亿元 and stores it in exact yuan', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-create');
    await page.goto('/projects');
    await page.getByRole('link', { name: '新建项目' }).click();
    await page.waitForURL('**/projects/new');
    await page.locator('#pf-code').fill('SX2024-9001');
    await page.locator('#pf-name').fill('测试光伏组件项目');
    await chooseOption(page, page.locator('.el-form-item:has(#pf-industry) .el-select'), '新能源');
    await page.locator('#pf-total_investment').fill('1.2345678');
    await chooseOption(
        page, page.locator('.el-form-item:has(#pf-total_investment) .el-input-group__append .el-select'), '亿元');
    await page.locator('#pf-expected_tax').fill('300.5');
    await expect.poll(() => page.locator('#pf-expected_tax').inputValue()).toBe('300.5');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/projects\/\d+$/);

    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const saved = await api<ApiProject & { total_investment: string; expected_tax: string; zone_id: number }>(page, `/api/v1/projects/${id}`);
    expect(saved).toMatchObject({ code: 'SX2024-9001', name: '测试光伏组件项目', total_investment: '123456780', expected_tax: '3005000', zone_id: 1, stage: 'reserve' });
    await expect.poll(() => page.locator('main h2').innerText()).toBe('测试光伏组件项目');
  });
});

describe('stage moves', () => {
  it('moves a project forward with evidence and suspends it with a reason, both in the history', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-stage-move');
    const project = (await signedProjects(page))[2];
    if (!project) throw new Error('the demo zone has too few signed projects');
    await page.goto(`/projects/${project.id}`);

    await page.getByRole('button', { name: '阶段变更' }).click();
    const dialog = page.locator('.stage-move-dialog');
    const moves = await dialog.locator('.moves label').allInnerTexts();
    // From signed and active: three stages ahead, one back, suspend, cancel.
    expect(moves).toEqual(['推进到开工', '推进到投产', '推进到达产', '更正：退回到储备', '停缓建', '终止项目']);
    await dialog.locator('label', { hasText: '推进到开工' }).click();
    const today = await dialog.locator('#move-date').inputValue();
    await dialog.locator('#move-text').fill('开工仪式已举行，施工许可证已核发');
    await dialog.getByRole('button', { name: '确认变更' }).click();
    await expect.poll(() => page.locator('.stage-changes tbody').innerText()).toContain('开工仪式已举行');
    expect(await page.locator('.stage-changes tbody tr').first().innerText()).toContain('签约 → 开工');

    await page.getByRole('button', { name: '阶段变更' }).click();
    await dialog.locator('label', { hasText: '停缓建' }).click();
    await dialog.getByRole('button', { name: '确认变更' }).click();
    await expect.poll(() => dialog.locator('.el-form-item__error').innerText()).toContain('请填写原因');
    await dialog.locator('#move-text').fill('环评整改');
    await page.screenshot({ path: join(outputDir, 'projects-stage-move-dialog.png') });
    await dialog.getByRole('button', { name: '确认变更' }).click();
    await expect.poll(() => page.locator('.stage-changes tbody tr').first().innerText()).toContain('正常 → 暂停');
    expect(await page.locator('.stage-changes tbody tr').first().innerText()).toContain('环评整改');

    const history = await api<{ items: { to_stage: string; to_status: string; date: string; reason: string }[] }>(
      page,
      `/api/v1/projects/${project.id}/history`,
    );
    expect(history.items.slice(-2)).toMatchObject([
      { to_stage: 'started', date: today, reason: '开工仪式已举行，施工许可证已核发' },
      { to_status: 'suspended', reason: '环评整改' },
    ]);
  });
});

describe('project list', () => {
  it('sorts by a column header in the order the API gives', async () => {
    const page = await suite.logInAs('taiyuan', 'projects-sort');
    await page.goto('/projects');
    await page.locator('main .el-table tbody tr').first().waitFor();
    const codes = () => page.locator('main .el-table tbody tr td:first-child').allInnerTexts();
    const header = page.locator('main .el-table th', { hasText: '总投资' });

    await header.click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'total_investment' && u.searchParams.get('order') === 'asc');
    const ascending = await api<{ items: ApiProject[] }>(page, '/api/v1/projects?sort=total_investment&order=asc&page=1&page_size=20');
    await expect.poll(codes).toEqual(ascending.items.map((p) => p.code));

    await header.click();
    await page.waitForURL((u) => u.searchParams.get('order') === 'desc');
    const descending = await api<{ items: ApiProject[] }>(page, '/api/v1/projects?sort=total_investment&order=desc&page=1&page_size=20');
    await expect.poll(codes).toEqual(descending.items.map((p) => p.code));
    expect(descending.items[0]?.code).not.toBe(ascending.items[0]?.code);
  });

  it('shows the columns the user chooses and remembers them', async () => {
    const page = await suite.logInAs('taiyuan', 'projects-columns');
    await page.goto('/projects?sort=code&order=asc');
    await page.locator('main .el-table tbody tr').first().waitFor();
    const headers = () => page.locator('main .el-table thead th').allInnerTexts();
    expect(await headers()).toContain('产业');
    expect(await headers()).not.toContain('计划开工');

    await page.getByRole('button', { name: '显示列' }).click();
    await page.locator('.column-choice label', { hasText: '计划开工' }).click();
    await page.locator('.column-choice label', { hasText: '产业' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(headers).toContain('计划开工');
    expect(await headers()).not.toContain('产业');

    await page.reload();
    await page.locator('main .el-table tbody tr').first().waitFor();
    await expect.poll(headers).toContain('计划开工');
    expect(await headers()).not.toContain('产业');
    const column = (await headers()).findIndex((h) => h.includes('计划开工'));
    const shown = await page.locator(`main .el-table tbody tr td:nth-child(${column + 1})`).allInnerTexts();
    const listed = await api<{ items: ApiProject[] }>(page, '/api/v1/projects?sort=code&order=asc&page=1&page_size=20');
    expect(shown).toEqual(listed.items.map((p) => p.planned.start ?? ''));
  });

  it('opens a project from its row', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-open');
    await page.goto('/projects?sort=code&order=asc');
    const row = page.locator('main .el-table tbody tr').first();
    const name = await row.locator('.name-link').innerText();
    await row.locator('td').first().click();
    await page.waitForURL(/\/projects\/\d+$/);
    await expect.poll(() => page.locator('main h2').innerText()).toBe(name);
    await expect.poll(() => page.getByRole('link', { name: '新建项目' }).count()).toBe(0);
  });
});

describe('project detail', () => {
  it('reports a project of another zone exactly like one that does not exist', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-not-found');
    page.expectStatus(404);
    const own = await api<{ items: ApiProject[] }>(page, '/api/v1/projects?page_size=500');
    const ids = new Set(own.items.map((p) => p.id));
    let other = 1;
    while (ids.has(other)) other += 1;

    await page.goto(`/projects/${other}`);
    await expect.poll(() => page.locator('main .el-result').innerText()).toContain('项目不存在');
    await page.goto(`/projects/${other}/edit`);
    await expect.poll(() => page.locator('main .el-result').innerText()).toContain('不在您的管辖范围内');
  });

  it('shows the saved figures in 亿元 and 万元 exactly as the API holds them', async () => {
    const page = await suite.logInAs('taiyuan', 'projects-detail-city');
    const [project] = (await api<{ items: (ApiProject & { total_investment: string; annual_planned_investment: string })[] }>(
      page,
      '/api/v1/projects?sort=code&page_size=1',
    )).items;
    if (!project) throw new Error('the city has no project');
    await page.goto(`/projects/${project.id}`);
    const cell = (label: string) => page.locator('.el-descriptions__cell.el-descriptions__label', { hasText: label }).locator('xpath=following-sibling::td[1]');
    // Rounded half up to two decimals, in 亿元 from one 亿 up, else in 万元.
    const shown = (yuan: string): string => {
      const [unit, name] = BigInt(yuan) >= 100_000_000n ? [100_000_000n, '亿元'] : [10_000n, '万元'];
      const hundredths = (BigInt(yuan) * 100n * 2n + unit) / (unit * 2n);
      const whole = (hundredths / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return `${whole}.${(hundredths % 100n).toString().padStart(2, '0')} ${name}`;
    };
    await expect.poll(() => cell('总投资').innerText()).toBe(shown(project.total_investment));
    expect(await cell('年度计划投资').innerText()).toBe(shown(project.annual_planned_investment));
    // A city reviewer reads, and may not write.
    expect(await page.getByRole('link', { name: '编辑' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '阶段变更' }).count()).toBe(0);
    await page.getByRole('tab', { name: '审计记录' }).click();
    await expect.poll(() => page.locator('.audit-table tbody').innerText()).toContain('新建项目');
  });
});

// The words of the page that are not data: headings, labels, buttons, table headers, tabs.
async function chromeText(page: TestPage): Promise<string> {
  const texts = await page
    .locator(
      'main h3, main h4, main label, main th, main button, main .el-card__header, main .el-descriptions__label, ' +
        'main .el-tabs__item, main .title-row, main .timeline dt, main .timeline .el-tag, main .actions a, main .back, main .sub .version, ' +
        '.el-dialog__title, .el-dialog label, .el-dialog button, .el-dialog .current',
    )
    .allInnerTexts();
  return texts.join('\n');
}

describe('investors', () => {
  it('registers a new enterprise by its credit code, links it and saves it with the project', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-investor');
    const project = (await signedProjects(page))[4];
    if (!project) throw new Error('the demo zone has too few signed projects');
    const before = await api<{ investor_ids: number[]; investors: string[] }>(page, `/api/v1/projects/${project.id}`);
    // A code of our own: 17 characters and the GB 32100 check character, unknown to the demo.
    const code = '91140100MA0E2E001' + checkCharacter('91140100MA0E2E001');
    const name = '山西端到端测试新材料（集团）有限公司';

    await page.goto(`/projects/${project.id}/edit`);
    const codeInput = page.locator('#pf-investor_code');
    await codeInput.fill(code.slice(0, 17) + (code.endsWith('0') ? '1' : '0'));
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.locator('.investor-adder .error').innerText()).toContain('校验码');

    await codeInput.fill(code.toLowerCase());
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.locator('.investor-adder').innerText()).toContain(`尚无统一社会信用代码为 ${code} 的企业`);
    await page.locator('#pf-investor_code-name').fill(name);
    await page.screenshot({ path: join(outputDir, 'projects-investor-register.png') });
    await page.getByRole('button', { name: '登记并关联' }).click();
    await expect.poll(() => page.locator('.investors .el-tag').allInnerTexts()).toContain(name);
    await page.screenshot({ path: join(outputDir, 'projects-investor-linked.png') });

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((u) => u.pathname === `/projects/${project.id}`);
    const registered = await api<{ items: { id: number; name: string; credit_code: string }[] }>(
      page, `/api/v1/enterprises?credit_code=${code}`);
    expect(registered.items.map((e) => [e.name, e.credit_code])).toEqual([[name, code]]);
    const saved = await api<{ investor_ids: number[]; investors: string[] }>(page, `/api/v1/projects/${project.id}`);
    expect(saved.investor_ids).toEqual([...before.investor_ids, registered.items[0]?.id]);
    expect(saved.investors).toEqual([...before.investors, name]);

    // The same control in English, looking up a code nobody registered.
    const english = await suite.logInAs('taiyuan-zgq', 'projects-investor-en', { language: 'en' });
    await english.goto(`/projects/${project.id}/edit`);
    await english.locator('#pf-investor_code').fill('91140100MA0E2E002' + checkCharacter('91140100MA0E2E002'));
    await english.getByRole('button', { name: 'Look up', exact: true }).click();
    await expect.poll(() => english.locator('.investor-adder').innerText()).toContain('No enterprise is registered under');
    expect(await english.locator('.investors .el-tag').allInnerTexts()).toContain(name);
    await english.locator('.investors').scrollIntoViewIfNeeded();
    await english.screenshot({ path: join(outputDir, 'projects-investor-english.png') });
  });
});

describe('English', () => {
  it('leaves no Chinese in the chrome of the detail page, the form and the stage dialog', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'projects-english', { language: 'en' });
    const [project] = await signedProjects(page);
    if (!project) throw new Error('the demo zone has no signed project');

    await page.goto('/projects');
    await page.locator('main .el-table tbody tr').first().waitFor();
    let text = await chromeText(page);
    expect(text).toContain('New project');
    expect(text).toContain('Columns');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);

    await page.goto(`/projects/${project.id}`);
    await page.locator('.timeline').waitFor();
    text = await chromeText(page);
    expect(text).toContain('Milestones');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);

    await page.getByRole('button', { name: 'Change stage' }).click();
    await page.locator('.stage-move-dialog .moves').waitFor();
    text = await chromeText(page);
    expect(text).toContain('Forward to Started');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);
    await page.screenshot({ path: join(outputDir, 'projects-english-stage-dialog.png') });
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.locator('#pf-planned-start').waitFor();
    text = await chromeText(page);
    expect(text).toContain('Planned start');
    expect(text.match(new RegExp(chinese, 'g')) ?? [], text).toEqual([]);
  });
});
