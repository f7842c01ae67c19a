// Months as the API writes them (`YYYY-MM`) and days in China time (UTC+8), where the API says a
// month "has ended" and an item is "overdue". Plain integer arithmetic: no time zone database.

const chinaOffsetMs = 8 * 60 * 60 * 1000;
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return monthPattern.test(text);
}

function parts(month: string): [number, number] {
  const m = monthPattern.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

function format(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

// Today's date in China, `YYYY-MM-DD`.
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

// The month China is in now.
export function chinaMonth(now: Date = new Date()): string {
  return chinaToday(now).slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + n;
  return format(Math.floor(index / 12), (index % 12) + 1);
}

// A month can be reported once it has ended in China, so the month reports are owed for is the
// one before the current month.
export function owedMonth(now: Date = new Date()): string {
  return addMonths(chinaMonth(now), -1);
}

export function hasEnded(month: string, now: Date = new Date()): boolean {
  return isMonth(month) && month < chinaMonth(now);
}

// Every month from `from` to `to`, both included, oldest first (empty when `to` is before `from`).
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

// Whole days from one `YYYY-MM-DD` to another (negative when `to` is earlier).
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function monthParts(month: string): { year: number; month: number } {
  const [year, m] = parts(month);
  return { year, month: m };
}
