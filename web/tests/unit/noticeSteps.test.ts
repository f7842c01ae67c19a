import { describe, expect, it } from 'vitest';

import { canIssue, chinaDateAfter, deadlineAllowed, statusTagType, stepBody } from '@/notices/steps';

describe('notice steps', () => {
  it('puts the words under the field each action expects', () => {
    expect(stepBody('respond', ' 已整改 ')).toEqual({ response: '已整改' });
    expect(stepBody('comment', '跟踪')).toEqual({ comment: '跟踪' });
    expect(stepBody('close', '办结', '2024-02-01')).toEqual({ note: '办结' });
    expect(stepBody('reopen', '补充', '2024-02-01')).toEqual({ reason: '补充', deadline: '2024-02-01' });
    expect(stepBody('reopen', '补充', null)).toEqual({ reason: '补充' });
  });

  it('lets supervisors, the province and cities issue', () => {
    expect(['supervisor', 'province', 'city'].map(canIssue)).toEqual([true, true, true]);
    expect(['zone', 'viewer', undefined].map(canIssue)).toEqual([false, false, false]);
  });

  it('marks an overdue notice red whatever its status', () => {
    expect(statusTagType('issued', true)).toBe('danger');
    expect(statusTagType('issued', false)).toBe('warning');
    expect(statusTagType('responded', false)).toBe('info');
    expect(statusTagType('closed', false)).toBe('success');
  });

  it('counts days in China time', () => {
    // 2024-01-15 16:30 UTC is already 2024-01-16 00:30 in Beijing.
    const late = new Date(Date.UTC(2024, 0, 15, 16, 30));
    expect(chinaDateAfter(late, 0)).toBe('2024-01-16');
    expect(chinaDateAfter(late, 15)).toBe('2024-01-31');
    const early = new Date(Date.UTC(2024, 0, 15, 15, 59));
    expect(chinaDateAfter(early, 0)).toBe('2024-01-15');
    expect(deadlineAllowed('2024-01-16', late)).toBe(true);
    expect(deadlineAllowed('2024-01-15', late)).toBe(false);
    expect(deadlineAllowed('2024-1-20', early)).toBe(false);
  });
});

describe('picker days', () => {
  it('reads a picker cell by its local calendar date', async () => {
    const { pickerDay } = await import('@/notices/steps');
    expect(pickerDay(new Date(2024, 0, 5))).toBe('2024-01-05');
    expect(pickerDay(new Date(2024, 11, 31, 23, 59))).toBe('2024-12-31');
  });
});
