import { describe, expect, it } from 'vitest';

import { wanToYuan, yuanToWan } from '../../src/format/moneyInput';

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
