/** Personal identifiers: validation and masking (GB 11643-1999 citizen ID, mainland mobile numbers). */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export interface IdNumberFacts { birthDate: string; gender: 'male' | 'female'; regionCode: string }

/**
 * Checks an 18-character citizen ID number (GB 11643): format, birth date and the ISO 7064 MOD 11-2
 * check digit. Returns the facts it encodes, or the reason it is invalid (Chinese).
 */
export function parseIdNumber(raw: string): { ok: true; facts: IdNumberFacts } | { ok: false; reason: string } {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号应为 18 位（前 17 位数字，末位数字或 X）' };
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: '身份证号中的出生日期无效' };
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return { ok: false, reason: '身份证号校验位不正确（可能有数字录错）' };
  return {
    ok: true,
    facts: { birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female', regionCode: id.slice(0, 6) },
  };
}

/** Mainland China mobile numbers: 11 digits starting 13–19 (an optional +86 / 86 prefix is dropped). */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export const maskIdNumber = (id: string): string => (id.length === 18 ? `${id.slice(0, 3)}***********${id.slice(14)}` : '***');
export const maskPhone = (p: string): string => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****');
