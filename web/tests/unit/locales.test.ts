import { describe, expect, it } from 'vitest';

import en from '../../src/locales/en';
import zhCN from '../../src/locales/zh-CN';

// Every key path of a nested message object, sorted.
function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages)
    .flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    .sort();
}

describe('locales', () => {
  it('English has exactly the Chinese keys', () => {
    expect(keys(en)).toEqual(keys(zhCN));
  });
});
