// The four milestones' planned and actual dates read as a timeline: reached on time or late,
// overdue, or still ahead; and how often the plan itself slipped (from the planned-date history).
import { type Milestone, type PlannedDateChange, type Project, milestones } from '@/api/projects';

export type MilestoneState = 'on_time' | 'late' | 'overdue' | 'ahead' | 'unplanned' | 'reached';

export interface MilestoneLine {
  milestone: Milestone;
  planned: string | null;
  actual: string | null;
  state: MilestoneState;
  daysLate: number; // actual (or today, when overdue) after planned; 0 otherwise
  firstPlanned: string | null; // the plan before any slip, when it slipped
  slips: number; // times the planned date moved later or was cleared
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function milestoneLines(p: Pick<Project, 'planned' | 'actual'>, changes: PlannedDateChange[], today: string): MilestoneLine[] {
  return milestones.map((m) => {
    const planned = p.planned[m];
    const actual = p.actual[m];
    const own = changes.filter((c) => c.milestone === m);
    const slips = own.filter((c) => c.slip).length;
    const first = own.find((c) => c.old_date !== null)?.old_date ?? null;
    let state: MilestoneState;
    let daysLate = 0;
    if (actual && planned) {
      daysLate = Math.max(0, days(planned, actual));
      state = daysLate > 0 ? 'late' : 'on_time';
    } else if (actual) {
      state = 'reached';
    } else if (planned && planned < today) {
      state = 'overdue';
      daysLate = days(planned, today);
    } else {
      state = planned ? 'ahead' : 'unplanned';
    }
    return { milestone: m, planned, actual, state, daysLate, firstPlanned: slips > 0 ? first : null, slips };
  });
}
