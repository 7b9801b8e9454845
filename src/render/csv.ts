/** CSV bytes for publications: CRLF; UTF-8 gets a BOM (Excel on Chinese Windows), GB18030 none. */
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import { Utf8Out } from '../core/utf8-out.js';

export type CsvEncoding = 'utf8' | 'gb18030';

/** iconv-lite, loaded for a GB18030 file only (a UTF-8 one, as every draw's drawn list, needs none of its tables). */
let iconvLib: typeof Iconv | null = null;
const iconv = (): typeof Iconv => (iconvLib ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);

/** A field is quoted when it holds a comma, a quote or any white space (a quote doubled inside). */
const QUOTED = /[\s,"]/;
const field = (v: string): string => (QUOTED.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const line = (row: readonly string[]): string => row.map(field).join(',');

/**
 * The text csv-stringify gave with `{record_delimiter: '\r\n', quoted_match: /[\s,"]/}` (a property test keeps
 * them equal), written directly: the 1M draw's drawn list of 39,036 rows took 0.9 s of csv-stringify.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  const lines = new Array<string>(rows.length + 1);
  for (let i = 0; i < rows.length; i++) lines[i] = line(rows[i] as readonly string[]);
  lines[rows.length] = '';
  return lines.join('\r\n');
}

/**
 * The CSV's bytes. UTF-8: the BOM, then each line written as UTF-8 as it is made (core/utf8-out.ts: the 1M draw's
 * drawn list is 39,036 lines, which as one text was 11.7 M characters kept, then encoded); GB18030: the text
 * through iconv-lite.
 */
export function encodeCsv(header: string[], rows: string[][], encoding: CsvEncoding): Uint8Array {
  if (encoding !== 'utf8') return new Uint8Array(iconv().encode(csvText([header, ...rows]), 'gb18030'));
  const out = new Utf8Out();
  out.write('\ufeff');
  for (const r of [header, ...rows]) out.write(`${line(r)}\r\n`);
  return out.bytes();
}
