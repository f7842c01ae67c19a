import { describe, expect, it } from 'vitest';

import { defaultColumns, loadColumns, saveColumns } from '../../src/projects/listColumns';

describe('list columns', () => {
  function memory(initial: string | null = null) {
    let kept = initial;
    return { getItem: () => kept, setItem: (_k: string, v: string) => void (kept = v) };
  }

  it('starts with the default columns and remembers a choice in the list’s order', () => {
    const storage = memory();
    expect(loadColumns(storage)).toEqual(defaultColumns);
    expect(saveColumns(['status', 'planned_start', 'nonsense'], storage)).toEqual(['planned_start', 'status']);
    expect(loadColumns(storage)).toEqual(['planned_start', 'status']);
  });

  it('falls back to the default on unreadable storage', () => {
    expect(loadColumns(memory('{not json'))).toEqual(defaultColumns);
    expect(loadColumns(memory('"zone"'))).toEqual(defaultColumns);
    expect(loadColumns(memory('[]'))).toEqual([]);
  });
});
