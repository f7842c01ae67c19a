import { describe, expect, it } from 'vitest';

import { lastCompleteQuarter, parsePeriod, periodText, quarterOf, rankChangeText } from '@/rankings/periods';

describe('ranking periods', () => {
  it('reads and writes years and quarters as the API spells them', () => {
    expect(parsePeriod('2022Q2')).toEqual({ year: 2022, quarter: 2 });
    expect(parsePeriod('2022')).toEqual({ year: 2022, quarter: 0 });
    for (const bad of ['', '2022Q5', '22', '2022-2', '2022Q']) expect(parsePeriod(bad)).toBeNull();
    expect(periodText({ year: 2022, quarter: 0 })).toBe('2022');
    expect(periodText({ year: 2022, quarter: 4 })).toBe('2022Q4');
  });

  it('finds the quarter of a day and the last quarter ended', () => {
    expect(quarterOf('2022-06-30')).toEqual({ year: 2022, quarter: 2 });
    expect(quarterOf('2022-07-01')).toEqual({ year: 2022, quarter: 3 });
    expect(lastCompleteQuarter('2022-02-10')).toEqual({ year: 2021, quarter: 4 });
    expect(lastCompleteQuarter('2022-12-31')).toEqual({ year: 2022, quarter: 3 });
    expect(quarterOf('June')).toBeNull();
  });

  it('shows a change of rank with its direction', () => {
    expect(rankChangeText(3)).toBe('↑3');
    expect(rankChangeText(-2)).toBe('↓2');
    expect(rankChangeText(0)).toBe('–');
    expect(rankChangeText(null)).toBe('');
  });
});
