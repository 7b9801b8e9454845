/**
 * 公民身份号码 per GB 11643-1999: 6-digit address code, 8-digit birth date
 * (a real calendar date), 3-digit sequence, and an ISO 7064 MOD 11-2 check
 * character (0–9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const FORMAT = /^[1-9][0-9]{5}(18|19|20)[0-9]{2}[0-9]{4}[0-9]{3}[0-9X]$/;

/** The check character for 17 digits. Non-digit input yields a meaningless but defined result; validate the format first. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK[((sum % 11) + 11) % 11] as string;
}

/** True when YYYYMMDD is a real calendar date (leap years included). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

/** 'format' when not 17 digits + [0-9X] with a real birth date; 'checksum' when the check character is wrong. */
export function checkIdCard(input: string): 'ok' | 'format' | 'checksum' {
  const s = input.toUpperCase();
  if (!FORMAT.test(s)) return 'format';
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (!isRealDate(y, m, d)) return 'format';
  return idCheckDigit(s.slice(0, 17)) === s[17] ? 'ok' : 'checksum';
}
