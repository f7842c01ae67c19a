import { describe, expect, it } from 'vitest';

import type { PlannedDateChange } from '../../src/api/projects';
import { milestoneLines } from '../../src/projects/milestones';
import { allowedMoves, chinaToday, moveBody } from '../../src/projects/moves';

describe('allowedMoves', () => {
  it('offers every later stage, every earlier one as a correction, suspend and cancel', () => {
    const moves = allowedMoves({ stage: 'started', status: 'active' });
    expect(moves.map((m) => [m.to, m.kind])).toEqual([
      ['producing', 'forward'],
      ['at_capacity', 'forward'],
      ['signed', 'correction'],
      ['reserve', 'correction'],
      ['suspended', 'suspend'],
      ['cancelled', 'cancel'],
    ]);
    expect(moves[1]?.skips).toEqual(['producing']);
    expect(moves.every((m) => m.kind === 'forward' ? !m.reasonRequired && m.takesEvidence : m.reasonRequired)).toBe(true);
  });

  it('lets a suspended project only resume or be cancelled, and a cancelled one nothing', () => {
    expect(allowedMoves({ stage: 'signed', status: 'suspended' }).map((m) => m.to)).toEqual(['resumed', 'cancelled']);
    expect(allowedMoves({ stage: 'signed', status: 'cancelled' })).toEqual([]);
  });

  it('has no forward move at capacity and no correction in reserve', () => {
    expect(allowedMoves({ stage: 'at_capacity', status: 'active' }).filter((m) => m.kind === 'forward')).toEqual([]);
    expect(allowedMoves({ stage: 'reserve', status: 'active' }).filter((m) => m.kind === 'correction')).toEqual([]);
  });
});

describe('moveBody', () => {
  const [forward] = allowedMoves({ stage: 'signed', status: 'active' });
  const suspend = allowedMoves({ stage: 'signed', status: 'active' }).find((m) => m.kind === 'suspend');

  it('sends a forward move’s text as evidence and a status change’s as reason', () => {
    if (!forward || !suspend) throw new Error('moves missing');
    expect(moveBody(forward, '2022-06-22', ' 开工仪式 ')).toEqual({ to: 'started', date: '2022-06-22', evidence: '开工仪式' });
    expect(moveBody(suspend, null, '环评整改')).toEqual({ to: 'suspended', reason: '环评整改' });
    expect(moveBody(forward, '2022-06-22', '  ')).toEqual({ to: 'started', date: '2022-06-22' });
  });
});

describe('chinaToday', () => {
  it('is the date in China, eight hours ahead of UTC', () => {
    expect(chinaToday(new Date('2024-01-15T15:59:00Z'))).toBe('2024-01-15');
    expect(chinaToday(new Date('2024-01-15T16:00:00Z'))).toBe('2024-01-16');
  });
});

describe('milestoneLines', () => {
  const change = (milestone: PlannedDateChange['milestone'], old: string | null, next: string | null, slip: boolean): PlannedDateChange => ({
    project_id: 1, milestone, field: `planned.${milestone}`, old_date: old, new_date: next, slip, reason: '', user: null, changed_at: '2022-01-01T00:00:00Z',
  });

  it('marks each milestone on time, late, overdue or ahead, and counts the plan’s slips', () => {
    const lines = milestoneLines(
      {
        planned: { sign: '2022-05-29', start: '2022-10-01', production: '2030-01-01', capacity: null },
        actual: { sign: '2022-06-22', start: null, production: null, capacity: null },
      },
      [change('start', null, '2022-06-26', false), change('start', '2022-06-26', '2022-09-01', true), change('start', '2022-09-01', '2022-10-01', true)],
      '2022-10-11',
    );
    expect(lines.map((l) => [l.milestone, l.state, l.daysLate, l.slips, l.firstPlanned])).toEqual([
      ['sign', 'late', 24, 0, null],
      ['start', 'overdue', 10, 2, '2022-06-26'],
      ['production', 'ahead', 0, 0, null],
      ['capacity', 'unplanned', 0, 0, null],
    ]);
  });

  it('is on time when reached on or before the plan, and reached without a plan', () => {
    const lines = milestoneLines(
      {
        planned: { sign: '2022-05-29', start: null, production: null, capacity: null },
        actual: { sign: '2022-05-01', start: '2022-06-01', production: null, capacity: null },
      },
      [],
      '2022-10-11',
    );
    expect(lines.slice(0, 2).map((l) => l.state)).toEqual(['on_time', 'reached']);
  });
});
