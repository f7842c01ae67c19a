import { describe, expect, it } from 'vitest';

import type { ChainNode } from '@/api/chains';
import { areaOf } from '@/chains/area';
import { buildChainTree, coveredColour, gapColour, leafCount, yiText } from '@/chains/tree';

function node(id: number, parent: number | null, name: string, segment: ChainNode['segment'], gap: boolean): ChainNode {
  return { id, chain_id: 1, parent_id: parent, name, segment, order: 0, enterprises: gap ? 0 : 1, projects: gap ? 0 : 2, investment: '0', gap };
}

const labels = { upstream: '上游', midstream: '中游', downstream: '下游' } as const;

describe('buildChainTree', () => {
  it('nests nodes under their parents, roots under their segment, segments in chain order', () => {
    const nodes = [
      node(1, null, '材料', 'upstream', false),
      node(2, 1, '正极', 'upstream', false),
      node(3, 1, '负极', 'upstream', true),
      node(5, null, '整车', 'downstream', true),
      node(4, null, '电池', 'midstream', true),
    ];
    const tree = buildChainTree('新能源汽车', nodes, (s) => labels[s]);
    expect(tree.name).toBe('新能源汽车');
    expect(tree.children.map((c) => c.name)).toEqual(['上游', '中游', '下游']);
    const materials = tree.children[0]!.children[0]!;
    expect(materials.name).toBe('材料');
    expect(materials.id).toBe(1);
    expect(materials.children.map((c) => c.name)).toEqual(['正极', '负极']);
    expect(materials.value).toBe(3);
    expect(leafCount(tree)).toBe(4);
  });

  it('colours gaps apart from covered nodes', () => {
    const tree = buildChainTree('链', [node(1, null, 'a', 'upstream', true), node(2, null, 'b', 'upstream', false)], (s) => labels[s]);
    const [a, b] = tree.children[0]!.children;
    expect(a!.gap).toBe(true);
    expect(a!.itemStyle.color).toBe(gapColour);
    expect(a!.label?.color).toBe(gapColour);
    expect(b!.itemStyle.color).toBe(coveredColour);
    expect(b!.label).toBeUndefined();
  });

  it('leaves out segments without nodes and keeps an empty chain drawable', () => {
    const tree = buildChainTree('空链', [], (s) => labels[s]);
    expect(tree.children).toEqual([]);
    expect(leafCount(tree)).toBe(1);
  });
});

describe('chain areas and money', () => {
  it('prefers the zone, then the city, else the whole scope', () => {
    expect(areaOf('140100', '7')).toEqual({ zone: 7 });
    expect(areaOf('140100', '')).toEqual({ region: '140100' });
    expect(areaOf('', 'x')).toEqual({});
    expect(areaOf('14', '')).toEqual({});
  });
  it('shows 亿元 from exact yuan', () => {
    expect(yiText('250000000')).toBe('2.5');
    expect(yiText('0')).toBe('0');
  });
});
