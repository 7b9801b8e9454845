/**
 * Formula cells written without a cached value. Tools that write workbooks
 * without computing them (openpyxl, many exporters) leave `<c><f>…</f></c>`
 * or an empty `<v></v>`: SheetJS then reads the cell as empty, and a registry
 * would lose a name or a code without a word. The zip guard inflates every
 * part once anyway; this scans the worksheet parts as they stream by (a
 * native search for `<f`, so sheets without formulas cost nothing more) and
 * maps each part to its sheet's name through xl/workbook.xml and its rels.
 */

const F = Buffer.from('<f');
const CELL_END = Buffer.from('</c>');
/** A formula cell is at most a few tens of KB (8,192-character formula, 32,767-character value). */
const MAX_CARRY = 256 * 1024;

/** Where a sheet's formula cells have no value: the first few cells and how many. */
export interface Uncached {
  cells: string[];
  count: number;
}

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** Scans one worksheet part, chunk by chunk. */
class SheetScan {
  private carry: Buffer = Buffer.alloc(0);
  readonly found: Uncached = { cells: [], count: 0 };

  feed(chunk: Buffer): void {
    const joined = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = joined.lastIndexOf(CELL_END) + CELL_END.length; // whole cells before it; 3 (none) → keep all
    const whole = cut >= CELL_END.length ? cut : 0;
    this.cells(joined.subarray(0, whole));
    const rest = joined.subarray(whole);
    this.carry = Buffer.from(rest.length > MAX_CARRY ? rest.subarray(rest.length - MAX_CARRY) : rest);
  }

  private cells(buf: Buffer): void {
    for (let i = buf.indexOf(F); i >= 0; i = buf.indexOf(F, i + 2)) {
      const next = buf[i + 2];
      if (next !== 0x3e && next !== 0x20 && next !== 0x2f) continue; // <f>, <f …>, <f/>; not <formula1>
      const start = buf.lastIndexOf('<c ', i);
      const end = buf.indexOf(CELL_END, i);
      if (start < 0 || end < 0) continue;
      const cell = buf.subarray(start, end).toString('utf8');
      const open = cell.slice(0, cell.indexOf('>') + 1);
      const str = /\bt="str"/.test(open);
      // A value, an inline string, or (t="str") an empty <v> — a formula computed to "" — is a cached value.
      const cached = /<v>[^<]/.test(cell) || /<is>/.test(cell) || (str && /<v\s*\/>|<v><\/v>/.test(cell));
      if (cached) continue;
      this.found.count += 1;
      const ref = /\br="([A-Z]+\d+)"/.exec(open)?.[1];
      if (ref && this.found.cells.length < 5) this.found.cells.push(ref);
      i = end;
    }
  }
}

/** Collects, over the parts of one xlsx, its worksheets' uncached formula cells and the names of its sheets. */
export class FormulaScan {
  private readonly sheets = new Map<string, SheetScan>();
  private workbook = '';
  private rels = '';

  /** A consumer for one part's chunks, or null when the part is of no interest. */
  part(name: string): ((chunk: Buffer) => void) | null {
    if (isWorksheet(name)) {
      const scan = new SheetScan();
      this.sheets.set(name.toLowerCase(), scan);
      return (chunk) => scan.feed(chunk);
    }
    if (/^xl\/workbook\.xml$/i.test(name)) return (chunk) => (this.workbook += this.workbook.length < 4 << 20 ? chunk.toString('utf8') : '');
    if (/^xl\/_rels\/workbook\.xml\.rels$/i.test(name)) return (chunk) => (this.rels += this.rels.length < 4 << 20 ? chunk.toString('utf8') : '');
    return null;
  }

  /** Sheet name → its uncached formula cells (sheets with none left out). */
  result(): Map<string, Uncached> {
    const out = new Map<string, Uncached>();
    const targets = new Map<string, string>();
    for (const m of this.rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
      if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/').toLowerCase());
    }
    for (const m of this.workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
      const found = id ? this.sheets.get(targets.get(id) ?? '')?.found : undefined;
      if (name !== undefined && found && found.count > 0) out.set(unescapeXml(name), found);
    }
    return out;
  }
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
