import { describe, expect, it } from 'vitest';

import { components } from '../../src/plugins/elementComponents';

// Every <el-…> tag in a template is registered; an unregistered one renders nothing in a build.
const templates = import.meta.glob<string>('../../src/**/*.vue', { query: '?raw', import: 'default', eager: true });

describe('Element Plus registration', () => {
  it('registers every component a template uses', () => {
    const used = new Set<string>();
    for (const text of Object.values(templates)) {
      for (const m of text.matchAll(/<el-([a-z-]+)/g)) {
        used.add(`El${(m[1] ?? '').split('-').map((w) => w[0]?.toUpperCase() + w.slice(1)).join('')}`);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !(name in components))).toEqual([]);
  });
});
