import { describe, expect, it } from 'vitest';

import { messagesOf } from '../../src/locales';

// Every literal key a component or module asks for (t('ns.key'), $t('…'), a menu label) exists
// in the messages: a missing one would show its key to the user. Keys built at run time
// (t(`stages.${s}`)) are checked by the pages' tests.
const sources = import.meta.glob<string>('../../src/**/*.{vue,ts}', { query: '?raw', import: 'default', eager: true });

function has(messages: Record<string, unknown>, path: string): boolean {
  let node: unknown = messages;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('message keys', () => {
  it('every literal key used in the source exists in both languages', () => {
    const asked = new Map<string, string>();
    const call = /(?:\$t|\bt|\btm|\bte)\(\s*'([A-Za-z][\w-]*(?:\.[\w-]+)+)'/g;
    const label = /\blabel:\s*'([A-Za-z][\w-]*\.[\w.-]+)'/g;
    for (const [file, text] of Object.entries(sources)) {
      if (file.includes('/locales/')) continue;
      for (const pattern of [call, label]) for (const m of text.matchAll(pattern)) asked.set(m[1] ?? '', file);
    }
    expect(asked.size).toBeGreaterThan(100);
    for (const language of ['zh-CN', 'en'] as const) {
      const messages = messagesOf(language);
      const missing = [...asked].filter(([key]) => !has(messages, key)).map(([key, file]) => `${key} (${file})`);
      expect(missing, language).toEqual([]);
    }
  });
});
