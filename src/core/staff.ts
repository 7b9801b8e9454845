/**
 * ssj-draw/2 inspector attributes (docs/ALGORITHM.md "ssj-draw/2"): 业务专长
 * tags and the plan's 专长要求, 执法层级, 人员类别, 执法证有效期. Pure.
 */
import { parseDate } from './checks/dates.js';
import { headerKey, nfkc } from './normalize.js';
import type { Inspector, PlanRow, TeamGroup } from './types.js';

export type Category = '执法人员' | '专家' | '辅助人员';
export const EXTRA_CATEGORIES: ReadonlySet<string> = new Set(['专家', '辅助人员']);

/** 业务专长 → tags: split on 、,，;；/|｜ and whitespace after NFKC, normalised, empty parts dropped. */
export function tagsOf(text: string): string[] {
  return nfkc(text ?? '').split(/[、,，;；/|｜\s\u3000]+/).map(headerKey).filter((p) => p !== '');
}

/** 专长要求 → alternatives (order kept, duplicates dropped); `{error}` for a second requirement (；). */
export function parseExpertise(text: string): { alternatives: string[] } | { error: string } {
  const s = nfkc(text ?? '');
  if (/[;；]/.test(s.replace(/[;；\s]+$/, ''))) return { error: s.trim() };
  const out: string[] = [];
  for (const p of s.split(/[|｜、/,，或;；\s\u3000]+/).map(headerKey)) if (p !== '' && !out.includes(p)) out.push(p);
  return { alternatives: out };
}

/** Does an inspector's 业务专长 meet one of the alternatives (normalised equality)? */
export function meets(expertise: string, alternatives: readonly string[]): boolean {
  if (alternatives.length === 0) return true;
  const wanted = alternatives.map(headerKey);
  return tagsOf(expertise).some((t) => wanted.includes(t));
}

const LEVELS = new Map<string, string>([
  ['省', '省'], ['省级', '省'], ['市', '市'], ['市级', '市'], ['市本级', '市'],
  ['县', '县'], ['县级', '县'], ['区', '县'], ['区级', '县'], ['县区', '县'], ['区县', '县'], ['县(区)', '县'],
]);

/** 执法层级 → 省/市/县, "" when empty, null when not understood. */
export function levelValue(text: string): string | null {
  const s = headerKey(text ?? '');
  if (s === '') return '';
  return LEVELS.get(s) ?? null;
}

const CATEGORIES = new Map<string, Category>([
  ['执法人员', '执法人员'], ['执法', '执法人员'], ['行政执法人员', '执法人员'],
  ['专家', '专家'], ['辅助人员', '辅助人员'], ['辅助', '辅助人员'], ['第三方', '辅助人员'], ['第三方机构', '辅助人员'],
]);

/** 人员类别 → category; "" is 执法人员; null when not understood. */
export function categoryValue(text: string): Category | null {
  const s = headerKey(text ?? '');
  if (s === '') return '执法人员';
  return CATEGORIES.get(s) ?? null;
}

/** An inspector's category (unreadable values count as 执法人员; validation reports them). */
export const categoryOf = (i: Inspector): Category => categoryValue(i.category ?? '') ?? '执法人员';
export const levelOf = (i: Inspector): string => levelValue(i.level ?? '') ?? '';

/** A group whose department is exactly 专家 or 辅助人员 holds extra seats. */
export const isExtraGroup = (g: Pick<TeamGroup, 'department'>): boolean => EXTRA_CATEGORIES.has(headerKey(g.department));

export const licensedSeats = (groups: readonly TeamGroup[]): number => groups.filter((g) => !isExtraGroup(g)).reduce((s, g) => s + g.seats, 0);

/** Licence validity: from/until as YYYY-MM-DD or null (open). */
export interface Licence {
  from: string | null;
  until: string | null;
}

const RANGE_SEP = /[至到~～—–]/;
const HYPHENATED = /^(\d{4}-\d{1,2}-\d{1,2})-(\d{4}-\d{1,2}-\d{1,2})$/;

function half(s: string, end: boolean): string | null | undefined {
  if (s === '') return null;
  if (end && s === '长期') return null;
  return parseDate(s) ?? undefined;
}

/** 执法证有效期 → {from, until}; `undefined` when it cannot be read. Empty → no limit. */
export function parseLicence(text: string): Licence | undefined {
  const s = nfkc(text ?? '').replace(/[\s\u3000]+/g, '');
  if (s === '') return { from: null, until: null };
  const h = HYPHENATED.exec(s);
  const parts = h ? [h[1]!, h[2]!] : RANGE_SEP.test(s) ? [s.slice(0, s.search(RANGE_SEP)), s.slice(s.search(RANGE_SEP) + 1)] : null;
  if (!parts) {
    const until = parseDate(s);
    return until === null ? undefined : { from: null, until };
  }
  const from = half(parts[0]!, false);
  const until = half(parts[1]!, true);
  if (from === undefined || until === undefined) return undefined;
  return { from, until };
}

export type LicenceState = 'valid' | 'licence-expired' | 'licence-not-yet-valid';

export function licenceState(l: Licence, date: string): LicenceState {
  if (l.until !== null && l.until < date) return 'licence-expired';
  if (l.from !== null && l.from > date) return 'licence-not-yet-valid';
  return 'valid';
}

const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Calendar days from a to b (YYYY-MM-DD). */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

/** A valid licence ending within 30 days of the date (0 ≤ until − date ≤ 30). */
export function expiresSoon(l: Licence, date: string): boolean {
  if (l.until === null || licenceState(l, date) !== 'valid') return false;
  const d = daysBetween(date, l.until);
  return d >= 0 && d <= 30;
}

/** The row's expertise alternatives ([] when none) and level ("" when none). */
export const rowExpertise = (row: PlanRow): string[] => row.expertise ?? [];
export const rowLevel = (row: PlanRow): string => row.level ?? '';
