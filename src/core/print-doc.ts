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
