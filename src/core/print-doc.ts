/**
 * A printable document as data (witness sheet, announcement): rendered as an
 * A4 HTML page by src/render/witness.ts and as a workbook by
 * src/io/witness-xlsx.ts.
 */
export interface DocTable {
  heading: string;
  columns: string[];
  rows: string[][];
  /** Relative column widths (characters), for the workbook and the printed page. */
  widths: number[];
  /** Columns whose cells never wrap (姓名, 执法证号). */
  nowrap?: number[];
}

export interface PrintDoc {
  title: string;
  intro?: string;
  meta: [string, string][];
  tables: DocTable[];
  /** Signature lines; empty for sheets nobody signs. */
  signatures: string[];
  footer: string;
  /** The page number as printed, with {page} and {pages} (第 {page} 页 共 {pages} 页). */
  pageOf?: string;
}

/**
 * How much the document holds: its table rows and cells (headers included), and the UTF-16 length of all its
 * text (cells, headings, meta, title, intro, footer, signatures) — for a bound on the size of a rendering.
 */
export function docSize(doc: PrintDoc): { rows: number; cells: number; units: number } {
  let rows = doc.meta.length;
  let cells = 2 * doc.meta.length + doc.signatures.length;
  let units = doc.title.length + (doc.intro?.length ?? 0) + doc.footer.length + (doc.pageOf?.length ?? 0);
  for (const [k, v] of doc.meta) units += k.length + v.length;
  for (const label of doc.signatures) units += label.length;
  const add = (r: string[]) => {
    cells += r.length;
    for (const c of r) units += c.length;
  };
  for (const tb of doc.tables) {
    rows += tb.rows.length + 2;
    units += tb.heading.length;
    add(tb.columns);
    for (const r of tb.rows) add(r);
  }
  return { rows, cells, units };
}
