/**
 * Turning what was read from a filled record sheet or a results-table row
 * into an InspectionResult, or into Issues naming the file and cell. Pure:
 * the reader (src/io/read-sheet.ts, the table reader) hands in raw cells with
 * their positions; the store decides nothing here.
 *
 * Rules (SPEC "Inspection record sheets and results", issue #5):
 * - the draw must be in the ledger, the entity one that draw selected;
 * - codes 1–10 only, several separated by `,` `，` `、`; text mixed in is refused;
 * - every department row must be filled: a joint inspection whose second
 *   department row is empty is refused (a partial result would count as
 *   done in `ssj status` and the monthly form, and could then only change
 *   with --replace);
 * - the inspection date is required, not before the draw date, not after today.
 */
import { canonicalJson, sha256Hex } from './hash.js';
import { MEASURES, parseFollowUp, type FollowUp, type FollowUpCells } from './follow-up.js';
import { cellText, headerKey, normKey, trimText } from './normalize.js';
import { recordSheetModel, type SheetDepartment } from './record-sheet.js';
import { parseCodes, parseDate, sameDepartment, splitDepartmentCodes } from './result-parse.js';
import type { AmendmentRecord, DepartmentResult, DrawRecord, InspectionResult, Issue, IssueParams } from './types.js';
import { issue, type IssueCode } from './issue-codes.js';

/** A cell as read, with its position as Excel shows it (null position: not in the file at all). */
export interface RawCell {
  value: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
}

/** One inspection as read from a file, before any check. */
export interface RawInspection {
  file: string;
  form: 'sheet' | 'table';
  drawId: RawCell;
  entity: RawCell;
  /** A sheet's 名称 cell (ssj_entity_name), checked against the entity the code names; null when absent. */
  entityName?: RawCell | null;
  date: RawCell;
  /** A sheet: one cell per department row, in the sheet's order. A table: the one 检查结果 cell. */
  codes: RawCell[];
  handling: RawCell;
  remarks: RawCell;
  pubDate: RawCell;
  pubSite: RawCell;
  /** 后续处置 cells (results tables with those optional columns); absent on record sheets. */
  followUp?: Record<keyof FollowUpCells, RawCell>;
}

export interface DrawIndex {
  draws: Map<string, { draw: DrawRecord; amendments: AmendmentRecord[] }>;
  /** entity key (also its USCC and 医保编码, normalised) → ids of the draws that selected it */
  selectedIn: Map<string, string[]>;
}

export function indexDraws(draws: readonly DrawRecord[], amendments: readonly AmendmentRecord[]): DrawIndex {
  const index: DrawIndex = { draws: new Map(), selectedIn: new Map() };
  for (const d of draws) {
    index.draws.set(d.drawId, { draw: d, amendments: amendments.filter((a) => a.amends === d.drawId) });
    for (const e of d.selected) {
      for (const k of new Set([e.key, normKey(e.uscc), normKey(e.ybbm)])) {
        if (k === '') continue;
        const ids = index.selectedIn.get(k) ?? [];
        if (!ids.includes(d.drawId)) ids.push(d.drawId);
        index.selectedIn.set(k, ids);
      }
    }
  }
  return index;
}

export const emptyCell = (): RawCell => ({ value: '', sheet: null, row: null, column: null, cell: null });

/** An issue of a results file at a cell (issue catalogue, position kind `result`). */
export function cellIssue(code: IssueCode, file: string, at: RawCell, params: IssueParams = {}): Issue {
  return issue(code, { file, sheet: at.sheet, row: at.row, column: at.column, cell: at.cell, value: at.value === '' ? null : at.value }, params);
}

export interface CheckedInspection {
  result: InspectionResult | null;
  issues: Issue[];
  /** The cell to name when this inspection conflicts with a stored one. */
  anchor: RawCell;
}

type Content = Omit<InspectionResult, 'source' | 'contentSha256'>;

/** SHA-256 over the content fields (not `source`): what "the same content" means. */
export function resultContentSha256(r: Content): string {
  const { format, drawId, entity, inspectionDate, departments, handling, remarks, publication, followUp } = r;
  // followUp only when present (canonicalJson leaves out undefined): results without one hash as before.
  return sha256Hex(canonicalJson({ format, drawId, entity, inspectionDate, departments, handling, remarks, publication, followUp }));
}

