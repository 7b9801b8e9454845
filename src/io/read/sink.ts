/**
 * Turns raw rows under a found header into TableRows: NFKC and trimmed text,
 * numbers Excel stored turned back into text where lossless, blank rows
 * skipped, and the reader-level issues (missing-column, unknown-column,
 * idcard-precision-lost).
 */
import { CODE_FIELDS, looksScientific, numberText } from '../../core/checks/codes.js';
import { columnLetter } from '../../core/issues.js';
import { issue } from '../../core/issue-codes.js';
import { trimText } from '../../core/normalize.js';
import type { Column, Issue, Role, Table, TableRow } from '../../core/types.js';
import type { HeaderMatch, RawCell, RawRow } from './header.js';

/** Plain ASCII, CJK unified ideographs and 、。 are NFKC-stable: such text needs no normalising (one native regex test beats a loop). */
const STABLE = /^[\x00-\x7f\u4e00-\u9fff\u3001\u3002]*$/;
const TRIM = /^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$/g;

function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x85 || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
}

/**
 * Terminal control characters (ESC and the other C0/C1 controls but tab and
 * line breaks) and bidi overrides: a cell `\x1b[2J…` or with U+202E would act
 * on the clerk's terminal and reorder text on the printed witness sheet.
 * Dropped from every cell read (codes and names never carry them).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** NFKC and trimmed, as src/core/normalize.ts cellText(), with fast paths for the common cells; control and bidi characters dropped. */
export function cleanText(s: string): string {
  if (s === '') return s;
  if (UNSAFE.test(s)) {
    UNSAFE.lastIndex = 0;
    s = s.replace(UNSAFE, '');
  }
  return cleanSafe(s);
}

/** The cell with its control and bidi characters shown as \u escapes (for the issue naming them), cut to a readable length. */
export function shownControls(s: string): string {
  const shown = s.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

/** cleanText for text already free of control characters. */
function cleanSafe(s: string): string {
  if (s === '') return s;
  const t = STABLE.test(s) ? s : s.normalize('NFKC');
  if (!isSpace(t.charCodeAt(0)) && !isSpace(t.charCodeAt(t.length - 1))) return t;
  return t.replace(TRIM, '');
}

/** The non-empty rows above the header, each as its cells' text joined by spaces (title rows, merged cells). */
export function preambleOf(rows: readonly RawRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const text = r
      .map((v) => (v === undefined ? '' : cleanText(String(v))))
      .filter((v) => v !== '')
      .join(' ');
    if (text !== '') out.push(text);
  }
  return out;
}

export class RowSink {
  readonly rows: TableRow[] = [];
  readonly issues: Issue[] = [];
  readonly columns: Column[] = [];
  readonly fields = new Map<string, Column>();
  readonly unknown: Column[] = [];
  private readonly width: number;
  private readonly codeCols: boolean[];
  /** Columns of free text (FieldSpec.freeText): trimmed only, not NFKC-normalised. */
  private readonly freeCols: boolean[];
  private readonly seqCol: number;
  /** Rows read (kept or not: the streaming validate path keeps none). */
  count = 0;
  /** The table being built; its arrays fill as rows are added. */
  readonly table: Table;

