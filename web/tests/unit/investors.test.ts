import { describe, expect, it } from 'vitest';

import type { Investor } from '../../src/projects/draft';
import { attachInvestor, checkCharacter, creditCodeSlip, normalizeCreditCode } from '../../src/projects/investors';

// 17 characters and the check character GB 32100-2015 gives them (the same as domain/credit_code.cpp).
const valid = '91140100MA0K12345' + checkCharacter('91140100MA0K12345');

describe('credit codes as the form reads them', () => {
  it('folds full-width characters and case, and trims', () => {
    expect(normalizeCreditCode('\u3000９１１４０１００ma0kxyz12x ')).toBe('91140100MA0KXYZ12X');
  });

  it.each([
    ['91350100M000100Y43', '3'],
    ['91110000802100433B', 'B'],
    ['91440300708461136T', 'T'],
  ])('computes the check character of %s', (code, check) => {
    expect(checkCharacter(code.slice(0, 17))).toBe(check);
  });

  it.each([
    ['', 'empty'],
    ['91140100', 'length'],
    ['91140100MA0KXYZ1IO', 'characters'],
    [valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0'), 'check'],
    [valid, null],
  ])('names the slip in %s', (code, slip) => {
    expect(creditCodeSlip(code)).toBe(slip);
  });
});

describe('attaching an investor', () => {
  it('adds an enterprise once, at the end', () => {
    const list: Investor[] = [{ id: 3, name: '甲公司' }];
    expect(attachInvestor(list, { id: 7, name: '乙公司' })).toBe(true);
    expect(attachInvestor(list, { id: 3, name: '甲公司' })).toBe(false);
    expect(list.map((i) => i.id)).toEqual([3, 7]);
  });
});
