/** Codes that Excel turned into numbers and that lost digits (scientific notation). */

/** Fields holding codes or ID numbers: an Excel number there must be an exact integer below 1e15. */
export const CODE_FIELDS: ReadonlySet<string> = new Set(['uscc', 'ybbm', 'legal', 'license', 'drugLicense', 'entity']);

/** `4.10901E+17`, `4.10901198001011e+17`: text that shows digits were lost. */
const SCIENTIFIC = /(?:^|[^0-9A-Za-z.])\d(?:\.\d+)?E\+\d{1,3}(?![0-9A-Za-z])/i;

export function looksScientific(text: string): boolean {
  return text.includes('+') && SCIENTIFIC.test(text);
}

/**
 * Text for a number Excel stored: integers below 1e15 exactly (no exponent),
 * larger ones as Excel shows them (`4.10901E+17`) and flagged as lost.
 */
export function numberText(v: number): { text: string; lost: boolean } {
  if (!Number.isFinite(v)) return { text: String(v), lost: false };
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return { text: String(v), lost: false };
  if (Math.abs(v) >= 1e15) {
    const [mant, exp] = v.toExponential(5).split('e');
    const m = (mant ?? '').replace(/\.?0+$/, '');
    return { text: `${m}E+${(exp ?? '').replace('+', '')}`, lost: true };
  }
  return { text: String(v), lost: false };
}
