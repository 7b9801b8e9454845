/**
 * The monthly report workbook (exceljs): 附件2 and 附件3 laid out as the
 * Tangshan seed forms, A4 landscape, fitted to the page width. A hidden
 * sheet `_ssj` keeps each 附件3 row's population so that `--combine` can
 * recompute the ratio. Reading back (for --combine) is in report-read.ts.
 */
import type ExcelJS from 'exceljs';
import { t, tf, getFormLang, type Lang, type MsgKey } from '../i18n/index.js';
import { levelWord, type FormPlace } from '../core/settings.js';
import type { MonthlyForm } from '../core/report.js';
import { FORM3_FIELDS, NUMERIC_FIELDS, type Form3Row } from '../core/report-form3.js';
import { inertText } from '../core/text.js';
import { a4, FONT, HEADER_STYLE, newWorkbook, thinBorder, workbookBytesNative } from './xlsx-write.js';

export const DATA_SHEET = '_ssj';
export const DATA_FORMAT = 'ssj-report/1';

/** 附件3's three header rows (rows 3–5): merges and their labels. */
export const FORM3_HEADER: { range: string; key: MsgKey }[] = [
  { range: 'A3:A5', key: 'report.f3.no' },
  { range: 'B3:B5', key: 'report.f3.unit' },
  { range: 'C3:D3', key: 'report.f3.gMeeting' },
  { range: 'C4:C5', key: 'report.f3.meetingName' },
  { range: 'D4:D5', key: 'report.f3.meetingDate' },
  { range: 'E3:F3', key: 'report.f3.gDocument' },
  { range: 'E4:E5', key: 'report.f3.docName' },
  { range: 'F4:F5', key: 'report.f3.docNumber' },
  { range: 'G3:H3', key: 'report.f3.gTraining' },
  { range: 'G4:G5', key: 'report.f3.trainings' },
  { range: 'H4:H5', key: 'report.f3.trainees' },
  { range: 'I3:U3', key: 'report.f3.gCity' },
  { range: 'I4:O4', key: 'report.f3.gPlan' },
  { range: 'I5', key: 'report.f3.items' },
  { range: 'J5', key: 'report.f3.selected' },
  { range: 'K5', key: 'report.f3.ratio' },
  { range: 'L5', key: 'report.f3.found' },
  { range: 'M5', key: 'report.f3.published' },
  { range: 'N5', key: 'report.f3.sites' },
  { range: 'O5', key: 'report.f3.documents' },
  { range: 'P4:U4', key: 'report.f3.gJoint' },
  { range: 'P5', key: 'report.f3.lead' },
  { range: 'Q5', key: 'report.f3.participants' },
  { range: 'R5', key: 'report.f3.jointSelected' },
  { range: 'S5', key: 'report.f3.found' },
  { range: 'T5', key: 'report.f3.published' },
  { range: 'U5', key: 'report.f3.documents' },
];
export const FORM3_FIRST_DATA_ROW = 6;
const FORM3_WIDTHS = [5, 16, 16, 11, 16, 14, 8, 9, 7, 7, 8, 9, 7, 14, 16, 11, 14, 7, 9, 7, 16];

/** The place words a form's titles and headers take ({region}, {level}) in the form's language. */
export function placeParams(place: FormPlace, lang: Lang = getFormLang()): { region: string; level: string } {
  return { region: place.region, level: levelWord(place.level, lang) };
}

/** A title or header with the place filled in (an unknown place leaves no stray space). */
export const placed = (key: MsgKey, place: FormPlace, extra: Record<string, string> = {}, lang?: Lang): string =>
  t(key, { ...placeParams(place, lang), ...extra }, lang ?? getFormLang()).trim();

const BODY: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10 },
  alignment: { vertical: 'middle', wrapText: true },
  border: thinBorder(),
};

/** Display width of text in Excel column units: CJK and full-width characters count two. */
const textUnits = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);

/** Sets a row's height so its wrapped text shows whole (Excel and LibreOffice do not grow rows written by exceljs). */
function fitHeight(ws: ExcelJS.Worksheet, rowNo: number, lineHeight = 14): void {
  let lines = 1;
  ws.getRow(rowNo).eachCell((c, col) => {
    const merge = c.isMerged && c.master.address !== c.address;
    if (merge) return;
    const width = Math.max(2, (ws.getColumn(col).width ?? 8) - 1);
    const parts = String(c.value ?? '').split('\n');
    lines = Math.max(lines, parts.reduce((n, p) => n + Math.max(1, Math.ceil(textUnits(p) / width)), 0));
  });
  ws.getRow(rowNo).height = Math.max(18, lines * lineHeight + 4);
}

