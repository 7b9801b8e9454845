/**
 * Record-sheet templates without exceljs (issue 20: loading exceljs was most
 * of the examples' draw). buildRecordSheet (record-sheet-xlsx.ts) lays the
 * sheet out on a workbook; here that workbook is a recorder with the few
 * calls the layout makes — cells (value, font, alignment, border, number
 * format, drop-down), merges, row heights, columns, page setup, footer,
 * defined names — and it writes the workbook's parts as exceljs 4.4 writes
 * them for that layout, text for text: merged cells share their first cell's
 * style, styles and shared strings are numbered in order of first use, merges
 * listed in the order their cells come, drop-downs joined into ranges as
 * exceljs joins them. The parts that do not depend on the layout (styles,
 * theme, package parts) are exceljs's own text. A layout outside what this
 * reproduces (styles first used in another order) gives null and the caller
 * uses exceljs. test/unit/record-sheet-xml.test.ts compares every part with
 * exceljs's for random team shapes in both languages.
 */
import { createRequire } from 'node:module';
import { FONT, thinBorder, type ExcelJS } from './xlsx-write.js';
import type { LayoutBook, LayoutCell, LayoutSheet } from './record-sheet-xlsx.js';

const require = createRequire(import.meta.url);

interface Style {
  numFmt?: string;
  font?: Partial<ExcelJS.Font>;
  alignment?: Partial<ExcelJS.Alignment>;
  border?: Partial<ExcelJS.Borders>;
}

const letter = (col: number): string => String.fromCharCode(64 + col); // columns A–E only
const address = (row: number, col: number): string => `${letter(col)}${row}`;

function decode(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z])\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`record sheet: address ${a}`);
  return { row: Number(m[2]), col: (m[1] as string).charCodeAt(0) - 64 };
}

class Cell implements LayoutCell {
  style: Style = {};
  value: ExcelJS.CellValue = null;
  /** Set on the cells of a merged range other than its first. */
  master: Cell | null = null;
  constructor(
    readonly row: number,
    readonly col: number,
    private readonly sheet: Sheet,
  ) {}
  get font(): Partial<ExcelJS.Font> {
    return this.style.font ?? {};
  }
  set font(v: Partial<ExcelJS.Font>) {
    this.style.font = v;
  }
  get alignment(): Partial<ExcelJS.Alignment> {
    return this.style.alignment ?? {};
  }
  set alignment(v: Partial<ExcelJS.Alignment>) {
    this.style.alignment = v;
  }
  get border(): Partial<ExcelJS.Borders> {
    return this.style.border ?? {};
  }
  set border(v: Partial<ExcelJS.Borders>) {
    this.style.border = v;
  }
  get numFmt(): string {
    return this.style.numFmt ?? '';
  }
  set numFmt(v: string) {
    this.style.numFmt = v;
  }
  get dataValidation(): ExcelJS.DataValidation {
    return this.sheet.validations.get(address(this.row, this.col)) as ExcelJS.DataValidation;
  }
  set dataValidation(v: ExcelJS.DataValidation) {
    this.sheet.validations.set(address(this.row, this.col), v);
  }
}

class Sheet implements LayoutSheet {
  readonly rows = new Map<number, Map<number, Cell>>();
  readonly heights = new Map<number, number>();
  readonly validations = new Map<string, ExcelJS.DataValidation>();
  /** Each merged range by its first cell. */
  readonly merged = new Map<Cell, string>();
  columns: { width?: number }[] = [];
  pageSetup: Partial<ExcelJS.PageSetup> = { ...DEFAULT_PAGE_SETUP };
  headerFooter: Partial<ExcelJS.HeaderFooter> = {};
  constructor(readonly name: string) {}

  getCell(a: string | number, c?: number | string): Cell {
    const { row, col } = typeof a === 'number' ? { row: a, col: Number(c) } : decode(a);
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    let cell = cells.get(col);
    if (!cell) cells.set(col, (cell = new Cell(row, col, this)));
    return cell;
  }

  getRow(r: number): { height: number } {
    const heights = this.heights;
    return {
      get height(): number {
        return heights.get(r) as number;
      },
      set height(h: number) {
        heights.set(r, h);
      },
    };
  }

  mergeCells(range: string): void {
    const [a, b] = range.split(':') as [string, string];
    const from = decode(a);
    const to = decode(b);
    const master = this.getCell(from.row, from.col);
    this.merged.set(master, `${address(from.row, from.col)}:${address(to.row, to.col)}`);
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.col; c <= to.col; c++) {
        if (r === from.row && c === from.col) continue;
        const cell = this.getCell(r, c);
        cell.master = master;
        cell.style = master.style; // shared, as exceljs's Cell.merge does: later styling of either shows on both
      }
    }
  }
}

