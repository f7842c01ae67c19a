// The chain's node list (parent ids, tree order) as the nested data of an ECharts tree series: one
// root named after the chain, a branch per segment that has nodes, then the nodes; gap nodes
// coloured apart from covered ones. Pure, so it is tested without a browser.
import type { ChainNode, Segment } from '@/api/chains';

export const gapColour = '#f56c6c';
export const coveredColour = '#67c23a';
export const segmentColour = '#909399';

export interface TreeDatum {
  name: string;
  id?: number; // a chain node's id; none for the chain and the segments
  gap?: boolean;
  value?: number; // enterprises + projects
  itemStyle: { color: string; borderColor: string };
  label?: { color: string };
  children: TreeDatum[];
}

export function buildChainTree(chainName: string, nodes: ChainNode[], segmentLabel: (s: Segment) => string): TreeDatum {
  const byId = new Map<number, TreeDatum>();
  for (const n of nodes) {
    const colour = n.gap ? gapColour : coveredColour;
    byId.set(n.id, {
      name: n.name,
      id: n.id,
      gap: n.gap,
      value: n.enterprises + n.projects,
      itemStyle: { color: colour, borderColor: colour },
      label: n.gap ? { color: gapColour } : undefined,
      children: [],
    });
  }
  const segmentBranches = new Map<Segment, TreeDatum>();
  const root: TreeDatum = { name: chainName, itemStyle: { color: segmentColour, borderColor: segmentColour }, children: [] };
  for (const n of nodes) {
    const datum = byId.get(n.id)!;
    const parent = n.parent_id === null ? undefined : byId.get(n.parent_id);
    if (parent) {
      parent.children.push(datum);
      continue;
    }
    let branch = segmentBranches.get(n.segment);
    if (!branch) {
      branch = { name: segmentLabel(n.segment), itemStyle: { color: segmentColour, borderColor: segmentColour }, children: [] };
      segmentBranches.set(n.segment, branch);
    }
    branch.children.push(datum);
  }
  for (const s of ['upstream', 'midstream', 'downstream'] as Segment[]) {
    const branch = segmentBranches.get(s);
    if (branch) root.children.push(branch);
  }
  return root;
}

// How many leaves the drawn tree has: the chart's height follows it.
export function leafCount(datum: TreeDatum): number {
  return datum.children.length === 0 ? 1 : datum.children.reduce((n, c) => n + leafCount(c), 0);
}

// "12.5" 亿元 from exact yuan, for display.
export function yiText(yuan: string): string {
  const n = Number(yuan) / 1e8;
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : yuan;
}
