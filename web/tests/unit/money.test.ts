import { describe, expect, it } from 'vitest';

import { formatMoney } from '../../src/format/money';

describe('formatMoney', () => {
  it('shows 亿元 with two decimals, exactly', () => {
    expect(formatMoney('1250000000')).toBe('12.50');
    expect(formatMoney('123456789012345678')).toBe('1,234,567,890.12');
    expect(formatMoney('0.01')).toBe('0.00');
  });

  it('rounds half away from zero on the third decimal', () => {
    expect(formatMoney('1234500000')).toBe('12.35');
    expect(formatMoney('1234499999.99')).toBe('12.34');
    expect(formatMoney('-1234500000')).toBe('-12.35');
  });

  it('shows 万元 on request and leaves what is not money as it is', () => {
    expect(formatMoney('1200000.5', 'wan')).toBe('120.00');
    expect(formatMoney('', 'wan')).toBe('');
    expect(formatMoney(null)).toBe('');
    expect(formatMoney('n/a')).toBe('n/a');
  });
});