/** The workbook the layout is made on. */
export class RecordBook implements LayoutBook {
  sheet: Sheet | null = null;
  readonly names = new Map<string, { row: number; col: number }[]>();
  readonly definedNames = {
    add: (loc: string, name: string): void => {
      const cell = decode(loc.slice(loc.lastIndexOf('!') + 1));
      const list = this.names.get(name);
      if (list) list.push(cell);
      else this.names.set(name, [cell]);
    },
  };
  addWorksheet(name: string): Sheet {
    if (this.sheet) throw new Error('record sheet: one worksheet');
    return (this.sheet = new Sheet(name));
  }
}

/** XML text as exceljs encodes it (utils.xmlEncode): markup escaped, control characters other than tab and line ends dropped. */
// eslint-disable-next-line no-control-regex
const XML_ENCODE = /["&'<>\x7f\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const enc = (s: string): string => s.replace(XML_ENCODE, (ch) => ENTITIES[ch] ?? '');

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const styleKey = (s: Style): string => JSON.stringify([s.numFmt ?? null, s.font ?? null, s.alignment ?? null, s.border ?? null]);

/**
 * The styles in the order exceljs numbers them for this layout (first use, row by row), which is the order
 * STYLES lists them in: title; bold; plain; date; left; text (@); text left; date left; right; legend.
 */
const STYLE_ORDER: string[] = (() => {
  const s = (numFmt: string | undefined, size: number, bold: boolean, horizontal: 'center' | 'left' | 'right', border = true, vertical: 'middle' | 'top' = 'middle') =>
    styleKey({ numFmt, font: { name: FONT, size, bold }, alignment: { horizontal, vertical, wrapText: true }, border: border ? thinBorder() : undefined });
  return [
    s(undefined, 16, true, 'center', false), s(undefined, 11, true, 'center'), s(undefined, 11, false, 'center'), s('yyyy-mm-dd', 11, false, 'center'),
    s(undefined, 11, false, 'left'), s('@', 11, false, 'center'), s('@', 11, false, 'left'), s('yyyy-mm-dd', 11, false, 'left'),
    s(undefined, 11, false, 'right'), s(undefined, 9, false, 'left', false, 'top'),
  ];
})();

export const CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/><Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";
export const RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";
export const CORE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>ssj</dc:creator><dc:title></dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>Unknown</cp:lastModifiedBy><dcterms:created xsi:type=\"dcterms:W3CDTF\">1970-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">1970-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>";
export const WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
export const STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x14ac x16r2\" xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" xmlns:x16r2=\"http://schemas.microsoft.com/office/spreadsheetml/2015/02/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts><fonts count=\"5\" x14ac:knownFonts=\"1\"><font><color theme=\"1\"/><family val=\"2\"/><scheme val=\"minor\"/><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"16\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><sz val=\"9\"/><name val=\"宋体\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style=\"thin\"><color rgb=\"FF000000\"/></left><right style=\"thin\"><color rgb=\"FF000000\"/></right><top style=\"thin\"><color rgb=\"FF000000\"/></top><bottom style=\"thin\"><color rgb=\"FF000000\"/></bottom><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"11\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"164\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"49\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"49\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"164\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"right\" vertical=\"center\" wrapText=\"1\"/></xf><xf numFmtId=\"0\" fontId=\"4\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"top\" wrapText=\"1\"/></xf></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles><dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/><extLst><ext uri=\"{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}\" xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\"><x14:slicerStyles defaultSlicerStyle=\"SlicerStyleLight1\"/></ext><ext uri=\"{9260A510-F301-46a8-8635-F512D64BE5F5}\" xmlns:x15=\"http://schemas.microsoft.com/office/spreadsheetml/2010/11/main\"><x15:timelineStyles defaultTimelineStyle=\"TimeSlicerStyleLight1\"/></ext></extLst></styleSheet>";
const APP = ["<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"1\" baseType=\"lpstr\"><vt:lpstr>", "</vt:lpstr></vt:vector></TitlesOfParts><Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"] as const;
const WORKBOOK_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x15\" xmlns:x15=\"http://schemas.microsoft.com/office/spreadsheetml/2010/11/main\"><fileVersion appName=\"xl\" lastEdited=\"5\" lowestEdited=\"5\" rupBuild=\"9303\"/><workbookPr defaultThemeVersion=\"164011\" filterPrivacy=\"1\"/>";
const THEME = require('exceljs/lib/xlsx/xml/theme1.js') as string;

/** exceljs's default page setup (Worksheet's constructor), which a4() spreads and overrides. */
export const DEFAULT_PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  orientation: 'portrait', horizontalDpi: 4294967295, verticalDpi: 4294967295, fitToPage: false, pageOrder: 'downThenOver',
  blackAndWhite: false, draft: false, cellComments: 'None', errors: 'displayed', scale: 100, fitToWidth: 1, fitToHeight: 1,
  paperSize: undefined, showRowColHeaders: false, showGridLines: false, firstPageNumber: undefined, horizontalCentered: false,
  verticalCentered: false,
};

