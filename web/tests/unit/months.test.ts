import { describe, expect, it } from 'vitest';

import { addMonths, chinaMonth, chinaToday, daysBetween, hasEnded, isMonth, monthsBetween, owedMonth } from '../../src/format/months';

describe('months', () => {
  it('reads only YYYY-MM', () => {
    expect(isMonth('2022-07')).toBe(true);
    for (const bad of ['2022-7', '2022-13', '2022-00', '202207', '2022-07-01', ' 2022-07']) expect(isMonth(bad), bad).toBe(false);
  });

  it('adds months across years, both ways', () => {
    expect(addMonths('2022-11', 1)).toBe('2022-12');
    expect(addMonths('2022-12', 1)).toBe('2023-01');
    expect(addMonths('2023-01', -1)).toBe('2022-12');
    expect(addMonths('2022-07', -19)).toBe('2020-12');
    expect(addMonths('2022-07', 30)).toBe('2025-01');
    expect(addMonths('2022-07', 0)).toBe('2022-07');
  });

  it('lists the months between two, both included', () => {
    expect(monthsBetween('2022-11', '2023-02')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(monthsBetween('2022-11', '2022-11')).toEqual(['2022-11']);
    expect(monthsBetween('2022-12', '2022-11')).toEqual([]);
  });

  it('takes the day and month in China (UTC+8), not the browser zone', () => {
    // 2022-07-31 16:30 UTC is already 1 August in China.
    const now = new Date(Date.UTC(2022, 6, 31, 16, 30));
    expect(chinaToday(now)).toBe('2022-08-01');
    expect(chinaMonth(now)).toBe('2022-08');
    expect(chinaToday(new Date(Date.UTC(2022, 6, 31, 15, 59)))).toBe('2022-07-31');
  });

  it('owes reports for the month that ended last, in China time', () => {
    expect(owedMonth(new Date(Date.UTC(2022, 7, 15)))).toBe('2022-07');
    // New Year's Day in China while it is still 31 December in UTC: December is owed.
    expect(owedMonth(new Date(Date.UTC(2022, 11, 31, 17, 0)))).toBe('2022-12');
    expect(owedMonth(new Date(Date.UTC(2022, 11, 31, 15, 0)))).toBe('2022-11');
  });

  it('knows a month has ended only after its last day in China', () => {
    const lastDayOfJuly = new Date(Date.UTC(2022, 6, 31, 12, 0)); // 20:00 on 31 July in China
    expect(hasEnded('2022-07', lastDayOfJuly)).toBe(false);
    expect(hasEnded('2022-06', lastDayOfJuly)).toBe(true);
    expect(hasEnded('2022-07', new Date(Date.UTC(2022, 6, 31, 16, 0)))).toBe(true);
    expect(hasEnded('not-a-month', lastDayOfJuly)).toBe(false);
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2022-09-30', '2022-10-01')).toBe(1);
    expect(daysBetween('2022-10-01', '2022-09-30')).toBe(-1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // a leap year
    expect(daysBetween('2022-01-01', '2022-01-01')).toBe(0);
  });
});
