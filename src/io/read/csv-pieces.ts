/**
 * Parsing a scanned CSV range piece by piece with papaparse (the project's one
 * CSV reader): each piece decoded from the file's bytes and parsed whole, its
 * rows numbered as one sequential parse numbers them. Anything this cannot
 * reproduce exactly (a quote left open, another row count, a limit crossed)
 * throws Fallback: the caller then reads the file sequentially, which reports
 * the problem with its usual message.
 */
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import type { TextEncoding } from './encoding.js';
import { limits } from './csv.js';
import type { Scan } from './ranges.js';

/** The parallel reader cannot reproduce the sequential one here: read the file sequentially. */
export class Fallback extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Fallback';
  }
}

export interface PieceDialect {
  delimiter: string;
  newline: string;
  encoding: TextEncoding;
}

/** Text of buf[a, b); a GB18030 BOM is dropped only at the file's start (as the streaming decoder does). */
export function decodeRange(buf: Buffer, a: number, b: number, encoding: TextEncoding): string {
  if (encoding === 'gb18030') return iconv.decode(buf.subarray(a, b), 'gb18030', { stripBOM: a === 0 });
  return buf.toString('utf8', a, b);
}

/**
 * Calls onRow(cells, row) for every record of the scanned range [scan.starts[0], end),
 * and onPiece after each piece (awaited: the main thread lets a worker's messages in there),
 * rows numbered from firstRow. `toEof`: the range runs to the end of the file (its
 * last record may be an empty line after the final line end, as in a sequential parse).
 */
export async function parsePieces(
  buf: Buffer, scan: Scan, end: number, toEof: boolean, d: PieceDialect, file: string, firstRow: number,
  onRow: (cells: string[], row: number) => void, onPiece?: (bytesDone: number) => void | Promise<void>,
): Promise<number> {
  let row = firstRow;
  const nl = d.newline.length;
  for (let k = 0; k < scan.starts.length; k++) {
    const a = scan.starts[k] as number;
    const final = k + 1 === scan.starts.length;
    const b = final ? end : (scan.starts[k + 1] as number);
    const upTo = final ? scan.separators : (scan.before[k + 1] as number);
    const expected = upTo - (scan.before[k] as number) + (final && toEof ? 1 : 0);
    const textEnd = final && toEof ? b : b - nl;
    const text = textEnd > a ? decodeRange(buf, a, textEnd, d.encoding) : '';
    // Row by row (step): each row is garbage as soon as it is checked, so the young generation stays small.
    let rows = 0;
    let open = false;
    const take = (cells: string[]) => {
      limits(cells, row, file);
      onRow(cells, row);
      row += 1;
      rows += 1;
    };
    if (text === '') take(['']);
    else {
      Papa.parse<string[]>(text, {
        delimiter: d.delimiter, newline: d.newline as '\r\n', header: false, skipEmptyLines: false,
        step: (r) => {
          if (r.errors.length > 0 && r.errors.some((e) => e.code === 'MissingQuotes')) open = true;
          take(r.data);
        },
      });
    }
    if (open) throw new Fallback(`open quote in piece ${k}`);
    if (rows !== expected) throw new Fallback(`piece ${k}: ${rows} rows, ${expected} expected`);
    await onPiece?.(b);
  }
  return row - firstRow;
}
