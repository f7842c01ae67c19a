// The moves the stage machine allows from a project's stage and status (docs/api.md "Moving a
// project"): forward to any later stage, back to an earlier one as a correction, suspend an active
// project, resume a suspended one, cancel either; a cancelled project moves no more.
import { type MoveBody, type MoveTarget, type Project, type Stage, stages } from '@/api/projects';

export type MoveKind = 'forward' | 'correction' | 'suspend' | 'resume' | 'cancel';

export interface Move {
  to: MoveTarget;
  kind: MoveKind;
  dateRequired: boolean; // a stage's milestone date; a side status defaults to today
  reasonRequired: boolean;
  takesEvidence: boolean; // a forward move's supporting text, instead of a reason
  skips: Stage[]; // stages passed over on a forward move, whose dates the same date fills
}

export function allowedMoves(p: Pick<Project, 'stage' | 'status'>): Move[] {
  if (p.status === 'cancelled') return [];
  if (p.status === 'suspended') {
    return [
      { to: 'resumed', kind: 'resume', dateRequired: false, reasonRequired: true, takesEvidence: false, skips: [] },
      { to: 'cancelled', kind: 'cancel', dateRequired: false, reasonRequired: true, takesEvidence: false, skips: [] },
    ];
  }
  const here = stages.indexOf(p.stage);
  const forward = stages.slice(here + 1).map<Move>((s, i) => ({
    to: s,
    kind: 'forward',
    dateRequired: true,
    reasonRequired: false,
    takesEvidence: true,
    skips: stages.slice(here + 1, here + 1 + i),
  }));
  const back = stages
    .slice(0, here)
    .reverse()
    .map<Move>((s) => ({ to: s, kind: 'correction', dateRequired: true, reasonRequired: true, takesEvidence: false, skips: [] }));
  return [
    ...forward,
    ...back,
    { to: 'suspended', kind: 'suspend', dateRequired: false, reasonRequired: true, takesEvidence: false, skips: [] },
    { to: 'cancelled', kind: 'cancel', dateRequired: false, reasonRequired: true, takesEvidence: false, skips: [] },
  ];
}

// The request body for a move: only the texts the move takes, so the server never refuses one
// for being there.
export function moveBody(move: Move, date: string | null, text: string): MoveBody {
  const body: MoveBody = { to: move.to };
  if (date) body.date = date;
  const t = text.trim();
  if (t && move.takesEvidence) body.evidence = t;
  if (t && !move.takesEvidence) body.reason = t;
  return body;
}

// Today in China time (the server's "not after today"), as an ISO date.
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
