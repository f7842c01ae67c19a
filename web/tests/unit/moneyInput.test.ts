import { describe, expect, it } from 'vitest';

import { canonicalYuan, fromYuan, toYuan } from '../../src/format/moneyInput';

describe('toYuan', () => {
  it('moves the decimal point of 万元 and 亿元 exactly', () => {
    expect(toYuan('17607', 'wan')).toEqual({ yuan: '176070000' });
    expect(toYuan('6866.73', 'wan')).toEqual({ yuan: '68667300' });
    expect(toYuan('1.25', 'yi')).toEqual({ yuan: '125000000' });
    expect(toYuan('0.00000001', 'yi')).toEqual({ yuan: '1' });
    expect(toYuan('120.00005', 'wan')).toEqual({ yuan: '1200000.5' });
    expect(toYuan('0.000001', 'yi')).toEqual({ yuan: '100' });
    expect(toYuan('0', 'wan')).toEqual({ yuan: '0' });
    expect(toYuan('.5', 'wan')).toEqual({ yuan: '5000' });
  });

  it('keeps figures a float would round', () => {
    // 0.1 + 0.2 territory and beyond 2^53 yuan.
    expect(toYuan('0.3', 'wan')).toEqual({ yuan: '3000' });
    expect(toYuan('123456789012.3456', 'yi')).toEqual({ yuan: '12345678901234560000' });
    expect(toYuan('9007199254740993', 'wan')).toEqual({ yuan: '90071992547409930000' });
  });

  it('reads separators, spaces and full-width digits', () => {
    expect(toYuan('1,234.5', 'wan')).toEqual({ yuan: '12345000' });
    expect(toYuan(' 12 000 ', 'wan')).toEqual({ yuan: '120000000' });
    expect(toYuan('１２．５', 'yi')).toEqual({ yuan: '1250000000' });
    expect(toYuan('0012', 'wan')).toEqual({ yuan: '120000' });
  });

  it('refuses what is not an amount, and amounts finer than a fen', () => {
    expect(toYuan('', 'wan')).toEqual({ error: 'invalid' });
    expect(toYuan('.', 'wan')).toEqual({ error: 'invalid' });
    expect(toYuan('12a', 'wan')).toEqual({ error: 'invalid' });
    expect(toYuan('-5', 'wan')).toEqual({ error: 'invalid' });
    expect(toYuan('1.2.3', 'wan')).toEqual({ error: 'invalid' });
    expect(toYuan('1e3', 'wan')).toEqual({ error: 'invalid' });
    expect(toYuan('0.000001', 'wan')).toEqual({ yuan: '0.01' });
    expect(toYuan('0.0000001', 'wan')).toEqual({ error: 'precision' });
    expect(toYuan('0.0000000001', 'yi')).toEqual({ yuan: '0.01' });
    expect(toYuan('0.00000000001', 'yi')).toEqual({ error: 'precision' });
    expect(toYuan('0.00000100', 'wan')).toEqual({ yuan: '0.01' });
    expect(toYuan('0.0000100', 'wan')).toEqual({ yuan: '0.1' });
  });
});

describe('fromYuan', () => {
  it('shows yuan in the unit without rounding or trailing zeros', () => {
    expect(fromYuan('176070000', 'wan')).toBe('17607');
    expect(fromYuan('176070000', 'yi')).toBe('1.7607');
    expect(fromYuan('1200000.5', 'wan')).toBe('120.00005');
    expect(fromYuan('1', 'yi')).toBe('0.00000001');
    expect(fromYuan('0', 'wan')).toBe('0');
    expect(fromYuan('68667300', 'wan')).toBe('6866.73');
  });

  it('round-trips with toYuan', () => {
    for (const yuan of ['0', '1', '0.01', '99.99', '176070000', '1200000.5', '12345678901234567890.12']) {
      for (const unit of ['wan', 'yi'] as const) expect(toYuan(fromYuan(yuan, unit), unit)).toEqual({ yuan });
    }
  });

  it('leaves text that is not a yuan amount alone', () => {
    expect(fromYuan('abc', 'wan')).toBe('abc');
  });
});

describe('canonicalYuan', () => {
  it('spells one amount one way', () => {
    expect(canonicalYuan('100.50')).toBe('100.5');
    expect(canonicalYuan('007')).toBe('7');
    expect(canonicalYuan('100.00')).toBe('100');
  });
});