function titleRow(ws: ExcelJS.Worksheet, row: number, range: string, text: string): void {
  ws.mergeCells(range);
  const c = ws.getCell(`A${row}`);
  c.value = text;
  c.font = { name: FONT, size: 16, bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = 30;
}

function annexLabel(ws: ExcelJS.Worksheet, key: MsgKey): void {
  const c = ws.getCell('A1');
  c.value = tf(key);
  c.font = { name: FONT, size: 12, bold: true };
}

/** Writes 附件3: title, the three-level merged header, one row per unit, optional 合计. */
export function addForm3(wb: ExcelJS.Workbook, month: string, rows: Form3Row[], total: Form3Row | null, place: FormPlace): void {
  const ws = wb.addWorksheet(tf('report.sheet3'), { views: [{ state: 'frozen', ySplit: 5, xSplit: 2 }] });
  annexLabel(ws, 'report.sheet3');
  const [year, mm] = month.split('-');
  titleRow(ws, 2, 'A2:U2', placed('report.f3.title', place, { year: year ?? '', month: String(Number(mm)) }));
  for (const h of FORM3_HEADER) {
    if (h.range.includes(':')) ws.mergeCells(h.range);
    const c = ws.getCell(h.range.split(':')[0] ?? h.range);
    c.value = placed(h.key, place);
    c.style = HEADER_STYLE;
  }
  for (let r = 3; r <= 5; r++) for (let col = 1; col <= 21; col++) ws.getCell(r, col).border = thinBorder();
  [44, 30, 58].forEach((h, i) => (ws.getRow(3 + i).height = h));
  FORM3_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const all = total ? [...rows, total] : rows;
  all.forEach((row, i) => {
    const isTotal = total !== null && i === rows.length;
    const values: (string | number)[] = [isTotal ? '' : i + 1, inertText(row.unit)];
    for (const f of FORM3_FIELDS) values.push(NUMERIC_FIELDS.has(f) ? (row[f] as number) : inertText(row[f] as string));
    const r = ws.getRow(FORM3_FIRST_DATA_ROW + i);
    r.values = values;
    r.eachCell({ includeEmpty: true }, (c) => {
      c.style = BODY;
      if (isTotal) c.font = { name: FONT, size: 10, bold: true };
    });
    fitHeight(ws, FORM3_FIRST_DATA_ROW + i);
  });
  a4(ws, { landscape: true, fitToWidth: true });
  ws.pageSetup.printTitlesRow = '3:5';
}

/** The hidden `_ssj` sheet: the month and each 附件3 row's population (blank when unknown). */
function addDataSheet(wb: ExcelJS.Workbook, month: string, rows: Form3Row[]): void {
  const ws = wb.addWorksheet(DATA_SHEET, { state: 'hidden' });
  ws.addRow([DATA_FORMAT, month]);
  for (const r of rows) ws.addRow([inertText(r.unit), r.population ?? '']); // as 附件3 shows it: --combine looks the unit up by that text
}

type Line = [string | number, string, string, string];

/** 附件2's body lines: [序号, 项目, 填写说明, 情况]. Prose is built from the form. */
function form2Lines(f: MonthlyForm, place: FormPlace): { section?: MsgKey; line?: Line }[] {
  const none = tf('report.p.none');
  const list = (xs: string[]) => (xs.length ? xs.join('、') : none);
  const meetings = list(f.meetings.map((m) => (m.date ? tf('report.p.meeting', { name: m.name, date: m.date }) : m.name)));
  const docs = list(f.documents.map((d) => (d.docNumber ? tf('report.p.document', { name: d.name, number: d.docNumber }) : d.name)));
  const tr = f.trainings;
  const trainings = tr.count ? tf('report.p.trainings', { names: tr.names.join('、'), count: tr.count, trainees: tr.trainees, contents: list(tr.contents) }) : none;
  const c = f.city;
  return [
    { section: 'report.f2.sec1' },
    { line: [1, tf('report.f2.i1'), tf('report.f2.i1note'), meetings] },
    { line: [2, tf('report.f2.i2'), tf('report.f2.i2note'), docs] },
    { line: [3, tf('report.f2.i3'), tf('report.f2.i3note'), trainings] },
    { section: 'report.f2.sec2' },
    { line: [4, placed('report.f2.i4', place), '', tf('report.p.i4', { draws: f.drawIds.length, drawIds: list(f.drawIds), selected: c.selected, found: c.found })] },
    { line: ['', tf('report.f2.i4a'), '', list(c.documents)] },
    { line: ['', tf('report.f2.i4b'), '', tf('report.p.scope', { types: list(c.objectTypes), selected: c.selected, population: c.population, ratio: c.ratio || none })] },
    { line: ['', tf('report.f2.i4c'), tf('report.f2.i4cnote'), tf('report.p.items', { items: c.items, subItems: c.subItems, names: list(c.itemNames) })] },
    { line: ['', tf('report.f2.i4d'), tf('report.f2.i4dnote'), tf('report.p.published', { count: c.published, sites: list(c.sites) })] },
    { line: [5, placed('report.f2.i5', place), '', tf('report.p.i5', { unit: f.unit, selected: c.selected, joint: f.joint.selected, found: c.found, published: c.published })] },
    { line: ['', tf('report.f2.i5a'), '', ''] },
  ];
}

/** Writes 附件2 for one unit. `filledOn` is 填表时间 (YYYY-MM-DD, ctx.today). */
export function addForm2(wb: ExcelJS.Workbook, f: MonthlyForm, filledOn: string, place: FormPlace, footer = ''): void {
  const ws = wb.addWorksheet(tf('report.sheet2'));
  annexLabel(ws, 'report.sheet2');
  titleRow(ws, 2, 'A2:D2', placed('report.f2.title', place));
  ws.mergeCells('A3:B3');
  ws.getCell('A3').value = inertText(tf('report.f2.unit', { unit: f.unit }));
  const [y, m, d] = filledOn.split('-');
  ws.getCell('C3').value = tf('report.f2.filled', { y: y ?? '', m: String(Number(m)), d: String(Number(d)) });
  ws.mergeCells('C3:D3');
  [ws.getCell('A3'), ws.getCell('C3')].forEach((c) => (c.font = { name: FONT, size: 11 }));
  let row = 4;
  for (const item of form2Lines(f, place)) {
    if (item.section) {
      ws.mergeCells(`A${row}:D${row}`);
      const c = ws.getCell(`A${row}`);
      c.value = tf(item.section);
      c.style = { ...BODY, font: { name: FONT, size: 11, bold: true } };
    } else if (item.line) {
      ws.getRow(row).values = item.line.map((v, i) => (i === 3 ? inertText(String(v)) : v));
      for (let col = 1; col <= 4; col++) ws.getCell(row, col).style = { ...BODY, alignment: { ...BODY.alignment, horizontal: col === 1 ? 'center' : 'left' } };
    }
    row += 1;
  }
  [6, 44, 30, 70].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let r = 4; r < row; r++) if (!ws.getCell(r, 1).isMerged) fitHeight(ws, r, 15);
  row += 1;
  (['report.f2.contact', 'report.f2.phone', 'report.f2.mobile'] as const).forEach((k, i) => {
    const c = ws.getCell(row, 2 + i);
    c.value = tf(k);
    c.font = { name: FONT, size: 11 };
  });
  if (footer) {
    ws.mergeCells(`A${row + 2}:D${row + 2}`);
    const c = ws.getCell(`A${row + 2}`);
    c.value = footer;
    c.font = { name: FONT, size: 9 };
  }
  a4(ws, { landscape: true, fitToWidth: true });
}

/** The unit's monthly workbook's bytes: 附件2 (with `footer`, the ledger head, under it), 附件3 (one row), and the hidden data sheet. */
export async function monthlyWorkbookBytes(form: MonthlyForm, row: Form3Row, filledOn: string, place: FormPlace, footer: string): Promise<Uint8Array> {
  const wb = newWorkbook();
  addForm2(wb, form, filledOn, place, footer);
  addForm3(wb, form.month, [row], null, place);
  addDataSheet(wb, form.month, [row]);
  return workbookBytesNative(wb);
}

/** A combined 附件3: one row per unit and the 合计 row. */
export async function combinedWorkbookBytes(month: string, rows: Form3Row[], total: Form3Row, place: FormPlace): Promise<Uint8Array> {
  const wb = newWorkbook();
  addForm3(wb, month, rows, total, place);
  addDataSheet(wb, month, rows);
  return workbookBytesNative(wb);
}
