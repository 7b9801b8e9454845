/**
 * Text normalisation shared by readers, checks and the draw. Plain ASCII is
 * returned as is (NFKC cannot change it), which keeps million-row files fast.
 */

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** NFKC, skipping plain ASCII. */
export function nfkc(s: string): string {
  return ASCII.test(s) ? s : s.normalize('NFKC');
}

/** Free text as written (处理情况, 备注): only trimmed (full-width spaces too). */
export function trimText(s: string): string {
  return s.replace(/^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$/g, '');
}

/** A cell value: NFKC and trimmed (full-width spaces too). */
export function cellText(s: string): string {
  return trimText(nfkc(s));
}

/**
 * Printable ASCII but space, and CJK unified ideographs: no whitespace, and NFKC leaves every such
 * string as it is (no character of the set decomposes or composes) — most names and regions.
 */
export const STABLE_TEXT = /^[!-~\u4e00-\u9fff]*$/;

/** Header matching form: NFKC, every whitespace removed (`所在\n地区`, `联 系 人`). */
export function headerKey(s: string): string {
  return STABLE_TEXT.test(s) ? s : nfkc(s).replace(WS, '');
}

/** Characters that print as nothing: zero-width, soft hyphen, word joiner, bidi marks and controls, BOM. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The text without invisible characters (a U+200B inside an ID number would split it in two). */
export function stripInvisible(s: string): string {
  return ASCII.test(s) ? s : s.replace(INVISIBLE, '');
}

/**
 * Registry keys (USCC, 医保编码, 执法证号) — the one key form every registry,
 * recusal list and flag is compared in: NFKC (full-width letters and digits),
 * invisible characters and whitespace removed, 〇 (U+3007, typed for a zero)
 * read as 0, upper-case.
 */
export function normKey(s: string): string {
  return ASCII.test(s) ? s.replace(WS, '').toUpperCase() : stripInvisible(nfkc(s)).replace(WS, '').replace(/\u3007/g, '0').toUpperCase();
}

/** Splits lists such as 分类标注 or 执法区域 on 、,，;； and whitespace; empty parts dropped. */
export function splitList(s: string): string[] {
  return nfkc(s)
    .split(/[、,，;；\s\u3000]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Compares by UTF-16 code units, as the algorithm requires (not locale order). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
