// Money typed in 万元 (ten thousand yuan) turned into the API's exact yuan string, and back for
// editing. Decimal text is shifted by four places as text, so no binary floating point is involved:
// "3000.5" 万元 is "30005000" yuan, "0.000001" 万元 is "0.01" yuan (one fen, the smallest amount).

export type MoneyInputError = 'required' | 'malformed' | 'tooPrecise';

export type Converted = { ok: true; yuan: string } | { ok: false; error: MoneyInputError };

// "１,２００" and "1 200" are read as 1200: separators and full-width digits are what people paste.
function normalise(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/\uff0e/g, '.')
    .replace(/\uff0d/g, '-')
    .replace(/[,，\s]/g, '');
}

// A minus sign is kept, not refused here: the server's rule ("not negative") words the refusal.
export function wanToYuan(text: string): Converted {
  const s = normalise(text);
  if (s === '') return { ok: false, error: 'required' };
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return { ok: false, error: 'malformed' };
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  if (frac.length > 6) return { ok: false, error: 'tooPrecise' };
  const padded = frac.padEnd(6, '0');
  let yuanWhole = (whole + padded.slice(0, 4)).replace(/^0+(?=\d)/, '');
  const fen = padded.slice(4).replace(/0+$/, '');
  if (yuanWhole === '') yuanWhole = '0';
  const body = fen ? `${yuanWhole}.${fen}` : yuanWhole;
  return { ok: true, yuan: m[1] === '-' && /[1-9]/.test(body) ? `-${body}` : body };
}

// "30005000" yuan as "3000.5" 万元 for an input box; the text itself when it is not a money value.
export function yuanToWan(yuan: string): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) return yuan;
  const digits = (m[2] ?? '0').padStart(5, '0');
  const whole = digits.slice(0, -4).replace(/^0+(?=\d)/, '');
  const frac = (digits.slice(-4) + (m[3] ?? '').padEnd(2, '0')).replace(/0+$/, '');
  const text = frac ? `${whole}.${frac}` : whole;
  return m[1] === '-' && text !== '0' ? `-${text}` : text;
}
