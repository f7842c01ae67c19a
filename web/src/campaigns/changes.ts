// What changed in a held campaign's entries since its figures were frozen (GET …/changes): per
// batch the count then and now, and for each changed entry the facts worth saying. Money stays a
// decimal string of yuan; differences are taken on integers of fen.
import type { BatchChange, BatchKind, ChangedEntry } from '@/api/campaigns';
import { type Stage, stages } from '@/api/projects';

// The stage a project must still have for its entry in a batch to count.
export const batchStage: Record<BatchKind, Stage> = { sign: 'signed', start: 'started', produce: 'producing' };

export type EntryFact =
  | { kind: 'withdrawn'; reason: string }
  | { kind: 'cancelled' }
  | { kind: 'stageBehind'; stage: Stage }
  | { kind: 'zone'; from: number; to: number }
  | { kind: 'industry'; from: string; to: string }
  | { kind: 'investment'; from: string; to: string; delta: string };

export function entryFacts(e: ChangedEntry): EntryFact[] {
  const facts: EntryFact[] = [];
  if (e.status === 'withdrawn') facts.push({ kind: 'withdrawn', reason: e.reason });
  if (e.now.status === 'cancelled') facts.push({ kind: 'cancelled' });
  if (stages.indexOf(e.now.stage) < stages.indexOf(batchStage[e.batch])) facts.push({ kind: 'stageBehind', stage: e.now.stage });
  if (e.counted.zone_id !== e.now.zone_id) facts.push({ kind: 'zone', from: e.counted.zone_id, to: e.now.zone_id });
  if (e.counted.industry !== e.now.industry) facts.push({ kind: 'industry', from: e.counted.industry, to: e.now.industry });
  const delta = differenceYuan(e.now.total_investment, e.counted.total_investment);
  if (delta !== '0') {
    facts.push({ kind: 'investment', from: e.counted.total_investment, to: e.now.total_investment, delta });
  }
  return facts;
}

// Whether an entry still counts today (the server's rule for "now").
export function countsNow(e: ChangedEntry): boolean {
  return e.status !== 'withdrawn' && e.now.status !== 'cancelled' && stages.indexOf(e.now.stage) >= stages.indexOf(batchStage[e.batch]);
}

function toFen(yuan: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new Error(`not an amount of yuan: ${yuan}`);
  const fen = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -fen : fen;
}

function fromFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const cents = abs % 100n;
  return `${sign}${abs / 100n}${cents === 0n ? '' : `.${cents.toString().padStart(2, '0')}`}`;
}

// a − b, exactly, as a decimal string of yuan ("-1500000", "0").
export function differenceYuan(a: string, b: string): string {
  return fromFen(toFen(a) - toFen(b));
}

export interface BatchDelta {
  batch: BatchKind;
  projects: number; // now − counted
  investment: string; // now − counted, yuan
}

export function batchDelta(b: BatchChange): BatchDelta {
  return {
    batch: b.batch,
    projects: b.projects_now - b.projects_counted,
    investment: differenceYuan(b.total_investment_now, b.total_investment_counted),
  };
}

// "+3", "−2", "0": a change shown with its sign (a true minus sign, which reads better than "-").
export function signed(text: string): string {
  if (text.startsWith('-')) return `−${text.slice(1)}`;
  return /^0(\.0+)?$/.test(text) ? text : `+${text}`;
}
