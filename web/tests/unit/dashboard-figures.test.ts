import { describe, expect, it } from 'vitest';

import { compareYuan, funnelSegments, sumYuan, yiForDrawing } from '../../src/components/dashboard/figures';

describe('funnel segments', () => {
  it('follows the stages from 储备 to 达产 whatever order the answer has, a missing stage zero', () => {
    const segments = funnelSegments(
      [
        { stage: 'producing', projects: 189, total_investment: '280393350000' },
        { stage: 'reserve', projects: 70, total_investment: '87582680000' },
        { stage: 'signed', projects: 361, total_investment: '521588860000.5' },
        { stage: 'at_capacity', projects: 40, total_investment: '45157510000' },
      ],
      (s) => `name:${s}`,
    );
    expect(segments.map((s) => [s.stage, s.value, s.investment, s.name])).toEqual([
      ['reserve', 70, '87582680000', 'name:reserve'],
      ['signed', 361, '521588860000.5', 'name:signed'],
      ['started', 0, '0', 'name:started'],
      ['producing', 189, '280393350000', 'name:producing'],
      ['at_capacity', 40, '45157510000', 'name:at_capacity'],
    ]);
  });
});

describe('money for charts and sums', () => {
  it('gives 亿元 numbers for drawing', () => {
    expect(yiForDrawing('1422073800000')).toBeCloseTo(14220.738);
    expect(yiForDrawing('not money')).toBe(0);
  });

  it('adds amounts of yuan exactly, fen included', () => {
    expect(sumYuan(['476798600000', '439176450000', '280393350000'])).toBe('1196368400000');
    expect(sumYuan(['0.1', '0.2'])).toBe('0.30');
    expect(sumYuan(['9007199254740993', '1'])).toBe('9007199254740994'); // beyond a double's integers
    expect(sumYuan([])).toBe('0');
    expect(() => sumYuan(['12亿元'])).toThrow();
  });

  it('orders amounts exactly', () => {
    expect(compareYuan('100.5', '100.49')).toBe(1);
    expect(compareYuan('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareYuan('7', '7.00')).toBe(0);
    expect(compareYuan('2', '10')).toBe(-1);
  });
});
