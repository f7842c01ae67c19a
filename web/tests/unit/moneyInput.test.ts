import { describe, expect, it } from 'vitest';

import { canonicalYuan, fromYuan, toYuan, wanToYuan, yuanToWan } from '../../src/format/moneyInput';

const yuan = (text: string): string => {
  const c = wanToYuan(text);
  if (!c.ok) throw new Error(`${text}: ${c.error}`);
  return c.yuan;
};

describe('万元 typed, yuan sent', () => {
  it('shifts the decimal point four places exactly', () => {
    expect(yuan('3000')).toBe('30000000');
    expect(yuan('3000.5')).toBe('30005000');
    expect(yuan('0.0001')).toBe('1');
    expect(yuan('0.000001')).toBe('0.01');
    expect(yuan('0.00005')).toBe('0.5');
    expect(yuan('.5')).toBe('5000');
    expect(yuan('12.')).toBe('120000');
    expect(yuan('0')).toBe('0');
    expect(yuan('000120.300000')).toBe('1203000');
  });

  it('keeps figures binary floating point would spoil', () => {
    // 0.1 + 0.2 and 1.005 * 10000 are not exact as doubles; as text they are.
    expect(yuan('0.3')).toBe('3000');
    expect(yuan('1.005')).toBe('10050');
    expect(yuan('123456789012345.678901')).toBe('1234567890123456789.01');
    expect(yuan('9007199254740993')).toBe('90071992547409930000');
  });

  it('reads separators and full-width digits people paste', () => {
    expect(yuan('1,200.5')).toBe('12005000');
    expect(yuan(' 1 200 ')).toBe('12000000');
    expect(yuan('１２．５')).toBe('125000');
  });

  it('refuses what is not an amount, and finer than a fen', () => {
    expect(wanToYuan('')).toEqual({ ok: false, error: 'required' });
    expect(wanToYuan('  ')).toEqual({ ok: false, error: 'required' });
    for (const bad of ['abc', '1.2.3', '.', '-', '1e5', '3000万元', '+5']) expect(wanToYuan(bad), bad).toEqual({ ok: false, error: 'malformed' });
    expect(wanToYuan('0.0000001')).toEqual({ ok: false, error: 'tooPrecise' });
  });

  it('passes a minus sign on for the server to refuse in its words', () => {
    expect(yuan('-5')).toBe('-50000');
    expect(yuan('-0')).toBe('0');
  });

  it('turns yuan back into 万元 for editing, exactly', () => {
    expect(yuanToWan('30005000')).toBe('3000.5');
    expect(yuanToWan('30000000')).toBe('3000');
    expect(yuanToWan('1')).toBe('0.0001');
    expect(yuanToWan('0.01')).toBe('0.000001');
    expect(yuanToWan('0')).toBe('0');
    expect(yuanToWan('1234567890123456789.01')).toBe('123456789012345.678901');
    expect(yuanToWan('oops')).toBe('oops');
  });

  it('round-trips', () => {
    for (const w of ['0', '0.01', '3000.5', '518', '12345.678901', '100000000']) expect(yuanToWan(yuan(w))).toBe(w);
  });
});


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