const attrs = (list: [string, string | number | undefined][]): string =>
  list.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${enc(String(v))}"`).join('');

/** Shared strings in order of first use, with how many string cells there are. */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  add(s: string): number {
    this.count += 1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => (/^\s|\n|\s$/.test(s) ? `<si><t xml:space="preserve">${enc(s)}</t></si>` : `<si><t>${enc(s)}</t></si>`));
    return `${DECL}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

/** Drop-downs joined into rectangles as exceljs's DataValidationsXform does (addresses in string order, down first, then right). */
function validationsXml(model: Map<string, ExcelJS.DataValidation>): string {
  const same = (a: ExcelJS.DataValidation | undefined, b: ExcelJS.DataValidation | undefined) => a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
  const list = [...model.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const marked = new Set<string>();
  const out: string[] = [];
  for (const addr of list) {
    if (marked.has(addr)) continue;
    const v = model.get(addr) as ExcelJS.DataValidation;
    const { row, col } = decode(addr);
    let height = 1;
    while (same(v, model.get(address(row + height, col)))) height++;
    const colMatches = (c: number) => Array.from({ length: height }, (_, i) => i).every((i) => same(model.get(addr), model.get(address(row + i, c))));
    let width = 1;
    while (col + width <= 26 && colMatches(col + width)) width++;
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) marked.add(address(row + i, col + j));
    const sqref = height > 1 || width > 1 ? `${addr}:${address(row + height - 1, col + width - 1)}` : addr;
    const a: [string, string | number | undefined][] = [
      ['type', v.type],
      ['allowBlank', v.allowBlank ? '1' : undefined],
      ['showInputMessage', v.showInputMessage ? '1' : undefined],
      ['promptTitle', v.promptTitle || undefined],
      ['prompt', v.prompt || undefined],
      ['showErrorMessage', v.showErrorMessage ? '1' : undefined],
      ['sqref', sqref],
    ];
    const formulae = (v.formulae ?? []).map((f, i) => `<formula${i + 1}>${enc(String(f))}</formula${i + 1}>`).join('');
    out.push(`<dataValidation${attrs(a)}>${formulae}</dataValidation>`);
  }
  return out.length ? `<dataValidations count="${out.length}">${out.join('')}</dataValidations>` : '';
}

/** A sheet name in a reference, as exceljs's Range writes it: quoted unless letters and digits only. */
const refSheet = (name: string) => (/^[a-zA-Z0-9]*$/.test(name) ? `${name}!` : `'${name}'!`);
const abs = (c: { row: number; col: number }) => `$${letter(c.col)}$${c.row}`;

/** A defined name's cells as ranges: each unmarked cell grown down, then across, as exceljs's DefinedNames._explore. */
function nameRanges(sheet: string, cells: { row: number; col: number }[]): string {
  const left = new Set(cells.map((c) => address(c.row, c.col)));
  const ranges: string[] = [];
  for (const c of cells) {
    if (!left.has(address(c.row, c.col))) continue;
    left.delete(address(c.row, c.col));
    let top = c.row;
    let bottom = c.row;
    while (left.delete(address(top - 1, c.col))) top--;
    while (left.delete(address(bottom + 1, c.col))) bottom++;
    const grow = (x: number) => {
      for (let y = top; y <= bottom; y++) if (!left.has(address(y, x))) return false;
      for (let y = top; y <= bottom; y++) left.delete(address(y, x));
      return true;
    };
    let l = c.col;
    let r = c.col;
    while (l > 1 && grow(l - 1)) l--;
    while (r < 26 && grow(r + 1)) r++;
    const single = top === bottom && l === r;
    ranges.push(single ? `${refSheet(sheet)}${abs({ row: top, col: l })}` : `${refSheet(sheet)}${abs({ row: top, col: l })}:${abs({ row: bottom, col: r })}`);
  }
  return ranges.join(',');
}

function workbookXml(book: RecordBook, sheet: Sheet): string {
  const names = [...book.names].map(([name, cells]) => `<definedName name="${enc(name)}">${enc(nameRanges(sheet.name, cells))}</definedName>`);
  const area = sheet.pageSetup.printArea;
  if (area) {
    const [a, b] = area.split(':') as [string, string];
    names.push(`<definedName name="_xlnm.Print_Area" localSheetId="0">${enc(`'${sheet.name}'!$${a}:$${b}`)}</definedName>`);
  }
  return `${WORKBOOK_HEAD}<sheets><sheet sheetId="1" name="${enc(sheet.name)}" state="visible" r:id="rId4"/></sheets>${names.length ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`;
}

function pageXml(p: Partial<ExcelJS.PageSetup>, footer: string | undefined): string {
  const bool = (v: unknown) => (v ? '1' : undefined);
  const print = attrs([['headings', bool(p.showRowColHeaders)], ['gridLines', bool(p.showGridLines)], ['horizontalCentered', bool(p.horizontalCentered)], ['verticalCentered', bool(p.verticalCentered)]]);
  const m = p.margins;
  const margins = m ? `<pageMargins${attrs([['left', m.left], ['right', m.right], ['top', m.top], ['bottom', m.bottom], ['header', m.header], ['footer', m.footer]])}/>` : '';
  const setup = attrs([
    ['paperSize', p.paperSize], ['orientation', p.orientation], ['horizontalDpi', p.horizontalDpi], ['verticalDpi', p.verticalDpi],
    ['pageOrder', p.pageOrder === 'overThenDown' ? p.pageOrder : undefined], ['blackAndWhite', bool(p.blackAndWhite)], ['draft', bool(p.draft)],
    ['scale', p.scale], ['fitToWidth', p.fitToWidth], ['fitToHeight', p.fitToHeight], ['firstPageNumber', p.firstPageNumber],
    ['useFirstPageNumber', bool(p.firstPageNumber)],
  ]);
  return `${print ? `<printOptions${print}/>` : ''}${margins}${setup ? `<pageSetup${setup}/>` : ''}${footer ? `<headerFooter><oddFooter>${enc(footer)}</oddFooter></headerFooter>` : ''}`;
}

/**
 * The workbook's parts for a layout made on `book`, name → text, in exceljs's order; null when the layout is
 * not one this reproduces (a style first used out of the known order, a value that is not text).
 */
export function recordBookParts(book: RecordBook): [string, string][] | null {
  const sheet = book.sheet;
  if (!sheet) return null;
  const styles = new Map<string, number>();
  const strings = new Strings();
  const merges = new Map<Cell, string>();
  const rowsXml: string[] = [];
  let minCol = Infinity;
  let maxCol = 0;
  const rowNumbers = [...new Set([...sheet.rows.keys(), ...sheet.heights.keys()])].sort((a, b) => a - b);
  for (const r of rowNumbers) {
    const cells = [...(sheet.rows.get(r)?.values() ?? [])].sort((a, b) => a.col - b.col);
    const parts: string[] = [];
    for (const c of cells) {
      const key = styleKey(c.style);
      let s = styles.get(key);
      if (s === undefined) styles.set(key, (s = styles.size + 1));
      // exceljs lists a merge when the sheet's rows first reach one of its cells other than the first.
      if (c.master && !merges.has(c.master)) merges.set(c.master, sheet.merged.get(c.master) as string);
      const v = c.master ? null : c.value;
      if (v === null || v === undefined) parts.push(`<c r="${address(r, c.col)}" s="${s}"/>`);
      else if (typeof v === 'string') parts.push(`<c r="${address(r, c.col)}" s="${s}" t="s"><v>${strings.add(v)}</v></c>`);
      else return null;
    }
    if (cells.length) {
      minCol = Math.min(minCol, cells[0]!.col);
      maxCol = Math.max(maxCol, cells.at(-1)!.col);
    }
    const h = sheet.heights.get(r);
    const spans = cells.length ? ` spans="${cells[0]!.col}:${cells.at(-1)!.col}"` : '';
    rowsXml.push(`<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ''}${spans} x14ac:dyDescent="0.25">${parts.join('')}</row>`);
  }
  if ([...styles.keys()].join('\n') !== STYLE_ORDER.join('\n')) return null;
  const last = rowNumbers.at(-1) ?? 1;
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const mergeXml = merges.size ? `<mergeCells count="${merges.size}">${[...merges.values()].map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const sheetXml = `${DECL}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`
    + `${sheet.pageSetup.fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : ''}<dimension ref="${letter(minCol)}1:${letter(maxCol)}${last}"/>`
    + `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rowsXml.join('')}</sheetData>`
    + `${mergeXml}${validationsXml(sheet.validations)}${pageXml(sheet.pageSetup, sheet.headerFooter.oddFooter)}</worksheet>`;
  // exceljs's entries in its order, folders included (as JSZip writes them).
  return [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/', ''],
    ['_rels/.rels', RELS],
    ['xl/', ''],
    ['xl/_rels/', ''],
    ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
    ['xl/worksheets/', ''],
    ['xl/worksheets/sheet1.xml', sheetXml],
    ['xl/sharedStrings.xml', strings.xml()],
    ['xl/theme/', ''],
    ['xl/theme/theme1.xml', THEME],
    ['xl/styles.xml', STYLES],
    ['docProps/', ''],
    ['docProps/app.xml', `${APP[0]}${enc(sheet.name)}${APP[1]}`],
    ['docProps/core.xml', CORE],
    ['xl/workbook.xml', workbookXml(book, sheet)],
  ];
}
