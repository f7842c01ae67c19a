import { describe, expect, it } from 'vitest';

import { lightTagType } from '@/api/warnings';
import { warningFigures } from '@/components/dashboard/warningMap';

describe('the map coloured by warnings', () => {
  it("shades each city by its lit projects, red counting double", () => {
    const figures = warningFigures([
      { key: '140100', red: 3, yellow: 2 },
      { key: '140200', red: 0, yellow: 5 },
    ]);
    expect(figures).toEqual([
      { code: '140100', red: 3, yellow: 2, weight: 8 },
      { code: '140200', red: 0, yellow: 5, weight: 5 },
    ]);
  });

  it('leaves out keys that are not city codes', () => {
    expect(warningFigures([{ key: '', red: 1, yellow: 0 }, { key: '1401', red: 1, yellow: 0 }])).toEqual([]);
  });

  it('tags red as danger, yellow as warning and green as success', () => {
    expect(lightTagType('red')).toBe('danger');
    expect(lightTagType('yellow')).toBe('warning');
    expect(lightTagType('green')).toBe('success');
  });
});
