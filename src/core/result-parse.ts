/**
 * Parsing what inspectors write in a record sheet or results table: result
 * codes (`1`, `5,8`, `5、8`, `5，8`, a joint inspection's
 * `医疗保障局:5；市场监督管理局:9`) and dates (`2024-06-05`, `2024/6/5`,
 * `2024.6.5`, `2024年6月5日`, an Excel serial). Pure.
 */
import { headerKey, nfkc } from './normalize.js';

export type CodesParse = { ok: true; codes: number[] } | { ok: false; problem: 'codes-empty' | 'codes-range' | 'codes-text'; part: string };

const CODE_SEP = /[,，、;；\s\u3000]+/;

/** Codes 1–10 separated by `,` `，` `、` (or spaces); sorted, duplicates dropped. */
export function parseCodes(text: string): CodesParse {
  const s = nfkc(text).trim();
  if (s === '') return { ok: false, problem: 'codes-empty', part: '' };
  const codes = new Set<number>();
  for (const part of s.split(CODE_SEP)) {
    if (part === '') continue;
    // Excel may hand back a number cell as "5" or "5.0"; anything else is text mixed in.
    const m = /^(\d{1,3})(?:\.0+)?$/.exec(part);
    if (!m) return { ok: false, problem: 'codes-text', part };
    const n = Number(m[1]);
    if (n < 1 || n > 10) return { ok: false, problem: 'codes-range', part };
    codes.add(n);
  }
  if (codes.size === 0) return { ok: false, problem: 'codes-empty', part: '' };
  return { ok: true, codes: [...codes].sort((a, b) => a - b) };
}

/** `部门:编号；部门:编号` parts, or null when the text names no department. */
export function splitDepartmentCodes(text: string): { department: string; codes: string }[] | null {
  const s = nfkc(text).trim();
  if (!/[:：]/.test(s)) return null;
  return s
    .split(/[;；\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.search(/[:：]/);
      return i < 0 ? { department: '', codes: p } : { department: p.slice(0, i).trim(), codes: p.slice(i + 1).trim() };
    });
}

/** Does a written department name mean this sheet department? Exact after normalising, or one contains the other. */
export function sameDepartment(written: string, department: string): boolean {
  const a = headerKey(written);
  const b = headerKey(department);
  if (a === '' || b === '') return false;
  return a === b || a.includes(b) || b.includes(a);
}

const pad = (n: number) => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${y}-${pad(m)}-${pad(d)}`;
}

/** An Excel (1900 system) serial day number as YYYY-MM-DD; fractions (a time of day) are dropped. */
export function excelSerialToYmd(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const DATE_FORMS: RegExp[] = [
  // A time of day may follow (what a date-time cell turns into); nothing else — `2024-06-10 至 2024-06-12` is a range, below.
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A date as clerks write it, or an Excel serial; null when it is not a real calendar date. */
export function parseDate(text: string): string | null {
  const s = nfkc(text).trim();
  if (s === '') return null;
  // A range (检查 over several days): its last day is the 检查日期; a range ending before it starts is no date.
  const range = /^(.+?)\s*(?:至|到|~|—|–|--)\s*(.+)$/.exec(s);
  if (range) {
    const from = parseDate(range[1] as string);
    const to = parseDate(range[2] as string);
    return from !== null && to !== null && from <= to ? to : null;
  }
  for (const re of DATE_FORMS) {
    const m = re.exec(s);
    if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  // A bare number between 1955 and 2173 as a serial: what a date cell turns into when read as text.
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToYmd(Number(s));
  return null;
}
