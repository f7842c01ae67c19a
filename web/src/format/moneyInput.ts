// Money typed in 万元 or 亿元 turned into the API's exact yuan string, and back, by moving the
// decimal point in the digits' text: no binary floating point ever holds the figure.

export type InputUnit = 'wan' | 'yi';
export const inputUnits: InputUnit[] = ['wan', 'yi'];

// How many places the decimal point moves from the unit to yuan.
const shift: Record<InputUnit, number> = { wan: 4, yi: 8 };

export type Parsed = { yuan: string } | { error: 'invalid' | 'precision' };

// Full-width digits and point (from a Chinese input method) read as ASCII; thousands separators
// and spaces are ignored.
function normalise(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\uff0e\u3002]/g, '.')
    .replace(/\uff0d/g, '-')
    .replace(/[,\uff0c\s]/g, '');
}

function trimLeadingZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

// "1,234.5" 万元 → "12345000"; "0.000001" 亿元 → "0.01"; a value finer than a fen is refused.
export function toYuan(text: string, unit: InputUnit): Parsed {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(normalise(text));
  const whole = m?.[1] ?? '';
  const frac = m?.[2] ?? '';
  if (!m || (whole === '' && frac === '')) return { error: 'invalid' };
  const places = shift[unit];
  const padded = frac.padEnd(places, '0');
  const yuanWhole = trimLeadingZeros(`${whole}${padded.slice(0, places)}` || '0');
  const fen = padded.slice(places).replace(/0+$/, '');
  if (fen.length > 2) return { error: 'precision' };
  return { yuan: fen ? `${yuanWhole}.${fen}` : yuanWhole };
}

// "176070000" yuan → "17607" 万元; "1200000.5" → "120.00005"; the exact figure, no rounding.
export function fromYuan(yuan: string, unit: InputUnit): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(yuan.trim());
  if (!m) return yuan;
  const places = shift[unit];
  const whole = (m[1] ?? '0').padStart(places + 1, '0');
  const cut = whole.length - places;
  const intPart = trimLeadingZeros(whole.slice(0, cut));
  const fracPart = `${whole.slice(cut)}${m[2] ?? ''}`.replace(/0+$/, '');
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

// One spelling per amount ("100.50" → "100.5", "007" → "7"), so two yuan strings compare by value.
export function canonicalYuan(yuan: string): string {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(normalise(yuan));
  if (!m) return yuan;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  const whole = trimLeadingZeros(m[1] ?? '0');
  return frac ? `${whole}.${frac}` : whole;
}

// A monthly report's amounts, typed in 万元. A minus sign is kept, not refused here, so the
// server's rule ("not negative") words the refusal next to the field.
export type MoneyInputError = 'required' | 'malformed' | 'tooPrecise';
export type Converted = { ok: true; yuan: string } | { ok: false; error: MoneyInputError };

export function wanToYuan(text: string): Converted {
  const s = normalise(text);
  if (s === '') return { ok: false, error: 'required' };
  const negative = s.startsWith('-');
  const parsed = toYuan(negative ? s.slice(1) : s, 'wan');
  if ('error' in parsed) return { ok: false, error: parsed.error === 'precision' ? 'tooPrecise' : 'malformed' };
  return { ok: true, yuan: negative && /[1-9]/.test(parsed.yuan) ? `-${parsed.yuan}` : parsed.yuan };
}

// "30005000" yuan as "3000.5" 万元 for an input box; the text itself when it is not a money value.
export function yuanToWan(yuan: string): string {
  const trimmed = yuan.trim();
  if (!trimmed.startsWith('-')) return fromYuan(trimmed, 'wan');
  const text = fromYuan(trimmed.slice(1), 'wan');
  if (!/^\d/.test(text)) return yuan;
  return /[1-9]/.test(text) ? `-${text}` : text;
}
