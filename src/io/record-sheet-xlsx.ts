/**
 * One inspection record sheet as an .xlsx workbook, laid out as Wugang 附件2
 * (部门联合抽查检查情况记录表), columns A–E:
 *
 *   1  title (A:E)
 *   2  抽取编号 | <drawId> [ssj_draw_id] | 检查日期 | <date> (D:E) [ssj_inspection_date]
 *   3  执法检查人员 (A, down the block) | 单位 | 姓名 | 执法证号 (D:E)
 *   …  per department: its label (B, down its rows) | name | 执法证号 (D:E); ≥ 2 rows each, as the seed
 *   …  被检查对象 (A, 2 rows) | 名称 | <name> | 统一社会信用代码/注册号 | <code> [ssj_entity_key]
 *                             | 地址 | <address> | 法定代表人/负责人 | <legal rep>
 *   …  检查单位 | 检查事项 (B:C) | 检查结果 (D:E)
 *   …  per department: label | its 检查事项 (B:C) | <codes> (D:E) [ssj_result_codes, ssj_result_codes_<n>]
 *   …  备注 | <remarks> (B:E) [ssj_remarks]
 *   …  后续处置 (A, 3 rows) | 处置措施 | <measure> [ssj_fu_measure] | 追回金额（元） | <amount> [ssj_fu_amount]
 *                           | 整改期限 | [ssj_fu_deadline] | 复查日期 | [ssj_fu_recheck_date]
 *                           | 复查结果 | [ssj_fu_recheck_outcome] | 完结日期 | [ssj_fu_closed_date]
 *   …  被检查对象（签字/盖章） (3 rows) | (B:C) | 执法检查人员（签字/盖章） | (E)
 *   …  年 月 日 (A:C) | 年 月 日 (D:E)
 *   …  说明 (1)(2)(3) (A:E)
 *
 * Defined names (workbook scope): `ssj_result_codes` covers every result cell
 * (exceljs joins adjacent rows into one range, e.g. `'记录表'!$D$11:$D$12`);
 * `ssj_result_codes_1`, `_2`, … name each department row's cell on its own,
 * so a row a clerk inserts between two department rows cannot shift which
 * department a code belongs to. Readers prefer the numbered names.
 * `ssj_entity_name` (the 名称 cell) lets the import catch a sheet copied for
 * another entity whose code cell was not changed.
 */
import { targetLabelKey, type RecordSheetModel } from '../core/record-sheet.js';
import { tf } from '../i18n/index.js';
import { inertText } from '../core/text.js';
import { MEASURES } from '../core/follow-up.js';
import { ExcelJS, FONT, a4, newWorkbook, thinBorder } from './xlsx-write.js';

export const NAMES = {
  drawId: 'ssj_draw_id',
  entity: 'ssj_entity_key',
  entityName: 'ssj_entity_name',
  date: 'ssj_inspection_date',
  codes: 'ssj_result_codes',
  remarks: 'ssj_remarks',
} as const;

/** 后续处置 cells (optional; sheets printed before them have none and import as before). */
export const FOLLOW_UP_NAMES = {
  measure: 'ssj_fu_measure',
  amount: 'ssj_fu_amount',
  deadline: 'ssj_fu_deadline',
  recheckDate: 'ssj_fu_recheck_date',
  recheckOutcome: 'ssj_fu_recheck_outcome',
  closedDate: 'ssj_fu_closed_date',
} as const;
export type FollowUpField = keyof typeof FOLLOW_UP_NAMES;
const FOLLOW_UP_DATES: ReadonlySet<FollowUpField> = new Set(['deadline', 'recheckDate', 'closedDate']);
export const codeName = (i: number) => `${NAMES.codes}_${i + 1}`;

/** Where the fillable cells ended up (for tests and the HTML). */
export interface SheetLayout {
  drawId: string;
  date: string;
  entity: string;
  entityName: string;
  codes: string[];
  remarks: string;
  /** The 后续处置 value cells. */
  followUp: Partial<Record<FollowUpField, string>>;
  lastRow: number;
}

const CODE_LIST = '"1,2,3,4,5,6,7,8,9,10"';

