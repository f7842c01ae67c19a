// The notice board end to end, in Chinese: the supervisor issues a notice from a project's page,
// the zone responds on the board, the city comments, the supervisor closes it, each in their own
// browser; the history shows every step. Then a zone reads the board in English.
import { describe, expect, it } from 'vitest';

import { type TestPage, useSuite } from './browser';

const suite = useSuite();
const chinese = /[\u4e00-\u9fff]/;
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

interface Notice {
  id: number;
  problem: string;
  status: string;
  level: string;
  history: { step: string; text: string | null }[];
}

async function json<T>(page: TestPage, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

// Opens the notice on the board and takes the step with these words.
async function step(page: TestPage, id: number, action: string, words: string, status: string): Promise<void> {
  await page.goto(`/notices?notice=${id}`);
  const drawer = page.locator('.notice-drawer');
  await eventually(() => drawer.locator('.notice-problem-text').count()).toBe(1);
  await drawer.locator(`[data-action="${action}"]`).click();
  await drawer.locator('.step-words textarea').fill(words);
  await drawer.locator('.step-submit').click();
  await eventually(() => drawer.locator('.notice-status').getAttribute('data-status')).toBe(status);
  await eventually(() => drawer.locator('.notice-history').innerText()).toContain(words);
}

describe('notice board', () => {
  it('a supervisor issues a notice, the zone responds, the city comments, the supervisor closes it', async () => {
    const supervisor = await suite.logInAs('supervisor', 'notices-supervisor');
    await supervisor.getByRole('link', { name: '督办', exact: true }).first().click();
    await supervisor.waitForURL(/\/notices/);
    await eventually(() => supervisor.locator('.notices h2').innerText()).toBe('督办单');

    const zones = await json<{ items: { id: number; code: string }[] }>(supervisor, '/api/v1/zones');
    const zgq = zones.items.find((z) => z.code === 'taiyuan-zgq')!;
    const projects = await json<{ items: { id: number; name: string }[] }>(supervisor, `/api/v1/projects?zone=${zgq.id}&page_size=1`);
    const project = projects.items[0]!;
    await supervisor.goto(`/projects/${project.id}`);
    await supervisor.locator('.issue-on-project').click();
    const dialog = supervisor.locator('.issue-notice');
    const problem = '端到端测试：项目月报连续两个月未报送';
    await dialog.locator('.notice-problem textarea').fill(problem);
    await dialog.locator('.notice-action textarea').fill('请开发区说明原因并补报月报');
    await dialog.locator('.issue-submit').click();
    await eventually(() => supervisor.locator('.project-notices').innerText()).toContain(problem);

    const list = await json<{ items: Notice[] }>(supervisor, `/api/v1/notices?project=${project.id}&page_size=100`);
    const issued = list.items.find((n) => n.problem === problem)!;
    expect(issued.status).toBe('issued');
    expect(issued.level).toBe('province');

    const zone = await suite.logInAs('taiyuan-zgq', 'notices-zone');
    await zone.goto(`/notices?project=${project.id}`);
    await eventually(() => zone.locator(`.notice-table [data-notice="${issued.id}"]`).count()).toBe(1);
    await step(zone, issued.id, 'respond', '已督促企业补报两个月月报', 'responded');

    const city = await suite.logInAs('taiyuan', 'notices-city');
    await step(city, issued.id, 'comment', '市级已核实，请持续跟踪', 'responded');

    await step(supervisor, issued.id, 'close', '整改到位，予以办结', 'closed');
    const done = await json<Notice>(supervisor, `/api/v1/notices/${issued.id}`);
    expect(done.status).toBe('closed');
    expect(done.history.map((h) => h.step)).toEqual(['issue', 'respond', 'comment', 'close']);
    await eventually(() => supervisor.locator('.notice-drawer [data-step="comment"]').innerText()).toContain('taiyuan');
    await eventually(() => supervisor.locator('.notice-drawer .notice-history').innerText()).toMatch(chinese);
  });

  it('a zone reads the board in English, with the counts and the dashboard card', async () => {
    const page = await suite.logInAs('taiyuan-zgq', 'notices-zone-en', { language: 'en' });
    await eventually(() => page.locator('.notice-counts').innerText()).toContain('Supervision notices');
    await page.goto('/notices');
    await eventually(() => page.locator('.notices h2').innerText()).toBe('Supervision notices');
    const api = await json<{ total: number; counts: { overdue: number } }>(page, '/api/v1/notices?page_size=20');
    expect(api.total).toBeGreaterThan(0);
    await eventually(() => page.locator('.count-overdue').innerText()).toBe(`Overdue ${api.counts.overdue}`);
    const statuses = await page.locator('.notice-table [data-status]').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(['Issued', 'Responded', 'Closed']).toContain(s.trim());
  });
});
