/**
 * Dates as clerks write them: 2021-3-5, 2021/03/05, 2021.3.5, 2021年3月5日,
 * 20210305, optionally followed by a time (Excel exports 2021-03-05 00:00:00).
 * Excel date cells arrive already as YYYY-MM-DD from the reader.
 */
import { isRealDate } from './idcard.js';

const SEP = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The date as YYYY-MM-DD, or null when it is not a real date in one of the accepted forms. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  const m = SEP.exec(s) ?? CJK.exec(s) ?? COMPACT.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1800 || y > 2199 || !isRealDate(y, mo, d)) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
