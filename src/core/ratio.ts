/**
 * 抽查比例 as clerks write it, and the exact sample size (SPEC draw step 5).
 * Percentages stay decimal strings; sizes use BigInt — never floating point.
 */
import { nfkc } from './normalize.js';
import type { CreditClassRatio, Ratio } from './types.js';

export type ParsedRatio = { ratio: Ratio; creditClasses: [] } | { ratio: null; creditClasses: CreditClassRatio[] };

/** `不低于0.5%` (Hongsipu) and `≥0.5%` name the ratio to apply: the minimum is what the draw takes. */
const AT_LEAST = /^(?:不低于|不少于|至少|最少|≥|>=)\s*/;
const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;
const COUNT = /^(\d+)\s*(?:家|户|个|所|间)$/;
/** `二成`, `2成` — tenths, as clerks sometimes write 20%. */
const TENTHS = /^(\d+|[一二两三四五六七八九十])\s*成$/;
const TENTH_DIGITS = '一二三四五六七八九十';
const AMOUNT = '(\\d+(?:\\.\\d+)?\\s*%|\\d+\\s*(?:家|户|个|所|间))';
/** `低(A、1%)`, `低风险(A类,1%)`, `(A:1%)`. */
const BRACKET = new RegExp(`([^()、,;/\\s]*?)\\(\\s*([A-Da-d])\\s*(?:类|级)?\\s*[、,:=]?\\s*${AMOUNT}\\s*\\)`, 'y');
/** `A:1%`, `A类1%`, `A级 1%`, `A=1%`, optionally after a label `低:A 1%` is not accepted. */
const PLAIN = new RegExp(`([A-Da-d])\\s*(?:类|级)?\\s*[:=]?\\s*${AMOUNT}`, 'y');
const SEPARATORS = /[、,;/\s]*/y;

/** "020.50" → "20.5"; "0.0" → "0". The canonical decimal form kept in plans and records. */
export function canonicalDecimal(s: string): string {
  const [intPart = '0', frac = ''] = s.split('.');
  const i = intPart.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f === '' ? i : `${i}.${f}`;
}

/** Parses one amount (`20%`, `0.5%`, `10家`); null when not understood or out of range (0 < p ≤ 100, c ≥ 1). */
export function parseAmount(text: string): Ratio | null {
  const s = nfkc(text).trim().replace(AT_LEAST, '');
  const p = PERCENT.exec(s);
  if (p) {
    const percent = canonicalDecimal(p[1]!);
    if (compareDecimal(percent, '0') <= 0 || compareDecimal(percent, '100') > 0) return null;
    return { kind: 'percent', percent };
  }
  const tenths = TENTHS.exec(s);
  if (tenths) {
    const d = tenths[1]!;
    const n = /^\d+$/.test(d) ? Number(d) : d === '两' ? 2 : TENTH_DIGITS.indexOf(d) + 1;
    return n >= 1 && n <= 10 ? { kind: 'percent', percent: String(n * 10) } : null;
  }
  const c = COUNT.exec(s);
  if (c) {
    const count = Number(c[1]);
    return Number.isSafeInteger(count) && count >= 1 ? { kind: 'count', count } : null;
  }
  return null;
}

function parseClasses(s: string): CreditClassRatio[] | null {
  const out: CreditClassRatio[] = [];
  let pos = 0;
  for (;;) {
    SEPARATORS.lastIndex = pos;
    SEPARATORS.exec(s);
    pos = SEPARATORS.lastIndex;
    if (pos >= s.length) break;
    BRACKET.lastIndex = pos;
    PLAIN.lastIndex = pos;
    const b = BRACKET.exec(s);
    const m = b ?? PLAIN.exec(s);
    if (!m) return null;
    const label = b ? b[1]!.trim() : '';
    const credit = (b ? b[2]! : m[1]!).toUpperCase();
    const ratio = parseAmount(b ? b[3]! : m[2]!);
    if (!ratio || out.some((c) => c.credit === credit)) return null;
    out.push({ label, credit, ratio });
    pos = b ? BRACKET.lastIndex : PLAIN.lastIndex;
  }
  return out.length > 0 ? out : null;
}

/**
 * A whole-row ratio or a per-credit-class split, as written (full width is
 * NFKC-folded first). Null when not understood: the caller reports plan-bad-ratio.
 */
export function parseRatio(text: string): ParsedRatio | null {
  const s = nfkc(text).trim();
  if (s === '') return null;
  const whole = parseAmount(s);
  if (whole) return { ratio: whole, creditClasses: [] };
  const classes = parseClasses(s);
  if (classes) return { ratio: null, creditClasses: classes };
  // The sentence a notice writes around it, pasted into the cell: 检查比例不低于0.5% (Hongsipu), 按照20%比例抽取,
  // 按…高(D、20%)信用风险市场主体的比例抽取 (Wugang). Only text that was not understood gets this second reading.
  const core = s.replace(LEAD, '').replace(TRAIL, '').trim();
  return core !== s && core !== '' ? parseRatio(core) : null;
}

const LEAD = /^(?:(?:检查|抽查)?比例\s*(?:为|是)?)?\s*(?:按照|按)?\s*/;
const TRAIL = /\s*(?:的)?(?:信用风险)?(?:市场主体|检查对象|对象|单位)?(?:的)?(?:比例)?\s*(?:随机)?(?:抽取|抽查|检查)?$/;

/** A decimal string as an integer numerator over 10^scale. */
function scaled(d: string): { num: bigint; scale: number } {
  const [i = '0', f = ''] = d.split('.');
  return { num: BigInt(i + f), scale: f.length };
}

export function compareDecimal(a: string, b: string): number {
  const x = scaled(a);
  const y = scaled(b);
  const s = Math.max(x.scale, y.scale);
  const xa = x.num * 10n ** BigInt(s - x.scale);
  const yb = y.num * 10n ** BigInt(s - y.scale);
  return xa < yb ? -1 : xa > yb ? 1 : 0;
}

/**
 * SPEC step 5: n = min(N, ceil(N × p)) for a percentage p, min(N, c) for a count.
 * With p = P / 10^s percent: ceil(N·P / (100·10^s)) in BigInt.
 */
export function sampleSize(eligible: number, ratio: Ratio): number {
  if (eligible <= 0) return 0;
  if (ratio.kind === 'count') return Math.min(eligible, ratio.count);
  const { num, scale } = scaled(ratio.percent);
  const numerator = BigInt(eligible) * num;
  const denominator = 100n * 10n ** BigInt(scale);
  const n = (numerator + denominator - 1n) / denominator;
  return Math.min(eligible, Number(n));
}

/** `20%`, `0.5%`, `10家` — how labels and sheets show a ratio. */
export function formatRatio(ratio: Ratio): string {
  return ratio.kind === 'percent' ? `${ratio.percent}%` : `${ratio.count}家`;
}
