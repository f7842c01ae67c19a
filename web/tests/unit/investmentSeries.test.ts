import { describe, expect, it } from 'vitest';

import { chartMonths, cumulativeSeries, fenToYuan, planSeries } from '../../src/reports/investmentSeries';

const report = (month: string, official: string, all: string) => ({
  month,
  cumulative: {
    through: month,
    official: { investment_completed: official, capital_arrived: '0' },
    including_unapproved: { investment_completed: all, capital_arrived: '0' },
  },
});

describe('the chart of cumulative investment against plan', () => {
  it('runs from the signing month to the latest report', () => {
    expect(chartMonths([{ month: '2022-09' }, { month: '2022-07' }], '2022-06')).toEqual(['2022-06', '2022-07', '2022-08', '2022-09']);
    expect(chartMonths([{ month: '2022-07' }], null)).toEqual(['2022-07']);
    expect(chartMonths([], '2022-06')).toEqual(['2022-06']);
    expect(chartMonths([], null)).toEqual([]);
  });

  it('carries each basis forward over months without a report, from zero', () => {
    const reports = [report('2022-08', '300', '500'), report('2022-07', '100', '100')];
    const months = ['2022-06', '2022-07', '2022-08', '2022-09'];
    expect(cumulativeSeries(reports, months, 'official')).toEqual(['0', '100', '300', '300']);
    expect(cumulativeSeries(reports, months, 'including_unapproved')).toEqual(['0', '100', '500', '500']);
  });

  it('spreads the annual plan over twelve months, to the fen, capped at the total', () => {
    const months = ['2022-06', '2022-07', '2022-08'];
    expect(planSeries(months, '1200000', '100000000')).toEqual(['100000', '200000', '300000']);
    // 1000 yuan a year is 83.33 a month (rounded down to the fen, never above the plan).
    expect(planSeries(months, '1000', '100000000')).toEqual(['83.33', '166.66', '250']);
    expect(planSeries(months, '1200000', '250000')).toEqual(['100000', '200000', '250000']);
    expect(planSeries(months, '0', '250000')).toEqual([]);
    expect(planSeries(months, null, '250000')).toEqual([]);
    expect(planSeries([], '1200000', '250000')).toEqual([]);
  });

  it('writes fen as yuan strings', () => {
    expect(fenToYuan(0n)).toBe('0');
    expect(fenToYuan(1n)).toBe('0.01');
    expect(fenToYuan(150n)).toBe('1.5');
    expect(fenToYuan(123456789012345678n)).toBe('1234567890123456.78');
  });
});
