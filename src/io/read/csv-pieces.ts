/**
 * Parsing a range of a CSV file piece by piece with papaparse (the project's
 * one CSV reader): each piece read from the file, cut at a record end, decoded
 * and parsed row by row, its rows numbered as one sequential parse numbers them. Anything this cannot
 * reproduce exactly (a quote left open, another row count, a limit crossed)
 * throws Fallback: the caller then reads the file sequentially, which reports
 * the problem with its usual message.
 */
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import type { TextEncoding } from './encoding.js';
import { limits } from './csv.js';
import { scanRecords, type Dialect } from './ranges.js';

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
export function decodeRange(buf: Buffer, a: number, b: number, encoding: TextEncoding, fileStart = a === 0): string {
  if (encoding === 'gb18030') return iconv.decode(buf.subarray(a, b), 'gb18030', { stripBOM: fileStart });
  return buf.toString('utf8', a, b);
}

/** Pieces grow up to this when one record is longer than a piece (a record is refused far below: 2M characters). */
const MAX_PIECE = 64 * 1024 * 1024;

/** Parses one piece's text; returns the rows it had. */
function parsePiece(text: string, d: PieceDialect, take: (cells: string[]) => void): boolean {
  // Row by row (step): each row is garbage as soon as it is checked, so the young generation stays small.
  let open = false;
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
  return open;
}

/**
 * Calls onRow(cells, row) for every record of the file's range [start, end)
 * (end null: to the end of the file, whose last record may be an empty line
 * after the final line end, as in a sequential parse), rows numbered from
 * firstRow; `start` must be a record start, `end` too. The range is read
 * piece by piece, each cut at its last record boundary: no more of the file
 * is in memory than a piece. `checkUtf8`: a piece that is not valid UTF-8
 * means the whole file is GB18030 (Fallback). onPiece runs after each piece.
 */
export async function parseFileRange(
  file: string, start: number, end: number | null, d: PieceDialect & { bytes: Dialect }, firstRow: number, pieceBytes: number, checkUtf8: boolean,
  onRow: (cells: string[], row: number) => void, onPiece?: (bytesDone: number) => void | Promise<void>,
): Promise<number> {
  const fd = fs.openSync(file, 'r');
  try {
    const stop = end ?? fs.fstatSync(fd).size;
    const nl = d.bytes.newline.length;
    let row = firstRow;
    let p = start;
    let want = pieceBytes;
    const take = (cells: string[]) => {
      limits(cells, row, file);
      onRow(cells, row);
      row += 1;
    };
    while (p < stop) {
      const n = Math.min(want, stop - p);
      const chunk = Buffer.allocUnsafe(n);
      if (fs.readSync(fd, chunk, 0, n, p) !== n) throw new Fallback('the file changed while it was read');
      const final = p + n === stop;
      const scan = scanRecords(chunk, 0, Infinity, d.bytes, Infinity);
      let upTo: number; // bytes of this piece
      let textEnd: number;
      let expected: number;
      if (final) {
        if (scan.open) throw new Fallback('a quote left open');
        upTo = n;
        textEnd = end === null ? n : n - nl;
        expected = scan.separators + (end === null ? 1 : 0);
        if (end !== null && scan.last !== n) throw new Fallback(`range does not end at a record end (${stop})`);
      } else if (scan.last > 0) {
        // Cut after the last record end outside quotes (a quote still open past it belongs to the next piece).
        upTo = scan.last;
        textEnd = scan.last - nl;
        expected = scan.separators;
      } else {
        if (want >= MAX_PIECE) throw new Fallback('a record longer than a piece');
        want *= 2;
        continue;
      }
      const bytes = chunk.subarray(0, textEnd);
      if (checkUtf8 && !isUtf8(bytes)) throw new Fallback('not UTF-8 throughout (the file is read as GB18030)');
      const before = row;
      const open = parsePiece(textEnd > 0 ? decodeRange(chunk, 0, textEnd, d.encoding, p === 0) : '', d, take);
      if (open) throw new Fallback('open quote in a piece');
      if (row - before !== expected) throw new Fallback(`piece at ${p}: ${row - before} rows, ${expected} expected`);
      p += upTo;
      want = pieceBytes;
      await onPiece?.(p);
    }
    return row - firstRow;
  } finally {
    fs.closeSync(fd);
  }
}