function checkDraw(raw: RawInspection, index: DrawIndex, issues: Issue[]): { draw: DrawRecord; amendments: AmendmentRecord[] } | null {
  const id = cellText(raw.drawId.value);
  if (id === '') {
    issues.push(cellIssue('draw-missing', raw.file, raw.drawId));
    return null;
  }
  const found = index.draws.get(id);
  if (!found) issues.push(cellIssue('unknown-draw', raw.file, raw.drawId, { id }));
  return found ?? null;
}

function checkEntity(raw: RawInspection, draw: DrawRecord, index: DrawIndex, issues: Issue[]): string | null {
  const k = normKey(raw.entity.value);
  if (k === '') {
    issues.push(cellIssue('entity-missing', raw.file, raw.entity));
    return null;
  }
  const e = draw.selected.find((s) => s.key === k || normKey(s.uscc) === k || normKey(s.ybbm) === k);
  if (e) {
    // A sheet copied for another entity with only the name changed would file its result under the wrong code.
    const named = raw.entityName;
    if (named && cellText(named.value) !== '' && headerKey(named.value) !== headerKey(e.name)) {
      issues.push(cellIssue('entity-name-mismatch', raw.file, named, { name: cellText(named.value), expected: e.name, key: e.key, codeCell: raw.entity.cell ?? '' }));
      return null;
    }
    return e.key;
  }
  const others = index.selectedIn.get(k);
  if (others && others.length > 0) issues.push(cellIssue('not-selected', raw.file, raw.entity, { key: k, id: draw.drawId, draws: others.join('、') }));
  else issues.push(cellIssue('unknown-entity', raw.file, raw.entity, { key: k, id: draw.drawId }));
  return null;
}

function checkDate(raw: RawInspection, drawDate: string, today: string, issues: Issue[]): string | null {
  if (cellText(raw.date.value) === '') {
    issues.push(cellIssue('date-missing', raw.file, raw.date));
    return null;
  }
  const d = parseDate(raw.date.value);
  if (d === null) issues.push(cellIssue('date-bad', raw.file, raw.date));
  else if (d < drawDate) issues.push(cellIssue('date-before-draw', raw.file, raw.date, { date: d, drawDate }));
  else if (d > today) issues.push(cellIssue('date-future', raw.file, raw.date, { date: d, today }));
  else return d;
  return null;
}

function codesOf(file: string, at: RawCell, text: string, issues: Issue[]): number[] | null {
  const p = parseCodes(text);
  if (p.ok) return p.codes;
  issues.push(cellIssue(p.problem === 'codes-empty' ? 'codes-missing' : p.problem, file, at, { part: p.part }));
  return null;
}

/** A sheet: one code cell per department row, in order; all rows filled. */
function sheetCodes(raw: RawInspection, deps: SheetDepartment[], issues: Issue[]): DepartmentResult[] | null {
  const first = raw.codes[0] ?? emptyCell();
  if (raw.codes.length !== deps.length) {
    issues.push(cellIssue('sheet-departments', raw.file, first, { found: raw.codes.length, expected: deps.length }));
    return null;
  }
  if (raw.codes.every((c) => cellText(c.value) === '')) {
    issues.push(cellIssue('codes-missing', raw.file, first));
    return null;
  }
  const out: DepartmentResult[] = [];
  raw.codes.forEach((c, i) => {
    const d = deps[i] as SheetDepartment;
    if (cellText(c.value) === '') {
      issues.push(cellIssue('codes-department-missing', raw.file, c, { department: d.label }));
      return;
    }
    const codes = codesOf(raw.file, c, c.value, issues);
    if (codes) out.push({ department: d.department || d.label, codes });
  });
  return out.length === deps.length ? out : null;
}

