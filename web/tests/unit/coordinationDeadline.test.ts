import { describe, expect, it } from 'vitest';

import type { CoordinationStatus } from '../../src/api/coordination';
import { deadlineNote } from '../../src/coordination/deadline';

// The server's `overdue`, as docs/api.md defines it: today (China) after the deadline, and the
// item neither resolved nor closed.
function item(status: CoordinationStatus, deadline: string, today: string) {
  const overdue = today > deadline && status !== 'resolved' && status !== 'closed';
  return { status, deadline, overdue };
}

describe('deadline note', () => {
  const today = '2022-10-01';

  it('counts the days an open item is past its deadline', () => {
    expect(deadlineNote(item('open', '2022-09-30', today), today)).toEqual({ kind: 'overdue', days: 1 });
    expect(deadlineNote(item('in_progress', '2022-08-21', today), today)).toEqual({ kind: 'overdue', days: 41 });
    expect(deadlineNote(item('reopened', '2021-10-01', today), today)).toEqual({ kind: 'overdue', days: 365 });
  });

  it('does not call an item due today overdue', () => {
    expect(deadlineNote(item('open', today, today), today)).toEqual({ kind: 'dueToday' });
  });

  it('never calls a resolved or closed item overdue, however late', () => {
    expect(deadlineNote(item('resolved', '2022-01-01', today), today)).toEqual({ kind: 'settled' });
    expect(deadlineNote(item('closed', '2022-01-01', today), today)).toEqual({ kind: 'settled' });
  });

  it('marks items due within a week', () => {
    expect(deadlineNote(item('open', '2022-10-02', today), today)).toEqual({ kind: 'dueSoon', days: 1 });
    expect(deadlineNote(item('in_progress', '2022-10-08', today), today)).toEqual({ kind: 'dueSoon', days: 7 });
    expect(deadlineNote(item('open', '2022-10-09', today), today)).toEqual({ kind: 'due', days: 8 });
  });

  it('follows the server when the browser clock disagrees', () => {
    // The server (China, its clock) says overdue while the browser still thinks it is the deadline day.
    expect(deadlineNote({ status: 'open', deadline: today, overdue: true }, today)).toEqual({ kind: 'overdue', days: 1 });
    // The server says not yet overdue while the browser is a day ahead.
    expect(deadlineNote({ status: 'open', deadline: '2022-09-30', overdue: false }, today)).toEqual({ kind: 'dueToday' });
  });
});