/** What the layout uses of a cell, a sheet and a workbook: exceljs's, or the recorder in record-sheet-xml.ts that writes the same parts without loading exceljs. */
export interface LayoutCell {
  value: ExcelJS.CellValue;
  font: Partial<ExcelJS.Font>;
  alignment: Partial<ExcelJS.Alignment>;
  border: Partial<ExcelJS.Borders>;
  numFmt: string;
  dataValidation: ExcelJS.DataValidation;
  readonly row: number | string;
  readonly col: number | string;
}
export interface LayoutSheet {
  mergeCells(range: string): void;
  getCell(r: number | string, c?: number | string): LayoutCell;
  getRow(r: number): { height: number };
  columns: { width?: number }[];
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
}
export interface LayoutBook {
  addWorksheet(name: string): LayoutSheet;
  definedNames: { add(locStr: string, name: string): void };
}

type Sheet = LayoutSheet;

function put(ws: Sheet, range: string, value: string, style: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right'; border?: boolean } = {}): void {
  const [first] = range.split(':') as [string];
  if (range.includes(':')) ws.mergeCells(range);
  const cell = ws.getCell(first);
  cell.value = value === '' ? null : inertText(value);
  cell.font = { name: FONT, size: style.size ?? 11, bold: Boolean(style.bold) };
  cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
  if (style.border !== false) {
    // Every cell of a merged range needs the border, or Excel draws gaps.
    const [a, b] = range.split(':') as [string, string | undefined];
    const from = ws.getCell(a);
    const to = ws.getCell(b ?? a);
    for (let r = Number(from.row); r <= Number(to.row); r++) {
      for (let c = Number(from.col); c <= Number(to.col); c++) ws.getCell(r, c).border = thinBorder();
    }
  }
}

const abs = (sheet: string, addr: string) => `'${sheet.replace(/'/g, "''")}'!${addr.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`;

function inspectorRows(ws: Sheet, m: RecordSheetModel, top: number): number {
  put(ws, `B${top}`, tf('results.sheet.unit'), { bold: true });
  put(ws, `C${top}`, tf('results.sheet.person'), { bold: true });
  put(ws, `D${top}:E${top}`, tf('results.sheet.cert'), { bold: true });
  let r = top + 1;
  for (const d of m.departments) {
    const n = Math.max(2, d.members.length);
    put(ws, n > 1 ? `B${r}:B${r + n - 1}` : `B${r}`, d.label);
    for (let i = 0; i < n; i++) {
      const member = d.members[i];
      const name = member ? member.name + (member.role === '组长' ? tf('results.sheet.leader') : '') : '';
      put(ws, `C${r + i}`, name);
      put(ws, `D${r + i}:E${r + i}`, member?.key ?? '');
      ws.getRow(r + i).height = 22;
    }
    r += n;
  }
  put(ws, `A${top}:A${r - 1}`, tf('results.sheet.inspectors'), { bold: true });
  return r;
}

function targetRows(ws: Sheet, m: RecordSheetModel, r: number, layout: SheetLayout): number {
  put(ws, `A${r}:A${r + 1}`, tf('results.sheet.target'), { bold: true });
  put(ws, `B${r}`, tf(targetLabelKey(m, 'entityName')), { bold: true });
  put(ws, `C${r}`, m.entity.name, { align: 'left' });
  layout.entityName = `C${r}`;
  put(ws, `D${r}`, tf(targetLabelKey(m, 'code')), { bold: true });
  put(ws, `E${r}`, m.code, { align: 'left' });
  layout.entity = `E${r}`;
  put(ws, `B${r + 1}`, tf(targetLabelKey(m, 'address')), { bold: true });
  put(ws, `C${r + 1}`, m.entity.address, { align: 'left' });
  put(ws, `D${r + 1}`, tf(targetLabelKey(m, 'legal')), { bold: true });
  put(ws, `E${r + 1}`, m.entity.legalRepresentative, { align: 'left' });
  ws.getRow(r).height = 36;
  ws.getRow(r + 1).height = 36;
  return r + 2;
}

function resultRows(ws: Sheet, m: RecordSheetModel, r: number, layout: SheetLayout): number {
  put(ws, `A${r}`, tf('results.sheet.checkUnit'), { bold: true });
  put(ws, `B${r}:C${r}`, tf('results.sheet.checkItem'), { bold: true });
  put(ws, `D${r}:E${r}`, tf('results.sheet.checkResult'), { bold: true });
  r += 1;
  for (const d of m.departments) {
    put(ws, `A${r}`, d.label);
    put(ws, `B${r}:C${r}`, d.checkItem, { align: 'left' });
    put(ws, `D${r}:E${r}`, '');
    const cell = ws.getCell(`D${r}`);
    cell.numFmt = '@'; // "5,8" stays text, never a number
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [CODE_LIST],
      showErrorMessage: false, // a drop-down for one code, and typing 5,8 still allowed
      showInputMessage: true,
      promptTitle: tf('results.sheet.codePromptTitle'),
      prompt: tf('results.sheet.codePrompt'),
    };
    layout.codes.push(`D${r}`);
    ws.getRow(r).height = 40;
    r += 1;
  }
  return r;
}

