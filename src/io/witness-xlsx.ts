/**
 * The witness sheet (and announcement) as a workbook: the same document as
 * the HTML page, on one A4 sheet, with the record hash in the page footer of
 * every printed page (`oddFooter`). The sheet's XML is written here directly,
 * in the form exceljs's streaming writer gives it: a draw of a million-row
 * registry puts 150,000 rows of 14 cells on it, which exceljs took 4 s for.
 */
import { createRequire } from 'node:module';
import { docSize, type DocTable, type PrintDoc } from '../core/print-doc.js';
import { inertText } from '../core/text.js';
import { escapedUtf8Bound, Utf8Out } from '../core/utf8-out.js';
import { zipFiles } from './zip-write.js';

const require = createRequire(import.meta.url);
const THEME = require('exceljs/lib/xlsx/xml/theme1.js') as string;

/** A grid of narrow columns; each table spreads its columns over it by its relative widths. */
const COLS = 14;
const COL_WIDTH = 7;
/**
 * Bytes of markup at most, its text aside: per row (the row element, COLS cells of up to 50 bytes, a merge of up
 * to 40 per cell) and for the rest of the sheet (its head, columns, page setup, header and footer).
 */
const SHEET_ROW_MAX = 160 + COLS * (50 + 40);
const SHEET_FIXED_MAX = 1 << 16;
const LETTERS = Array.from({ length: COLS }, (_, i) => String.fromCharCode(65 + i));

/** Cell styles: indexes into STYLES' cellXfs. */
const S = {
  none: 0, title: 1, body: 2, heading: 3, header: 4,
  /** Cells of an unmerged span (long tables): borders around the span only, no wrapping. */
  headerSpan: { both: 5, first: 6, middle: 7, last: 8 },
  bodySpan: { both: 9, first: 10, middle: 11, last: 12 },
  signLabel: 13, signLine: 14, footer: 15, intro: 16,
} as const;
interface SpanStyles { both: number; first: number; middle: number; last: number }

/** Column spans proportional to `widths`, each at least 1, adding up to COLS. */
export function spansOf(widths: number[], n: number): number[] {
  const w = Array.from({ length: n }, (_, i) => Math.max(1, widths[i] ?? 1));
  const total = w.reduce((a, b) => a + b, 0);
  const spans = w.map((x) => Math.max(1, Math.floor((x / total) * COLS)));
  // The remaining columns go to the largest shortfalls against the exact share.
  const order = w.map((x, i) => [(x / total) * COLS - spans[i], i] as const).sort((a, b) => b[0] - a[0]);
  let k = 0;
  while (spans.reduce((a, b) => a + b, 0) < COLS) spans[order[k++ % n][1]] += 1;
  while (spans.reduce((a, b) => a + b, 0) > COLS) {
    const i = spans.indexOf(Math.max(...spans));
    spans[i] -= 1;
  }
  return spans;
}

/** Printed width in column units: CJK characters are about two, others about one. */
function textWidth(v: string): number {
  let w = 0;
  for (const ch of v) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1.1;
  return w;
}

/** Wrapped text needs a taller row; Excel does not grow the rows of a written file by itself. */
function fitHeight(values: string[], spans: number[]): number | undefined {
  const lines = Math.max(...values.map((v, i) => Math.ceil(textWidth(v) / (COL_WIDTH * spans[i] - 1))));
  return lines > 1 ? Math.min(120, 14 * lines + 2) : undefined;
}

// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[<>&'"\x7f\x00-\x08\x0b\x0c\x0e-\x1f]/;
// eslint-disable-next-line no-control-regex
const XML_SPECIAL_ALL = /[<>&'"\x7f\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** XML text as exceljs writes it: markup characters escaped, characters XML cannot hold dropped. */
function xml(s: string): string {
  return XML_SPECIAL.test(s) ? s.replace(XML_SPECIAL_ALL, (c) => ENTITY[c] ?? '') : s;
}

/**
 * The sheet's rows written as UTF-8 as they are made (core/utf8-out.ts: no row string outlives its row), row
 * numbers as Excel shows them, merges collected for the end.
 */
class SheetXml {
  readonly out: Utf8Out;
  readonly merges: string[] = [];
  private n = 0;

  /** With room for the whole sheet (SHEET_ROW_MAX). */
  constructor(doc: PrintDoc) {
    const { rows, units } = docSize(doc);
    this.out = new Utf8Out(escapedUtf8Bound(units) + (rows + 16 + doc.signatures.length) * SHEET_ROW_MAX + SHEET_FIXED_MAX);
  }

  /** An empty row: nothing written, the number moves on. */
  blank(): void {
    this.next();
  }

  write(text: string): void {
    this.out.write(text);
  }

  /** The next row's number. */
  next(): number {
    this.n += 1;
    return this.n;
  }

  /** One row of cells (columns ascending); `value` undefined is a cell without a value (styled when `style` > 0). */
  row(cells: { col: number; style: number; value?: string }[], height?: number): number {
    const r = this.next();
    let out = `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''} spans="${cells[0]!.col + 1}:${cells[cells.length - 1]!.col + 1}" x14ac:dyDescent="0.25">`;
    for (const c of cells) {
      const s = c.style ? ` s="${c.style}"` : '';
      out += c.value === undefined ? `<c r="${LETTERS[c.col]}${r}"${s}/>` : `<c r="${LETTERS[c.col]}${r}"${s} t="str"><v>${xml(c.value)}</v></c>`;
    }
    this.write(out + '</row>');
    return r;
  }

  merge(r: number, from: number, to: number): void {
    this.merges.push(`<mergeCell ref="${LETTERS[from]}${r}:${LETTERS[to]}${r}"/>`);
  }
}

/** A merged, wrapped row: each value spans its columns, every cell of the span styled. */
function mergedRow(sh: SheetXml, values: string[], spans: number[], style: number): void {
  const cells: { col: number; style: number; value?: string }[] = [];
  const ranges: [number, number][] = [];
  let col = 0;
  values.forEach((v, i) => {
    cells.push({ col, style, value: inertText(v) });
    for (let c = col + 1; c < col + spans[i]!; c++) cells.push({ col: c, style });
    if (spans[i]! > 1) ranges.push([col, col + spans[i]! - 1]);
    col += spans[i]!;
  });
  const r = sh.row(cells, fitHeight(values, spans));
  for (const [a, b] of ranges) sh.merge(r, a, b);
}

/**
 * A row of a long table: not merged (Excel and LibreOffice slow down on
 * hundreds of thousands of merges); unwrapped text runs across the empty
 * cells of its span, with borders only around the span, which prints the same.
 */
function spanRow(sh: SheetXml, values: string[], spans: number[], st: SpanStyles): void {
  const r = sh.next();
  let out = '';
  let col = 0;
  values.forEach((v, i) => {
    const last = col + spans[i]! - 1;
    out += `<c r="${LETTERS[col]}${r}" s="${col === last ? st.both : st.first}" t="str"><v>${xml(inertText(v))}</v></c>`;
    for (let c = col + 1; c <= last; c++) out += `<c r="${LETTERS[c]}${r}" s="${c === last ? st.last : st.middle}"/>`;
    col = last + 1;
  });
  sh.write(`<row r="${r}" spans="1:${col}" x14ac:dyDescent="0.25">${out}</row>`);
}

/** A heading over the whole width (merged). */
function heading(sh: SheetXml, text: string, size: number, style: number): void {
  const cells = LETTERS.map((_, col) => (col === 0 ? { col, style, value: text } : { col, style: S.none }));
  const r = sh.row(cells, Math.max(size * 1.8, 15 * Math.ceil(textWidth(text) / (COL_WIDTH * COLS))));
  sh.merge(r, 0, COLS - 1);
}

const LONG_TABLE = 200;

function writeTable(sh: SheetXml, tb: DocTable): void {
  sh.blank();
  heading(sh, tb.heading, 11.5, S.heading);
  const n = Math.min(tb.columns.length, COLS);
  const spans = spansOf(tb.widths, n);
  if (tb.rows.length <= LONG_TABLE) {
    mergedRow(sh, tb.columns.slice(0, n), spans, S.header);
    for (const r of tb.rows) mergedRow(sh, r.slice(0, n), spans, S.body);
  } else {
    spanRow(sh, tb.columns.slice(0, n), spans, S.headerSpan);
    for (const r of tb.rows) spanRow(sh, r.length > n ? r.slice(0, n) : r, spans, S.bodySpan);
  }
}

function signatures(sh: SheetXml, labels: string[]): void {
  if (!labels.length) return;
  sh.blank();
  for (const label of labels) {
    const cells = Array.from({ length: 11 }, (_, col) =>
      col === 0 ? { col, style: S.signLabel, value: label } : { col, style: col >= 5 ? S.signLine : S.none });
    const r = sh.row(cells, 30);
    sh.merge(r, 0, 4);
    sh.merge(r, 5, 10);
  }
}

/** Footer text: `&` starts a code in Excel's header/footer language. */
const footerText = (s: string) => s.replace(/&/g, '&&');
/** 第 &P 页 共 &N 页: the document's page label with Excel's page codes. */
const pageOfText = (label: string | undefined) => (label ? footerText(label).replace('{page}', '&P').replace('{pages}', '&N') : '&P / &N');

function sheetXml(doc: PrintDoc): Buffer {
  const sh = new SheetXml(doc);
  sh.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">');
  sh.write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>');
  sh.write(`<cols><col min="1" max="${COLS}" width="${COL_WIDTH}" customWidth="1"/></cols><sheetData>`);
  heading(sh, doc.title, 16, S.title);
  if (doc.intro) heading(sh, doc.intro, 10.5, S.intro);
  for (const [k, v] of doc.meta) mergedRow(sh, [k, v], [3, COLS - 3], S.body);
  for (const tb of doc.tables) writeTable(sh, tb);
  signatures(sh, doc.signatures);
  sh.blank();
  const r = sh.row(LETTERS.map((_, col) => (col === 0 ? { col, style: S.footer, value: doc.footer } : { col, style: S.none })), 24);
  sh.merge(r, 0, COLS - 1);
  sh.write(`</sheetData><mergeCells count="${sh.merges.length}">${sh.merges.join('')}</mergeCells>`);
  sh.write('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
  sh.write('<pageSetup paperSize="9" orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/>');
  sh.write(`<headerFooter><oddHeader>${xml(`&C&9${footerText(doc.title)}`)}</oddHeader><oddFooter>${xml(`&L&8${footerText(doc.footer)}&R&8${pageOfText(doc.pageOf)}`)}</oddFooter></headerFooter></worksheet>`);
  return sh.out.bytes();
}

const THIN = '<color rgb="FF000000"/>';
const border = (sides: string) =>
  `<border>${['left', 'right', 'top', 'bottom'].map((s) => (sides.includes(s[0]!) ? `<${s} style="thin">${THIN}</${s}>` : `<${s}/>`)).join('')}<diagonal/></border>`;
const xf = (font: number, fill: number, brd: number, alignment: string) =>
  `<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${brd}" xfId="0"${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${brd ? ' applyBorder="1"' : ''}${alignment ? ` applyAlignment="1"><alignment ${alignment}/></xf>` : '/>'}`;
const CENTER_WRAP = 'horizontal="center" vertical="center" wrapText="1"';
const CENTER = 'horizontal="center" vertical="center"';
const LEFT_WRAP = 'horizontal="left" vertical="center" wrapText="1"';

/** The style sheet, in the order of S. */
const STYLES = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  '<fonts count="7"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>',
  '<font><b/><sz val="16"/><name val="宋体"/></font><font><sz val="10.5"/><name val="宋体"/></font><font><b/><sz val="11.5"/><name val="宋体"/></font>',
  '<font><b/><sz val="11"/><name val="宋体"/></font><font><sz val="8"/><name val="Consolas"/></font><font><b/><sz val="10.5"/><name val="宋体"/></font></fonts>',
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill></fills>',
  `<borders count="6">${['', 'lrtb', 'ltb', 'tb', 'rtb', 'b'].map(border).join('')}</borders>`,
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="17">',
  xf(0, 0, 0, ''), xf(1, 0, 0, CENTER_WRAP), xf(2, 0, 1, 'vertical="top" wrapText="1"'), xf(3, 0, 0, LEFT_WRAP), xf(4, 2, 1, CENTER_WRAP),
  xf(4, 2, 1, CENTER), xf(4, 2, 2, CENTER), xf(4, 2, 3, CENTER), xf(4, 2, 4, CENTER),
  xf(2, 0, 1, 'vertical="top"'), xf(2, 0, 2, 'vertical="top"'), xf(2, 0, 3, 'vertical="top"'), xf(2, 0, 4, 'vertical="top"'),
  xf(2, 0, 0, 'vertical="bottom" wrapText="1"'), xf(0, 0, 5, ''), xf(5, 0, 0, 'wrapText="1"'), xf(6, 0, 0, LEFT_WRAP),
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>',
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>',
].join('');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

function packageParts(sheetName: string): [string, string][] {
  const name = xml(sheetName);
  return [
    ['[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`],
    ['docProps/app.xml', `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${name}</vt:lpstr></vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`],
    ['docProps/core.xml', `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>ssj</dc:creator><cp:lastModifiedBy>ssj</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`],
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets><sheet sheetId="1" name="${name}" state="visible" r:id="rId3"/></sheets><calcPr calcId="171027"/></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/styles.xml', STYLES],
    ['xl/theme/theme1.xml', THEME],
  ];
}

/** A record hash not known when the sheet is built: `token` (64 characters, in the sheet's text) is replaced by `hash` once it is. */
export interface PendingHash {
  token: string;
  hash: Promise<string> | string;
}

/** Every occurrence of `token` in `buf` overwritten by `value` (both ASCII, same length). */
export function replaceToken(buf: Buffer, token: string, value: string): void {
  if (Buffer.byteLength(value, 'latin1') !== token.length) throw new Error('the record hash and its stand-in differ in length');
  for (let at = buf.indexOf(token, 0, 'latin1'); at >= 0; at = buf.indexOf(token, at + token.length, 'latin1')) buf.write(value, at, 'latin1');
}

/**
 * The workbook's bytes (written by the caller, atomically, with the record).
 * The sheet is built at once; with `pending` its stand-in is replaced once
 * the hash is known; deflating runs on the thread pool.
 */
export async function printDocXlsx(doc: PrintDoc, sheetName: string, pending?: PendingHash): Promise<Uint8Array> {
  const sheet = sheetXml(doc);
  if (pending) replaceToken(sheet, pending.token, await pending.hash);
  const entries = packageParts(sheetName.slice(0, 31)).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') }));
  return zipFiles([...entries, { name: 'xl/worksheets/sheet1.xml', data: sheet }], 1);
}
