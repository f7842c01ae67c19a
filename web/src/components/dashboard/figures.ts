// Figures turned into what the charts draw. Money stays a decimal string of yuan everywhere it is
// shown; only a chart's bar length or colour needs a number, made here at the last moment.
import type { Figure } from '@/api/dashboard';
import { type Stage, stages } from '@/api/projects';

// 亿元 as a number, for drawing only (never for display: formatMoney shows the exact figure).
export function yiForDrawing(yuan: string): number {
  const n = Number(yuan);
  return Number.isFinite(n) ? n / 1e8 : 0;
}

export interface StageSegment {
  stage: Stage;
  name: string;
  value: number; // projects, the segment's width
  investment: string;
}

// The funnel's segments in the stages' own order (储备 → 达产), whatever order the answer had;
// a stage missing from the answer counts zero.
export function funnelSegments(byStage: (Figure & { stage: Stage })[], name: (s: Stage) => string): StageSegment[] {
  return stages.map((stage) => {
    const f = byStage.find((s) => s.stage === stage);
    return { stage, name: name(stage), value: f?.projects ?? 0, investment: f?.total_investment ?? '0' };
  });
}

function toFen(yuan: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new Error(`not an amount of yuan: ${yuan}`);
  return BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

// The exact sum of amounts of yuan, as the same kind of decimal string.
export function sumYuan(amounts: string[]): string {
  const fen = amounts.reduce((sum, a) => sum + toFen(a), 0n);
  const cents = fen % 100n;
  return cents === 0n ? (fen / 100n).toString() : `${fen / 100n}.${cents.toString().padStart(2, '0')}`;
}

// Orders two amounts of yuan exactly (for sorting a column of money).
export function compareYuan(a: string, b: string): number {
  const d = toFen(a) - toFen(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
