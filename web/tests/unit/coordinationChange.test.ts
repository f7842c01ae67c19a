import { describe, expect, it } from 'vitest';

import type { CoordinationItem } from '../../src/api/coordination';
import { editChange, editOf, levelChoices, moveChange } from '../../src/coordination/change';

const item = {
  id: 12,
  category: 'land',
  description: '二期用地指标不足',
  level: 'city',
  responsible_department: '市自然资源和规划局',
  deadline: '2022-09-30',
  status: 'in_progress',
} as CoordinationItem;

describe('changing a coordination item', () => {
  it('escalates only upward, and not once resolved or closed', () => {
    expect(levelChoices({ level: 'zone', status: 'open' })).toEqual(['zone', 'city', 'province']);
    expect(levelChoices({ level: 'city', status: 'reopened' })).toEqual(['city', 'province']);
    expect(levelChoices({ level: 'province', status: 'in_progress' })).toEqual(['province']);
    expect(levelChoices({ level: 'zone', status: 'resolved' })).toEqual(['zone']);
    expect(levelChoices({ level: 'zone', status: 'closed' })).toEqual(['zone']);
  });

  it('sends only what changed', () => {
    expect(editChange(item, editOf(item))).toEqual({});
    expect(editChange(item, { ...editOf(item), level: 'province', responsible_department: ' 省自然资源厅 ' })).toEqual({
      level: 'province',
      responsible_department: '省自然资源厅',
    });
  });

  it('sends what each move needs', () => {
    const move = { resolution: ' 已调剂指标 ', reopen_reason: ' 指标仍未下达 ', deadline: '2024-06-30' };
    expect(moveChange({ ...move, to: 'in_progress' }, item)).toEqual({ status: 'in_progress' });
    expect(moveChange({ ...move, to: 'resolved' }, item)).toEqual({ status: 'resolved', resolution: '已调剂指标' });
    expect(moveChange({ ...move, to: 'reopened' }, item)).toEqual({ status: 'reopened', reopen_reason: '指标仍未下达', deadline: '2024-06-30' });
    expect(moveChange({ ...move, to: 'reopened', deadline: '' }, item)).toEqual({ status: 'reopened', reopen_reason: '指标仍未下达' });
    expect(moveChange({ ...move, to: 'closed' }, item)).toEqual({ status: 'closed' });
  });
});