  constructor(
    private readonly file: string,
    private readonly sheet: string | null,
    private readonly role: Role,
    readonly match: HeaderMatch,
    header: RawRow,
    readonly headerRow: number,
    fileSha256: string,
    private readonly keep: ((table: Table, row: TableRow) => boolean) | null = null,
    preamble: string[] = [],
  ) {
    this.width = header.length;
    const byIndex = new Map<number, string>();
    for (const [field, idx] of match.fields) byIndex.set(idx, field);
    this.codeCols = new Array<boolean>(this.width).fill(false);
    this.freeCols = new Array<boolean>(this.width).fill(false);
    const free = new Set(match.schema.fields.filter((f) => f.freeText).map((f) => f.field));
    for (let c = 0; c < this.width; c++) {
      const v = header[c];
      const text = v === undefined ? '' : cleanText(typeof v === 'number' ? String(v) : v);
      if (text === '') continue;
      const col: Column = { index: c, letter: columnLetter(c), header: text };
      this.columns.push(col);
      const field = byIndex.get(c);
      if (field === undefined) this.unknown.push(col);
      else {
        this.fields.set(field, col);
        if (CODE_FIELDS.has(field)) this.codeCols[c] = true;
        if (free.has(field)) this.freeCols[c] = true;
      }
    }
    this.seqCol = match.fields.get('seq') ?? -1;
    this.headerIssues(header);
    this.table = {
      file,
      sheet,
      role,
      headerRow,
      columns: this.columns,
      fields: this.fields,
      unknown: this.unknown,
      rows: this.rows,
      fileSha256,
      issues: this.issues,
      preamble,
    };
  }

  private headerIssues(header: RawRow): void {
    const seen = this.columns.map((c) => c.header).join('、');
    for (const f of this.match.schema.fields) {
      if (!f.required || this.fields.has(f.field)) continue;
      this.issues.push(
        issue(
          'missing-column',
          { file: this.file, sheet: this.sheet, row: this.headerRow, column: f.label, cell: null, value: null },
          { synonyms: [f.label, ...f.synonyms].join('、'), seen: seen || String(header.length) },
        ),
      );
    }
    for (const col of this.unknown) {
      this.issues.push(
        issue('unknown-column', { file: this.file, sheet: this.sheet, row: this.headerRow, column: col.header, cell: `${col.letter}${this.headerRow}`, value: col.header }, { letter: col.letter }),
      );
    }
  }

  private lost(c: number, rowNo: number, text: string, out: Issue[]): void {
    const col = this.columns.find((x) => x.index === c);
    out.push(issue('idcard-precision-lost', { file: this.file, sheet: this.sheet, row: rowNo, column: col?.header ?? null, cell: `${columnLetter(c)}${rowNo}`, value: text }));
  }

  private controls(c: number, rowNo: number, raw: string, out: Issue[]): void {
    const col = this.columns.find((x) => x.index === c);
    out.push(issue('control-character', { file: this.file, sheet: this.sheet, row: rowNo, column: col?.header ?? null, cell: `${columnLetter(c)}${rowNo}`, value: shownControls(raw) }));
  }

  /** Converts raw in place (it becomes the row's cells: one array per row, not two) and adds it unless blank. */
  add(raw: RawRow, rowNo: number): void {
    const w = this.width;
    const cells = raw as string[];
    if (cells.length > w) cells.length = w; // cells beyond the header have no column
    let blank = true;
    let found: Issue[] | null = null;
    for (let c = 0; c < w; c++) {
      const v: RawCell | undefined = raw[c];
      let text: string;
      if (v === undefined || v === '') text = '';
      else if (typeof v === 'number') {
        const n = numberText(v);
        text = n.text;
        if (n.lost && this.codeCols[c]) this.lost(c, rowNo, text, (found ??= []));
      } else {
        // A NUL, an escape or a bidi override is dropped from every cell, in every reader, and the cell named.
        const unsafe = UNSAFE.test(v);
        UNSAFE.lastIndex = 0;
        const safe = unsafe ? v.replace(UNSAFE, '') : v;
        if (unsafe) this.controls(c, rowNo, v, (found ??= []));
        if (this.freeCols[c]) text = trimText(safe);
        else {
          text = cleanSafe(safe);
          if (this.codeCols[c] && text !== '' && looksScientific(text)) this.lost(c, rowNo, text, (found ??= []));
        }
      }
      cells[c] = text;
      if (text !== '' && c !== this.seqCol) blank = false;
    }
    if (blank) return;
    const row: TableRow = { row: rowNo, cells };
    this.count += 1;
    if (found) for (const i of found) this.issues.push(i);
    if (this.keep === null || this.keep(this.table, row)) this.rows.push(row);
  }
}
