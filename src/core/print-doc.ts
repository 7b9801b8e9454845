/**
 * A printable document as data (witness sheet, announcement): rendered as an
 * A4 HTML page by src/render/witness.ts and as a workbook by
 * src/io/witness-xlsx.ts.
 */
export interface DocTable {
  heading: string;
  columns: string[];
  rows: string[][];
  /** Relative column widths (characters), for the workbook. */
  widths: number[];
}

export interface PrintDoc {
  title: string;
  intro?: string;
  meta: [string, string][];
  tables: DocTable[];
  /** Signature lines; empty for sheets nobody signs. */
  signatures: string[];
  footer: string;
}
