/**
 * Record boundaries of a CSV held in memory, found over its bytes so that a
 * large file can be parsed in pieces (and in two threads) exactly as one
 * sequential parse would: a piece always starts at the start of a record.
 * Quotes follow papaparse's rule (a quote opens a field only at its start;
 * `""` inside is an escaped quote; any other quote closes). Delimiter, quote
 * and line ends are ASCII, which no UTF-8 or GB18030 multi-byte character
 * contains (except `|` in GB18030: the caller does not split those).
 *
 * A scan can be wrong only on malformed quoting; the parse of each piece then
 * ends inside a quoted field or yields another row count, and the caller
 * falls back to the sequential reader (see registry-parallel.ts).
 */

export interface Dialect {
  /** The delimiter's byte. */
  delimiter: number;
  /** The record separator's bytes: `\r\n`, `\n` or `\r`. */
  newline: Buffer;
}

export interface Scan {
  /** Byte offsets where pieces start, each at a record start; the first is the scan's start. */
  starts: number[];
  /** Record separators before each piece start, counted from the scan's start. */
  before: number[];
  /** Where the scan ended: the first record start at or after `stopAt`, or the buffer's end. */
  end: number;
  /** Record separators in [start, end). */
  separators: number;
  /** Where the record after the last separator starts (the scan's start when there is none). */
  last: number;
  /** The scan ended inside a quoted field (the file's quoting is broken there). */
  open: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Walks records of `buf` from `start` (a record start) and notes a piece start
 * each time `pieceBytes` have passed; stops at the first record start at or
 * after `stopAt`.
 */
export function scanRecords(buf: Uint8Array, start: number, stopAt: number, d: Dialect, pieceBytes: number): Scan {
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const end = view.length;
  const nl = d.newline;
  const starts = [start];
  const before = [0];
  let nextPiece = start + pieceBytes;
  let separators = 0;
  let last = start;
  let quoted = false;
  let i = start;
  let q = view.indexOf(QUOTE, i);
  let n = view.indexOf(nl, i);
  for (;;) {
    if (quoted) {
      const c = view.indexOf(QUOTE, i);
      if (c < 0) return { starts, before, end, separators, last, open: true };
      if (view[c + 1] === QUOTE) i = c + 2;
      else {
        quoted = false;
        i = c + 1;
      }
      continue;
    }
    if (q !== -1 && q < i) q = view.indexOf(QUOTE, i);
    if (n !== -1 && n < i) n = view.indexOf(nl, i);
    if (n >= 0 && (q < 0 || n < q)) {
      separators += 1;
      i = n + nl.length;
      last = i;
      if (i >= stopAt) return { starts, before, end: i, separators, last, open: false };
      if (i >= nextPiece) {
        starts.push(i);
        before.push(separators);
        nextPiece = i + pieceBytes;
      }
      continue;
    }
    if (q < 0) break;
    const prev = q > start ? view[q - 1] : LF;
    if (q === start || prev === d.delimiter || prev === LF || prev === CR) quoted = true;
    i = q + 1;
  }
  return { starts, before, end, separators, last, open: false };
}
