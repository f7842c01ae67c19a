// The body of a change to a coordination item: only what the user changed, in the workflow's words
// (docs/api.md, "Changing").
import { type CoordinationChange, type CoordinationItem, type CoordinationLevel, type CoordinationStatus, coordinationLevels } from '@/api/coordination';

export interface ItemEdit {
  category: CoordinationItem['category'];
  description: string;
  responsible_department: string;
  deadline: string;
  level: CoordinationLevel;
}

export function editOf(item: CoordinationItem): ItemEdit {
  return {
    category: item.category,
    description: item.description,
    responsible_department: item.responsible_department,
    deadline: item.deadline,
    level: item.level,
  };
}

// Escalation only goes up, and not once the item is resolved or closed.
export function levelChoices(item: Pick<CoordinationItem, 'level' | 'status'>): CoordinationLevel[] {
  if (item.status === 'resolved' || item.status === 'closed') return [item.level];
  return coordinationLevels.slice(coordinationLevels.indexOf(item.level));
}

// Edits and escalation: the fields that differ from the item as read.
export function editChange(item: CoordinationItem, edit: ItemEdit): CoordinationChange {
  const change: CoordinationChange = {};
  if (edit.category !== item.category) change.category = edit.category;
  if (edit.description.trim() !== item.description) change.description = edit.description.trim();
  if (edit.responsible_department.trim() !== item.responsible_department) change.responsible_department = edit.responsible_department.trim();
  if (edit.deadline && edit.deadline !== item.deadline) change.deadline = edit.deadline;
  if (edit.level !== item.level) change.level = edit.level;
  return change;
}

export interface Move {
  to: CoordinationStatus;
  resolution: string;
  reopen_reason: string;
  deadline: string; // a new deadline given with a reopening, or ''
}

// A status move with what it needs: a resolution to resolve, a reason (and maybe a new deadline)
// to reopen. The server refuses what is missing, naming the field.
export function moveChange(move: Move, item: Pick<CoordinationItem, 'deadline'>): CoordinationChange {
  const change: CoordinationChange = { status: move.to };
  if (move.to === 'resolved') change.resolution = move.resolution.trim();
  if (move.to === 'reopened') {
    change.reopen_reason = move.reopen_reason.trim();
    if (move.deadline && move.deadline !== item.deadline) change.deadline = move.deadline;
  }
  return change;
}
