import { describe, expect, it } from 'vitest';

import { dateText, timeText } from '../../src/components/dashboard/clock';

describe('the venue clock', () => {
  it("shows China time whatever the browser's zone", () => {
    const at = new Date('2022-06-21T16:30:05Z'); // 00:30:05 on 22 June in Beijing
    expect(timeText(at, 'zh-CN')).toBe('00:30:05');
    expect(timeText(at, 'en')).toBe('00:30:05');
    expect(dateText(at, 'zh-CN')).toBe('2022年6月22日星期三');
    expect(dateText(at, 'en')).toBe('Wednesday, June 22, 2022');
  });
});