/**
 * 后续处置 (optional): 处置措施 (a drop-down of the measures, typing allowed) | 追回金额（元）, 整改期限 | 复查日期,
 * 复查结果 | 完结日期 — three rows under 备注, named ssj_fu_* for the import.
 */
function followUpRows(ws: Sheet, r: number, layout: SheetLayout): number {
  const pairs: [FollowUpField, FollowUpField][] = [['measure', 'amount'], ['deadline', 'recheckDate'], ['recheckOutcome', 'closedDate']];
  put(ws, `A${r}:A${r + 2}`, tf('followup.sheet.block'), { bold: true });
  pairs.forEach((pair, i) => {
    pair.forEach((field, j) => {
      const [label, value] = j === 0 ? ['B', 'C'] : ['D', 'E'];
      put(ws, `${label}${r + i}`, tf(`followup.sheet.${field}`), { bold: true });
      put(ws, `${value}${r + i}`, '', { align: 'left' });
      const cell = ws.getCell(`${value}${r + i}`);
      cell.numFmt = FOLLOW_UP_DATES.has(field) ? 'yyyy-mm-dd' : '@';
      layout.followUp[field] = `${value}${r + i}`;
    });
    ws.getRow(r + i).height = 22;
  });
  ws.getCell(`C${r}`).dataValidation = {
    type: 'list', allowBlank: true, formulae: [`"${MEASURES.join(',')}"`], showErrorMessage: false,
    showInputMessage: true, promptTitle: tf('followup.sheet.measurePromptTitle'), prompt: tf('followup.sheet.measurePrompt'),
  };
  return r + 3;
}

function signatureRows(ws: Sheet, r: number): number {
  put(ws, `A${r}:A${r + 2}`, tf('results.sheet.signEntity'), { bold: true });
  put(ws, `B${r}:C${r + 2}`, '');
  put(ws, `D${r}:D${r + 2}`, tf('results.sheet.signInspectors'), { bold: true });
  put(ws, `E${r}:E${r + 2}`, '');
  for (let i = 0; i < 3; i++) ws.getRow(r + i).height = 24;
  put(ws, `A${r + 3}:C${r + 3}`, tf('results.sheet.dateLine'), { align: 'right' });
  put(ws, `D${r + 3}:E${r + 3}`, tf('results.sheet.dateLine'), { align: 'right' });
  ws.getRow(r + 3).height = 24;
  return r + 4;
}

/**
 * A4 portrait as the HTML sheet prints (@page margin 15mm 12mm): columns
 * as wide as the printable width (Excel width w ≈ 7w + 5 px at 96 dpi, the
 * HTML's 14/16/26/18/26 %), fit to one page wide; every row given its
 * height and the table's rows (not the title nor the legend) stretched alike
 * until the sheet fills the page's printable height, as the HTML's does, and
 * kept to that one page (fitToHeight 1: a renderer rounding rows up shrinks
 * it a little rather than spill the legend). A team too large for one page
 * keeps its heights and runs on (fitToHeight 0: never shrunk unreadable). The print area is absolute ($A$1:$E$n; exceljs
 * prefixes each end with $, so `A$1:E$n`), so a clerk's inserted row widens it.
 */
export const PAGE = {
  /** Inches, as exceljs takes them: 12 mm sides, 15 mm top and bottom. */
  margins: { left: 0.47, right: 0.47, top: 0.59, bottom: 0.59, header: 0.3, footer: 0.3 },
  widths: [13.5, 15.5, 25, 17.5, 25],
  /** A4 is 11.69 in high: the printable height in points, less a little for the footer's line. */
  fillPoints: (11.69 - 0.59 - 0.59) * 72 - 20,
} as const;

const DEFAULT_ROW_PT = 15;

