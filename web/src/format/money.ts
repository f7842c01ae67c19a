// Money as the API gives it: a decimal string of yuan ("1250000000", "1200000.5"), exact. Shown
// in 亿元 (10^8 yuan) or 万元 (10^4) with two decimals, rounded half away from zero, computed on
// integers of fen so no binary floating point touches the figure.

function toFen(yuan: string): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) return null;
  const fen = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -fen : fen;
}

// `fen` in units of `unitFen`, two decimals.
function inUnits(fen: bigint, unitFen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const hundredths = (abs * 100n * 2n + unitFen) / (unitFen * 2n);  // rounded half up
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0');
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative && hundredths !== 0n ? '-' : ''}${grouped}.${frac}`;
}

export type MoneyUnit = 'yi' | 'wan';

const unitFen: Record<MoneyUnit, bigint> = { yi: 10_000_000_000n, wan: 1_000_000n };

// "12.50" for "1250000000" in 亿; the raw text when it is not a money value.
export function formatMoney(yuan: string | null | undefined, unit: MoneyUnit = 'yi'): string {
  if (yuan === null || yuan === undefined || yuan === '') return '';
  const fen = toFen(yuan);
  return fen === null ? yuan : inUnits(fen, unitFen[unit]);
}
