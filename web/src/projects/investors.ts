// The investors field of the project form: reading a typed unified social credit code the way the
// server does (GB 32100-2015), so an obvious slip is named before any request, and attaching an
// enterprise once.
import type { Investor } from './draft';

// Digits and capitals without I, O, S, V, Z; a character's value is its position here.
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

// Full-width letters and digits (what Chinese input methods type) as ASCII, spaces trimmed, upper case.
export function normalizeCreditCode(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .toUpperCase();
}

// The check character for 17 characters of the alphabet, or null.
export function checkCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (weights[i] ?? 0);
  }
  return alphabet.charAt((31 - (sum % 31)) % 31);
}

export type CreditCodeSlip = 'empty' | 'length' | 'characters' | 'check';

// What is wrong with a normalised code, or null when it may be looked up.
export function creditCodeSlip(code: string): CreditCodeSlip | null {
  if (code === '') return 'empty';
  if ([...code].length !== 18) return 'length';
  if ([...code].some((c) => !alphabet.includes(c))) return 'characters';
  return checkCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'check';
}

// Adds the enterprise at the end unless it is already there; says whether it was added.
export function attachInvestor(list: Investor[], enterprise: { id: number; name: string }): boolean {
  if (list.some((i) => i.id === enterprise.id)) return false;
  list.push({ id: enterprise.id, name: enterprise.name });
  return true;
}