function fillPage(ws: Sheet, lastRow: number): void {
  const heights = Array.from({ length: lastRow }, (_, i) => ws.getRow(i + 1).height ?? DEFAULT_ROW_PT);
  const total = heights.reduce((a, b) => a + b, 0);
  a4(ws, { fitToWidth: true });
  ws.pageSetup.fitToHeight = total <= PAGE.fillPoints ? 1 : 0;
  ws.pageSetup.margins = { ...PAGE.margins };
  ws.pageSetup.printArea = `A$1:E$${lastRow}`;
  const fixed = (heights[0] ?? 0) + (heights[lastRow - 1] ?? 0);
  const factor = total < PAGE.fillPoints ? (PAGE.fillPoints - fixed) / (total - fixed) : 1;
  for (let r = 1; r <= lastRow; r++) {
    const h = heights[r - 1] ?? DEFAULT_ROW_PT;
    ws.getRow(r).height = r === 1 || r === lastRow ? h : Math.floor(h * factor * 4) / 4;
  }
}

/** Builds the workbook for one entity (on exceljs's, unless another is given); returns it with the fillable cells' addresses. */
export function buildRecordSheet(m: RecordSheetModel): { wb: ExcelJS.Workbook; layout: SheetLayout };
export function buildRecordSheet<B extends LayoutBook>(m: RecordSheetModel, wb: B): { wb: B; layout: SheetLayout };
export function buildRecordSheet(m: RecordSheetModel, wb: LayoutBook = newWorkbook()): { wb: LayoutBook; layout: SheetLayout } {
  const name = tf('results.sheet.name');
  const ws = wb.addWorksheet(name);
  ws.columns = PAGE.widths.map((width) => ({ width }));
  const layout: SheetLayout = { drawId: 'B2', date: 'D2', entity: '', entityName: '', codes: [], remarks: '', followUp: {}, lastRow: 0 };

  put(ws, 'A1:E1', tf(targetLabelKey(m, 'title')), { bold: true, size: 16, border: false });
  ws.getRow(1).height = 40;
  put(ws, 'A2', tf('results.sheet.drawId'), { bold: true });
  put(ws, 'B2', m.drawId);
  put(ws, 'C2', tf('results.sheet.date'), { bold: true });
  put(ws, 'D2:E2', '');
  ws.getCell('D2').numFmt = 'yyyy-mm-dd';
  // A hint when the cell is selected (any date form is accepted and checked on import: nothing refused here).
  ws.getCell('D2').dataValidation = {
    type: 'custom', allowBlank: true, formulae: ['TRUE'], showErrorMessage: false, showInputMessage: true,
    promptTitle: tf('results.sheet.datePromptTitle'), prompt: tf('results.sheet.datePrompt'),
  };
  ws.getRow(2).height = 24;

  let r = inspectorRows(ws, m, 3);
  r = targetRows(ws, m, r, layout);
  r = resultRows(ws, m, r, layout);
  put(ws, `A${r}`, tf('results.sheet.remarks'), { bold: true });
  put(ws, `B${r}:E${r}`, '', { align: 'left' });
  layout.remarks = `B${r}`;
  ws.getRow(r).height = 60;
  r = followUpRows(ws, r + 1, layout);
  r = signatureRows(ws, r);
  put(ws, `A${r}:E${r}`, tf('results.sheet.legend'), { size: 9, align: 'left', border: false });
  ws.getCell(`A${r}`).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  ws.getRow(r).height = 78;
  layout.lastRow = r;

  wb.definedNames.add(abs(name, layout.drawId), NAMES.drawId);
  wb.definedNames.add(abs(name, layout.date), NAMES.date);
  wb.definedNames.add(abs(name, layout.entity), NAMES.entity);
  wb.definedNames.add(abs(name, layout.entityName), NAMES.entityName);
  wb.definedNames.add(abs(name, layout.remarks), NAMES.remarks);
  for (const [field, addr] of Object.entries(layout.followUp) as [FollowUpField, string][]) wb.definedNames.add(abs(name, addr), FOLLOW_UP_NAMES[field]);
  layout.codes.forEach((addr, i) => {
    wb.definedNames.add(abs(name, addr), NAMES.codes);
    wb.definedNames.add(abs(name, addr), codeName(i));
  });

  fillPage(ws, layout.lastRow);
  ws.headerFooter.oddFooter = `&C${tf('results.sheet.footer', { id: m.drawId, order: m.entity.order, key: m.entity.key }).replace(/&/g, '&&')}`;
  return { wb, layout };
}
