/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters of the set
 * 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z), positions 3–8 the
 * administrative-division digits, positions 9–17 the GB 11714 organisation
 * code whose ninth character is its own check character, and position 18
 * the code's check character (weights 3^i mod 31).
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) VALUE[CHARSET.charCodeAt(i)] = i;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/** GB 11714 weights for the 8-character organisation-code body. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 32100 check character for the first 17 characters, or null when they are not 17 of the set. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = first17.charCodeAt(i);
    const v = code < 128 ? (VALUE[code] as number) : -1;
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31;
  return CHARSET[c] as string;
}

/** GB 11714 check character ('0'–'9' or 'X') of an 8-character organisation-code body, or null. */
export function orgCodeCheckChar(body8: string): string | null {
  if (body8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charCodeAt(i);
    let v: number;
    if (ch >= 48 && ch <= 57) v = ch - 48;
    else if (ch >= 65 && ch <= 90) v = ch - 55; // A=10 … Z=35
    else return null;
    sum += v * (ORG_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 11 ? '0' : c === 10 ? 'X' : String(c);
}

/** 'format' when not 18 characters of the set; 'checksum' when either check character is wrong. */
export function checkUscc(s: string): 'ok' | 'format' | 'checksum' {
  if (!FORMAT.test(s)) return 'format';
  if (usccCheckChar(s.slice(0, 17)) !== s[17]) return 'checksum';
  if (orgCodeCheckChar(s.slice(8, 16)) !== s[16]) return 'checksum';
  return 'ok';
}
