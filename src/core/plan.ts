/**
 * The plan (SPEC "The plan"): from a table in the Wugang 附件1 layout with
 * ssj's optional columns, or from JSON. Bad cells become issues naming the
 * cell, before any seed is used. Pure.
 */
import { plan as planSchema } from './schemas/plan.js';
import { nfkc } from './normalize.js';
import { parseSmallNumber, inferYear } from './plan-text.js';
import { isBlankPlanRow, parsePlanRow, planIssue, rowSources, type FieldPos, type PlanField, type RowSource } from './plan-row.js';
import type { Issue, Plan, PlanRow, Table, TableRow } from './types.js';

export { checkPlanAgainst, checkPlanYear } from './plan-check.js';

export const DEFAULT_MAX_PER_ENTITY = 2;

const labelOf = (field: string): string => planSchema.fields.find((f) => f.field === field)?.label ?? field;
const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

function tableSource(tbl: Table, r: TableRow): RowSource {
  return {
    file: tbl.file,
    sheet: tbl.sheet,
    row: r.row,
    text: (field) => {
      const col = tbl.fields.get(field);
      return col ? (r.cells[col.index] ?? '') : '';
    },
    pos: (field) => {
      const col = tbl.fields.get(field);
      return col ? { cell: `${col.letter}${r.row}`, column: col.header } : { cell: null, column: labelOf(field) };
    },
  };
}

interface MaxSetting {
  value: number | null;
  text: string;
  src: RowSource | null;
  field: PlanField;
}

/** The plan-level yearly cap: the first non-empty value; a different later value is an error. */
function collectMax(sources: { src: RowSource; field: PlanField; text: string }[], issues: Issue[]): number {
  let first: MaxSetting | null = null;
  for (const { src, field, text } of sources) {
    const s = nfkc(text).trim().replace(/(次|家次)$/, '');
    if (s === '') continue;
    const n = parseSmallNumber(s);
    if (n === null || n < 1) {
      issues.push(planIssue('plan-bad-max', src, src.pos(field), text, 'plan.badMax'));
      continue;
    }
    if (!first) first = { value: n, text, src, field };
    else if (first.value !== n) {
      const at = first.src?.pos(first.field);
      issues.push(planIssue('plan-max-conflict', src, src.pos(field), text, 'plan.maxConflict', { first: first.text, firstCell: at?.cell ?? at?.column ?? '' }));
    }
  }
  return first?.value ?? DEFAULT_MAX_PER_ENTITY;
}

/** 序号 must be unique (an empty one counts as the row's position). */
function duplicateSeq(sources: RowSource[], issues: Issue[]): boolean {
  const seen = new Set<number>();
  let dup = false;
  sources.forEach((src, i) => {
    const text = nfkc(src.text('seq')).replace(/\s+/g, '').replace(/[.、)]$/, '');
    const no = text === '' ? i + 1 : parseSmallNumber(text);
    if (no === null) return;
    if (seen.has(no)) {
      issues.push(planIssue('plan-duplicate-seq', src, src.pos('seq'), String(no), 'plan.duplicateSeq'));
      dup = true;
    }
    seen.add(no);
  });
  return dup;
}

function finish(title: string, file: string, sources: RowSource[], extraMax: { src: RowSource; field: PlanField; text: string }[], document: string, year: number | null, issues: Issue[]): { plan: Plan | null; issues: Issue[] } {
  const rows: PlanRow[] = [];
  let failed = false;
  const sourceList = sources.filter((s) => !isBlankPlanRow(s));
  sourceList.forEach((src, i) => {
    const row = parsePlanRow(src, i, issues);
    if (!row) failed = true;
    else {
      rowSources.set(row, src);
      rows.push(row);
    }
  });
  if (duplicateSeq(sourceList, issues)) failed = true;
  const maxSources = [...extraMax, ...sourceList.map((src) => ({ src, field: 'maxPerEntity' as PlanField, text: src.text('maxPerEntity') }))];
  const maxPerEntityPerYear = collectMax(maxSources, issues);
  if (sourceList.length === 0) {
    issues.push(planIssue('plan-empty', { file, sheet: null, row: null }, { cell: null, column: null }, null, 'plan.empty'));
  }
  const docs = sourceList.map((s) => nfkc(s.text('document')).trim()).filter((d) => d !== '');
  const hasError = failed || issues.some((i) => i.severity === 'error');
  if (hasError) return { plan: null, issues };
  return { plan: { title, year, document: document || (docs[0] ?? ''), maxPerEntityPerYear, rows, source: baseName(file) }, issues };
}

/** An 附件/附表 number alone on a row above the title. */
const ATTACHMENT_LABEL = /^(?:附件|附表)\s*[0-9一二三四五六七八九十]*\s*[:：]?$/;

/**
 * The plan's title as written above its header (`2024年度“双随机、一公开”抽查工作计划`):
 * the last row there that is more than an 附件 number; none when there is no such row.
 */
function titleRow(preamble: readonly string[]): string | undefined {
  return [...preamble].reverse().find((line) => !ATTACHMENT_LABEL.test(line));
}

/**
 * A plan from a table of role 'plan' (src/io/table.ts). The table's own
 * reader issues are not repeated (callers report Table.issues); when they
 * hold an error the plan is null.
 */
