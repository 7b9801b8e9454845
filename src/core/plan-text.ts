/**
 * Small parsers for the plan's cells, each returning null (or an error tag)
 * when the text is not understood; plan.ts turns failures into issues with
 * the cell. Inputs are NFKC-folded first (full-width digits, brackets, ；).
 */
import { headerKey, nfkc } from './normalize.js';
import { OBJECT_TYPES, type ObjectType, type TeamGroup } from './types.js';

const DIGITS = new Map<string, number>([
  ['零', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);

/** `2`, `二`, `两`, `十`, `十二`, `二十` → number; null otherwise. */
export function parseSmallNumber(text: string): number | null {
  const s = nfkc(text).trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const tens = m[2] ? (m[1] ? DIGITS.get(m[1])! : 1) : 0;
  if (!m[2]) return m[3] ? null : DIGITS.get(m[1]!)!;
  return tens * 10 + (m[3] ? DIGITS.get(m[3])! : 0);
}

const NUM = '(\\d+|[一二两三四五六七八九十]+)';

/**
 * 抽查频次 → planned draws per year: `每年2次` 2, `上半年、下半年各一次` 2,
 * `每年不少于1次` 1, `每季度一次` 4, `每月一次` 12, `每半年一次` 2, `1次/年` 1.
 * Null when not understood (the text is kept as written either way).
 */
export function parseFrequency(text: string): number | null {
  const s = headerKey(text);
  if (s === '') return null;
  const times = (re: RegExp): number | null => {
    const m = re.exec(s);
    return m ? parseSmallNumber(m[1]!) : null;
  };
  if (/上半年/.test(s) && /下半年/.test(s)) return 2 * (times(new RegExp(`各${NUM}次`)) ?? 1);
  const per: [RegExp, number][] = [
    [/每季度?|各季度|季度/, 4],
    [/每月|各月|月度/, 12],
    [/每半年|半年/, 2],
    [/每年|全年|年度|一年|\/年/, 1],
  ];
  for (const [re, factor] of per) {
    if (!re.test(s)) continue;
    const n = times(new RegExp(`(?:不少于|不低于|至少)?${NUM}次`));
    return n === null || n < 1 ? null : n * factor;
  }
  return null;
}

/** The directed-filter fields (SPEC "The plan"). */
export const FILTER_FIELDS: readonly string[] = ['所在地区', '性质', '类型', '等级', '分类标注', '险种'];

export type FilterParse = { filter: { field: string; values: string[] }[] } | { error: string };

/** `所在地区=华龙区、开发区；类型=专科` → [{field, values}]; `{error: part}` names the part not understood. */
export function parseFilter(text: string): FilterParse {
  const filter: { field: string; values: string[] }[] = [];
  for (const raw of nfkc(text).split(/[;；\n]+/)) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^([^=:]+)[=:](.*)$/.exec(part);
    const written = m ? headerKey(m[1]!) : '';
    const field = written === '参保地区' ? '所在地区' : written; // a 参保人's 所在地区 is its 参保地区 (ssj-draw/2)
    const values = m ? m[2]!.split(/[、/,，|]+/).map(headerKey).filter((v) => v !== '') : [];
    if (!FILTER_FIELDS.includes(field) || values.length === 0 || filter.some((f) => f.field === field)) {
      return { error: part };
    }
    filter.push({ field, values: [...new Set(values)] });
  }
  return { filter };
}

/** 检查组人数: `3`, `3人`, `三人` → 3; null when not a number. */
export function parseTeamSize(text: string): number | null {
  const s = headerKey(text).replace(/(人|名)$/, '');
  const n = parseSmallNumber(s);
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

/** 检查组构成: `医疗保障局2+市场监督管理局1` (also 、 or ＋, `2人`) → groups; `{error}` names the part. */
export function parseTeamGroups(text: string): { groups: TeamGroup[] } | { error: string } {
  const groups: TeamGroup[] = [];
  for (const raw of nfkc(text).split(/[+、,;；]+/)) {
    const part = headerKey(raw);
    if (part === '') continue;
    const m = /^(.*?)[:=]?(\d+|[一二两三四五六七八九十]+)(?:人|名)?$/.exec(part);
    const seats = m ? parseSmallNumber(m[2]!) : null;
    const department = m ? m[1]! : '';
    if (!m || department === '' || seats === null || seats < 1 || groups.some((g) => g.department === department)) {
      return { error: raw.trim() };
    }
    groups.push({ department, seats });
  }
  return groups.length > 0 ? { groups } : { error: text };
}

/** 是/否 (also Y/N, yes/no, true/false, 1/0, ✓/✗); "" → false; null when not understood. */
export function parseYesNo(text: string): boolean | null {
  const s = headerKey(text).toLowerCase();
  if (['', '否', '不', 'n', 'no', 'false', '0', '×', '✗'].includes(s)) return false;
  if (['是', 'y', 'yes', 'true', '1', '√', '✓'].includes(s)) return true;
  return null;
}

/** 抽查对象 → object type; accepts the short forms 医疗机构 / 零售药店 / 定点药店 / 药店. */
export function parseObjectType(text: string): ObjectType | null {
  const s = headerKey(text);
  if (s === '参保人' || s === '参保人员') return '参保人';
  if ((OBJECT_TYPES as readonly string[]).includes(s)) return s as ObjectType;
  const pharmacy = /药店/.test(s);
  const institution = /医疗机构|医院|卫生院/.test(s);
  if (pharmacy === institution) return null;
  return pharmacy ? '定点零售药店' : '定点医疗机构';
}

/**
 * 检查事项: `医疗保障局:…；市场监督管理局:…` → one text per team group, by
 * department (substring either way after normalisation). A text without a
 * department applies to every group; groups with none get `item`.
 * Returns the departments named that are not in the groups (reported as warnings).
 */
export function parseCheckItems(text: string, groups: TeamGroup[], item: string): { items: string[]; unmatched: string[] } {
  const entries: { dept: string; text: string }[] = [];
  for (const raw of nfkc(text).split(/[;；\n]+/)) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^([^:]{1,30}?):(.+)$/.exec(part);
    entries.push(m ? { dept: headerKey(m[1]!), text: m[2]!.trim() } : { dept: '', text: part });
  }
  const general = entries.find((e) => e.dept === '');
  const matches = (d: string, g: string) => g !== '' && (g.includes(d) || d.includes(g));
  const items = groups.map((g) => {
    const gk = headerKey(g.department);
    const hit = entries.find((e) => e.dept !== '' && matches(e.dept, gk));
    if (hit) return hit.text;
    if (general) return general.text;
    if (gk === '' && entries.length > 0) return entries.map((e) => e.text).join('；');
    return item;
  });
  const unmatched = entries
    .filter((e) => e.dept !== '' && !groups.some((g) => matches(e.dept, headerKey(g.department))))
    .filter(() => !(groups.length === 1 && groups[0]!.department === ''))
    .map((e) => e.dept);
  return { items, unmatched };
}

/** A 4-digit year in a title or file name (`2024年度…`, `2024年…`); null when none. */
export function inferYear(...texts: string[]): number | null {
  for (const t of texts) {
    const m = /(20\d\d)\s*年/.exec(nfkc(t));
    if (m) return Number(m[1]);
  }
  return null;
}
