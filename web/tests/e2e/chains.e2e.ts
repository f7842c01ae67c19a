// The industry chain pages end to end: the province opens 产业链, sees the demo's chains with their
// gaps, opens one, chooses a city, sees the tree (canvas) with its legend, clicks a node through
// the API's figures, reads the target list and a node's known suppliers; deletes a chain of its
// own making through the page; then one check in English.
import { describe, expect, it } from 'vitest';

import { type TestPage, useSuite } from './browser';

const suite = useSuite();
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

interface ChainSummary {
  id: number;
  name: string;
  coverage: { gap_leaves: number; leaves: number; projects: number };
}
interface ChainTree {
  name: string;
  nodes: { id: number; name: string; gap: boolean; projects: number }[];
}
interface NodeItems {
  projects: { id: number; name: string }[];
  suppliers: { id: number; name: string; region: { name: string } }[];
}
interface Targets {
  items: { node: { id: number }; known_suppliers: number; suppliers: { name: string }[] }[];
}

async function json<T>(page: TestPage, path: string): Promise<T> {
  const answer = await page.request.get(path);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

describe('industry chains', () => {
  it('the province sees the chains with gaps, a chain as a tree for Taiyuan, its targets and a node’s projects', async () => {
    const page = await suite.logInAs('province', 'chains-province', { width: 1366, height: 900 });
    await page.getByRole('link', { name: '产业链' }).first().click();
    await page.waitForURL(/\/chains$/);
    const list = await json<{ items: ChainSummary[] }>(page, '/api/v1/chains?region=140100');
    expect(list.items.length).toBeGreaterThanOrEqual(5);
    await eventually(() => page.locator('.chain-table tbody tr').count()).toBe(list.items.length);

    await page.goto('/chains?city=140100');
    // The chain with the most projects in Taiyuan, so a node of it has some.
    const first = list.items.reduce((a, b) => (b.coverage.projects > a.coverage.projects ? b : a));
    const row = page.locator('.chain-table tbody tr', { has: page.getByRole('link', { name: first.name, exact: true }) });
    await eventually(() => row.locator('.gaps').innerText()).toBe(String(first.coverage.gap_leaves));
    await page.getByRole('link', { name: first.name, exact: true }).click();
    await page.waitForURL(new RegExp(`/chains/${first.id}\\?city=140100`));
    await eventually(() => page.locator('.chain-page h2').innerText()).toBe(first.name);
    await eventually(() => page.locator('.area-name').innerText()).toBe('太原市');
    await expect.poll(() => page.locator('.chain-tree-chart canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await eventually(() => page.locator('.legend').innerText()).toContain('缺链');
    await eventually(() => page.locator('.summary').innerText()).toContain(`缺链 ${first.coverage.gap_leaves} 个`);
    await eventually(() => page.locator('.targets h3').innerText()).toBe('招商目标清单');

    // A node's projects link to their pages (the chart is a canvas: the same panel, asked through the API).
    const tree = await json<ChainTree>(page, `/api/v1/chains/${first.id}?region=140100`);
    const covered = tree.nodes.find((n) => n.projects > 0);
    expect(covered).toBeDefined();
    const items = await json<NodeItems>(page, `/api/v1/chains/${first.id}/nodes/${covered!.id}?region=140100`);
    expect(items.projects.length).toBe(covered!.projects);
    // The node in the address opens its panel, and the tree narrows beside it rather than running under it.
    await page.goto(`/chains/${first.id}?city=140100&node=${covered!.id}`);
    await eventually(() => page.locator('.node-items .project-list li').count()).toBe(covered!.projects);
    expect(await page.locator('.node-items h4').allInnerTexts()).toContain(`项目数（${covered!.projects}）`);
    await expect
      .poll(async () => {
        const canvas = await page.locator('.chain-tree-chart canvas').first().boundingBox();
        const panel = await page.locator('.node-items').boundingBox();
        return canvas && panel ? canvas.x + canvas.width <= panel.x : false;
      }, { timeout: 10_000 })
      .toBe(true);
    await page.locator('.back').click();
    await page.waitForURL(/\/chains\?city=140100$/);

    // The demo records suppliers outside the province at the leaves the province lacks: the
    // province's target list names them, and the node's panel lists them.
    let chainId = 0;
    let withSuppliers: Targets['items'][number] | undefined;
    for (const c of list.items) {
      const targets = await json<Targets>(page, `/api/v1/chains/${c.id}/targets?region=140000`);
      withSuppliers = targets.items.find((i) => i.known_suppliers > 0);
      chainId = c.id;
      if (withSuppliers) break;
    }
    expect(withSuppliers).toBeDefined();
    const supplied = await json<NodeItems>(page, `/api/v1/chains/${chainId}/nodes/${withSuppliers!.node.id}`);
    expect(supplied.suppliers.map((s) => s.name)).toEqual(expect.arrayContaining(withSuppliers!.suppliers.map((s) => s.name)));
    await page.goto(`/chains/${chainId}`);
    await eventually(() => page.locator('.target-table').innerText()).toContain(withSuppliers!.suppliers[0]!.name);
    await eventually(() => page.locator('.target-table').innerText()).toContain('区外已知供应商');
  });

  it('the province deletes a chain nothing maps to from its page', async () => {
    const page = await suite.logInAs('province', 'chains-delete', { width: 1366, height: 768 });
    await page.goto('/chains');
    const csrf = (await json<{ csrf_token: string }>(page, '/api/v1/session')).csrf_token;
    const name = `删除测试链${Date.now()}`;
    const made = await page.request.post('/api/v1/chains', {
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      data: { name, industry: 'new_energy', leader_post: '副省长 测试' },
    });
    expect(made.status()).toBe(201);
    const chain = (await made.json()) as { id: number };
    await page.goto(`/chains/${chain.id}`);
    await eventually(() => page.locator('.chain-page h2').innerText()).toBe(name);
    await page.locator('.delete-chain').click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.waitForURL(/\/chains(\?.*)?$/);
    page.expectStatus(404);
    expect((await page.request.get(`/api/v1/chains/${chain.id}`)).status()).toBe(404);
  });

  it('shows the chain page in English on request', async () => {
    const page = await suite.logInAs('province', 'chains-en', { language: 'en' });
    const list = await json<{ items: ChainSummary[] }>(page, '/api/v1/chains');
    await page.goto(`/chains/${list.items[0]!.id}?city=140200`);
    await eventually(() => page.locator('.targets h3').innerText()).toBe('Investment promotion targets');
    await eventually(() => page.locator('.legend').innerText()).toContain('Gap');
    await eventually(() => page.locator('.delete-chain').innerText()).toBe('Delete chain');
    await eventually(() => page.locator('.target-table').innerText()).toContain('Known suppliers outside');
    // A node's panel counts its rows in English punctuation.
    const tree = await json<ChainTree>(page, `/api/v1/chains/${list.items[0]!.id}`);
    const node = tree.nodes.reduce((a, b) => (b.projects > a.projects ? b : a));
    await page.goto(`/chains/${list.items[0]!.id}?node=${node.id}`);
    await eventually(() => page.locator('.node-items h4').allInnerTexts()).toContain(`Projects (${node.projects})`);
  });
});