export function parsePlanTable(tbl: Table): { plan: Plan | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const missing = planSchema.fields.filter((f) => f.required && !tbl.fields.has(f.field) && f.field !== 'seq');
  for (const f of missing) {
    if (tbl.issues.some((i) => i.code === 'missing-column' && i.column === f.label)) continue;
    issues.push(planIssue('missing-column', { file: tbl.file, sheet: tbl.sheet, row: tbl.headerRow }, { cell: null, column: f.label }, null, 'plan.missingColumn', { column: f.label }));
  }
  if (missing.length > 0) return { plan: null, issues };
  const readerFailed = tbl.issues.some((i) => i.severity === 'error');
  const title = titleRow(tbl.preamble ?? []) ?? baseName(tbl.file).replace(/\.[^.]+$/, '');
  // The year is usually in the title row above the header (武冈市医疗保障局2024年…计划), else the file or sheet name.
  const year = inferYear(...(tbl.preamble ?? []), title, tbl.sheet ?? '');
  const out = finish(title, tbl.file, tbl.rows.map((r) => tableSource(tbl, r)), [], '', year, issues);
  return readerFailed ? { plan: null, issues: out.issues } : out;
}

// ---------------------------------------------------------------- JSON

const JSON_FIELDS = new Map<PlanField, string[]>([
  ['seq', ['no', 'seq']], ['item', ['item']], ['basis', ['basis']], ['method', ['method']], ['subject', ['subject']],
  ['objectType', ['objectType']], ['ratio', ['ratio']], ['frequency', ['frequency']], ['remarks', ['remarks']],
  ['filter', ['filter']], ['teamSize', ['teamSize']], ['teamGroups', ['teamGroups']], ['regionMatch', ['regionMatch']],
  ['maxPerEntity', ['maxPerEntityPerYear', 'maxPerEntity']], ['checkItems', ['checkItems']], ['document', ['document']],
  ['window', ['window']], ['materials', ['materials']],
  ['expertise', ['expertise']], ['level', ['level']],
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** A JSON value in the string form a clerk would write in the sheet. */
function jsonText(field: PlanField, v: unknown, o: Record<string, unknown>): string {
  if (v === undefined || v === null) {
    if (field === 'ratio' && Array.isArray(own(o, 'creditClasses'))) return jsonText('ratio', { classes: own(o, 'creditClasses') }, o);
    return '';
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return field === 'regionMatch' ? (v === true || v === 1 ? '是' : '否') : String(v);
  if (field === 'ratio' && isObject(v)) return ratioObjectText(v);
  if (field === 'expertise' && Array.isArray(v)) return v.map(String).join('|');
  if (field === 'filter' && Array.isArray(v)) {
    return v.map((c) => (isObject(c) ? `${String(own(c, 'field') ?? '')}=${Array.isArray(own(c, 'values')) ? (own(c, 'values') as unknown[]).map(String).join('、') : ''}` : String(c))).join('；');
  }
  if (field === 'teamGroups' && Array.isArray(v)) {
    if (v.length === 1 && isObject(v[0]) && own(v[0], 'department') === '') return '';
    return v.map((g) => (isObject(g) ? `${String(own(g, 'department') ?? '')}${String(own(g, 'seats') ?? '')}` : String(g))).join('+');
  }
  return JSON.stringify(v);
}

function ratioObjectText(v: Record<string, unknown>): string {
  const amount = (r: unknown): string => {
    if (typeof r === 'string') return r;
    if (!isObject(r)) return '?';
    if (own(r, 'kind') === 'percent') return `${String(own(r, 'percent'))}%`;
    if (own(r, 'kind') === 'count') return `${String(own(r, 'count'))}家`;
    return '?';
  };
  const classes = own(v, 'classes');
  if (Array.isArray(classes)) {
    return classes.map((c) => (isObject(c) ? `${String(own(c, 'label') ?? '')}(${String(own(c, 'credit') ?? '')}、${amount(own(c, 'ratio'))})` : '?')).join('、');
  }
  return amount(v);
}

function jsonSource(file: string, o: Record<string, unknown>, i: number): RowSource {
  const path = (field: PlanField): FieldPos => ({ cell: null, column: `rows[${i}].${JSON_FIELDS.get(field)![0]}` });
  const value = (field: PlanField): unknown => JSON_FIELDS.get(field)!.map((k) => own(o, k)).find((v) => v !== undefined);
  const checks = own(o, 'checkItems');
  return {
    file, sheet: null, row: i + 1,
    text: (field) => jsonText(field, value(field), o),
    pos: path,
    ...(Array.isArray(checks) ? { checkItems: checks.map((c) => String(c ?? '')) } : {}),
  };
}

/** A plan from parsed JSON (the Plan type's field names; clerk string forms accepted too). */
export function parsePlanJson(value: unknown, file: string): { plan: Plan | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = { file, sheet: null, row: null };
  const rows = isObject(value) ? own(value, 'rows') : undefined;
  if (!isObject(value) || !Array.isArray(rows) || rows.some((r) => !isObject(r))) {
    issues.push(planIssue('plan-bad-json', at, { cell: null, column: 'rows' }, null, 'plan.badJson'));
    return { plan: null, issues };
  }
  const title = typeof own(value, 'title') === 'string' ? String(own(value, 'title')) : baseName(file).replace(/\.[^.]+$/, '');
  const rawYear = own(value, 'year');
  const year = typeof rawYear === 'number' && Number.isInteger(rawYear) ? rawYear : inferYear(title, baseName(file));
  const document = typeof own(value, 'document') === 'string' ? String(own(value, 'document')) : '';
  const sources = (rows as Record<string, unknown>[]).map((r, i) => jsonSource(file, r, i));
  const planMax = own(value, 'maxPerEntityPerYear');
  const top: RowSource = { file, sheet: null, row: null, text: () => (planMax === undefined || planMax === null ? '' : String(planMax)), pos: () => ({ cell: null, column: 'maxPerEntityPerYear' }) };
  return finish(nfkc(title).trim(), file, sources, [{ src: top, field: 'maxPerEntity', text: top.text('maxPerEntity') }], nfkc(document).trim(), year, issues);
}

