/**
 * ssj-draw/2: inspections made outside ssj (`--prior-inspections`), counted
 * toward the yearly cap like ssj's own draws; 个案 rows never count
 * (docs/ALGORITHM.md "Prior inspections", decision D2-6). Pure.
 */
import { fieldText } from './checks/index.js';
import { parseDate } from './checks/dates.js';
import { placeOf } from './issues.js';
import { issue } from './issue-codes.js';
import { headerKey, normKey } from './normalize.js';
import { parseYesNo } from './plan-text.js';
import type { Entity, Issue, Table } from './types.js';

export interface PriorInspection {
  /** The row's non-empty codes (统一社会信用代码, 医保编码, 对象编码), normalised as keys. */
  codes: string[];
  date: string; // YYYY-MM-DD
  authority: string; // 实施机关
  type: string; // 类型
  individual: boolean; // 个案
}

export const inspectionLabel = (p: PriorInspection): string => `${p.date} ${headerKey(p.authority)} ${headerKey(p.type)}`;

/** The codes an entity is known by: key, 统一社会信用代码, 医保编码 (normalised, non-empty, distinct). */
export const codesOf = (e: Pick<Entity, 'key' | 'uscc' | 'ybbm'>): string[] =>
  [...new Set([e.key, normKey(e.uscc ?? ''), normKey(e.ybbm ?? '')])].filter((c) => c !== '');

/** Code → labels of the counted inspections in the draw year (one row counted once per entity: see labelsFor). */
export function inspectionIndex(rows: readonly PriorInspection[], drawDate: string): Map<string, number[]> {
  const year = drawDate.slice(0, 4);
  const m = new Map<string, number[]>();
  rows.forEach((p, i) => {
    if (p.individual || p.date.slice(0, 4) !== year) return;
    for (const c of new Set(p.codes.map(normKey))) {
      if (c === '') continue;
      const list = m.get(c);
      if (list) list.push(i);
      else m.set(c, [i]);
    }
  });
  return m;
}

/** The sorted labels of the rows counting toward an entity (a row matched by two of its codes counts once). */
export function labelsFor(e: Pick<Entity, 'key' | 'uscc' | 'ybbm'>, rows: readonly PriorInspection[], index: Map<string, number[]>): string[] {
  if (index.size === 0) return [];
  const hit = new Set<number>();
  for (const c of codesOf(e)) for (const i of index.get(c) ?? []) hit.add(i);
  return [...hit].map((i) => inspectionLabel(rows[i]!)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The `--prior-inspections` table (ssj-draw/2): rows with their codes, date, 实施机关, 类型 and 个案. */
export function parsePriorTable(tb: Table): { rows: PriorInspection[]; issues: Issue[] } {
  const issues: Issue[] = []; // the reader's own issues are the caller's to report
  const rows: PriorInspection[] = [];
  const codeFields = ['uscc', 'ybbm', 'code'].filter((f) => tb.fields.has(f));
  if (codeFields.length === 0) {
    issues.push(issue('missing-column', { file: tb.file, sheet: tb.sheet, row: tb.headerRow, column: '统一社会信用代码', cell: null, value: null }, { synonyms: '医保编码、对象编码', seen: tb.columns.map((c) => c.header).join('、') }));
    return { rows, issues };
  }
  for (const row of tb.rows) {
    const f = (field: string) => fieldText(tb, row, field);
    const codes = [...new Set(codeFields.map((c) => normKey(f(c))).filter((c) => c !== ''))];
    let ok = true;
    if (codes.length === 0) {
      issues.push(issue('missing-value', placeOf(tb, row, codeFields[0]!)));
      ok = false;
    }
    for (const field of ['date', 'authority', 'type']) {
      if (f(field) === '') {
        issues.push(issue('missing-value', placeOf(tb, row, field)));
        ok = false;
      }
    }
    const date = f('date') === '' ? null : parseDate(f('date'));
    if (f('date') !== '' && date === null) {
      issues.push(issue('bad-date', placeOf(tb, row, 'date')));
      ok = false;
    }
    const individual = parseYesNo(f('individual'));
    if (individual === null) {
      issues.push(issue('bad-enum', placeOf(tb, row, 'individual'), { allowed: '是、否' }));
      ok = false;
    }
    if (ok) rows.push({ codes, date: date!, authority: headerKey(f('authority')), type: headerKey(f('type')), individual: individual === true });
  }
  return { rows, issues };
}

export const priorContentRows = (rows: readonly PriorInspection[]): string[][] =>
  rows.map((p) => [p.codes.join('、'), p.date, p.authority, p.type, p.individual ? '是' : '否']);