/** A table: `5,8` for a one-department inspection, `医疗保障局:5；市场监督管理局:9` for a joint one. */
function tableCodes(raw: RawInspection, deps: SheetDepartment[], issues: Issue[]): DepartmentResult[] | null {
  const at = raw.codes[0] ?? emptyCell();
  const labels = deps.map((d) => d.label).join('、');
  if (cellText(at.value) === '') {
    issues.push(cellIssue('codes-missing', raw.file, at));
    return null;
  }
  const parts = splitDepartmentCodes(at.value);
  if (parts === null) {
    if (deps.length > 1) {
      issues.push(cellIssue('codes-ambiguous', raw.file, at, { departments: labels }));
      return null;
    }
    const codes = codesOf(raw.file, at, at.value, issues);
    const d = deps[0] as SheetDepartment;
    return codes ? [{ department: d.department || d.label, codes }] : null;
  }
  const byDep = new Map<SheetDepartment, number[]>();
  let bad = false;
  for (const part of parts) {
    const d = deps.find((x) => sameDepartment(part.department, x.department || x.label) || sameDepartment(part.department, x.label));
    if (!d) {
      issues.push(cellIssue('codes-department-unknown', raw.file, at, { department: part.department, departments: labels }));
      bad = true;
      continue;
    }
    const codes = codesOf(raw.file, at, part.codes, issues);
    if (!codes) bad = true;
    else byDep.set(d, [...new Set([...(byDep.get(d) ?? []), ...codes])].sort((a, b) => a - b));
  }
  for (const d of deps) {
    if (!byDep.has(d) && !bad) issues.push(cellIssue('codes-department-missing', raw.file, at, { department: d.label }));
  }
  if (bad || byDep.size !== deps.length) return null;
  return deps.map((d) => ({ department: d.department || d.label, codes: byDep.get(d) as number[] }));
}

function checkPublication(raw: RawInspection, inspection: string | null, today: string, issues: Issue[]): InspectionResult['publication'] {
  const site = cellText(raw.pubSite.value);
  if (cellText(raw.pubDate.value) === '') {
    if (site !== '') issues.push(cellIssue('pubdate-missing', raw.file, raw.pubDate.cell ? raw.pubDate : raw.pubSite));
    return null;
  }
  const d = parseDate(raw.pubDate.value);
  if (d === null) issues.push(cellIssue('pubdate-bad', raw.file, raw.pubDate));
  else if (d > today) issues.push(cellIssue('pubdate-future', raw.file, raw.pubDate, { date: d, today }));
  else if (inspection !== null && d < inspection) issues.push(cellIssue('pubdate-before-inspection', raw.file, raw.pubDate, { date: d, inspection }));
  else return { date: d, site };
  return null;
}

/** The 后续处置 columns of a table row, each problem an issue naming its cell. */
function checkFollowUp(raw: RawInspection, issues: Issue[]): FollowUp | undefined {
  const cells = raw.followUp;
  if (!cells) return undefined;
  const text = (k: keyof FollowUpCells) => trimText(cells[k].value);
  const out = parseFollowUp({ measure: text('measure'), amount: text('amount'), deadline: text('deadline'), recheckDate: text('recheckDate'), recheckOutcome: text('recheckOutcome'), closedDate: text('closedDate') });
  for (const p of out.problems) issues.push(cellIssue(p.code, raw.file, cells[p.field], { value: p.value, measures: MEASURES.join('、') }));
  return out.followUp;
}

/** Checks one read inspection against the ledger's draws; a result only when there is no error. */
export function checkInspection(raw: RawInspection, index: DrawIndex, today: string, importedAt: string): CheckedInspection {
  const issues: Issue[] = [];
  const anchor = raw.codes[0] ?? raw.date;
  const found = checkDraw(raw, index, issues);
  if (!found) return { result: null, issues, anchor };
  const { draw, amendments } = found;
  const entity = checkEntity(raw, draw, index, issues);
  const date = checkDate(raw, draw.drawDate, today, issues);
  const publication = checkPublication(raw, date, today, issues);
  if (entity === null) return { result: null, issues, anchor };
  const model = recordSheetModel(draw, amendments, entity);
  const deps = model?.departments ?? [];
  const departments = raw.form === 'sheet' ? sheetCodes(raw, deps, issues) : tableCodes(raw, deps, issues);
  const followUp = checkFollowUp(raw, issues);
  if (date === null || departments === null || issues.some((i) => i.severity === 'error')) return { result: null, issues, anchor };
  const content: Content = {
    format: 'ssj-result/1',
    drawId: draw.drawId,
    entity,
    inspectionDate: date,
    departments,
    handling: trimText(raw.handling.value), // published as written: ，（）： stay full-width
    remarks: trimText(raw.remarks.value),
    publication,
    ...(followUp ? { followUp } : {}),
  };
  const result: InspectionResult = {
    ...content,
    source: { file: raw.file, form: raw.form, importedAt },
    contentSha256: resultContentSha256(content),
  };
  return { result, issues, anchor };
}
