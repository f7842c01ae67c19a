import { describe, expect, it } from 'vitest';

import { messagesOf, namespaceFiles } from '../../src/locales';

// Every key path of a nested message object, sorted.
function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages)
    .flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    .sort();
}

describe('locales', () => {
  const files = namespaceFiles();

  it('has the same namespace files in every language', () => {
    const names = (lang: string) =>
      Object.keys(files)
        .filter((p) => p.startsWith(`${lang}/`))
        .map((p) => p.slice(lang.length + 1))
        .sort();
    expect(names('zh-CN').length).toBeGreaterThan(1);
    expect(names('en')).toEqual(names('zh-CN'));
  });

  it('English has exactly the Chinese keys, file by file', () => {
    for (const path of Object.keys(files).filter((p) => p.startsWith('zh-CN/'))) {
      const english = files[path.replace('zh-CN/', 'en/')];
      expect(english, path).toBeDefined();
      expect(keys(english ?? {}), path).toEqual(keys(files[path] ?? {}));
    }
  });

  it('no English message contains Chinese characters', () => {
    const chinese = /[\u4e00-\u9fff]/;
    const leaks = Object.entries(messagesOf('en'))
      .flatMap(([k, v]) => keys({ [k]: v }).map((path) => [path, path.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], { [k]: v })]))
      .filter(([, text]) => typeof text === 'string' && chinese.test(text));
    expect(leaks).toEqual([]);
  });
});
