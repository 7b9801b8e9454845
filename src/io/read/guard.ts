/**
 * A guard in front of papaparse: papaparse re-parses a record that spans
 * chunks from its start on every chunk, so one 100 MB cell would cost
 * minutes and gigabytes before any limit could be checked. This transform
 * follows record boundaries cheaply (indexOf over quotes and newlines) and
 * stops a record that grows past MAX_RECORD characters, naming its row and,
 * where it can tell, the column of the over-long cell.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { InputError } from '../../errors.js';
import { columnLetter } from '../../core/issues.js';

/** No registry row comes near this; far above 32,767 characters per cell. */
export const MAX_RECORD = 2_000_000;
const MAX_CELL = 32_767;
const MAX_COLUMNS = 16_384;

function guessDelimiter(text: string): string {
  const line = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  let best = ',';
  let count = -1;
  for (const d of [',', '\t', ';', '|']) {
    const n = line.split(d).length - 1;
    if (n > count) [best, count] = [d, n];
  }
  return best;
}

/** The 0-based column and length of the first cell longer than MAX_CELL in a record's text, or the column count. */
export function longCell(record: string, delimiter: string): { column: number; length: number } | { columns: number } {
  let column = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i];
    if (quoted) {
      if (ch === '"') {
        if (record[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (ch === '"' && i === start) quoted = true;
    else if (ch === delimiter) {
      column++;
      start = i + 1;
    }
    if (i - start + 1 > MAX_CELL) return { column, length: i - start + 1 };
  }
  return { columns: column + 1 };
}

export class RecordGuard extends Transform {
  private delimiter: string | null = null;
  /** '\n', or '\r' for files with old Mac line ends (papaparse reads both). */
  private newline = '\n';
  private quoted = false;
  /** The previous character seen (field-start detection across chunks). */
  private prev = '\n';
  /** A closing-quote candidate at the very end of the last chunk. */
  private pendingQuote = false;
  private record = 1;
  private length = 0;
  private head: string[] = [];
  private headLength = 0;

  constructor(private readonly file: string) {
    super({ readableObjectMode: true, writableObjectMode: true });
  }

  override _transform(chunk: string, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.delimiter === null) {
      this.delimiter = guessDelimiter(chunk);
      if (!chunk.includes('\n') && chunk.includes('\r')) this.newline = '\r';
    }
    const lastBoundary = this.scan(chunk);
    if (lastBoundary >= 0) {
      this.head = [];
      this.headLength = 0;
      this.length = 0;
    }
    const rest = lastBoundary >= 0 ? chunk.slice(lastBoundary + 1) : chunk;
    this.length += rest.length;
    if (this.headLength < MAX_RECORD) {
      this.head.push(rest);
      this.headLength += rest.length;
    }
    if (this.length > MAX_RECORD) {
      done(this.failure());
      return;
    }
    done(null, chunk);
  }

  /** Follows quotes and record ends through one chunk; returns the index of the last record end, or -1. */
  private scan(chunk: string): number {
    let last = -1;
    let i = 0;
    let nextQuote = chunk.indexOf('"');
    let nextNewline = chunk.indexOf(this.newline);
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (chunk[0] === '"') i = 1; // an escaped "" split over two chunks: still quoted
      else this.quoted = false;
    }
    for (;;) {
      if (this.quoted) {
        const q = chunk.indexOf('"', i);
        if (q < 0) break;
        if (q + 1 >= chunk.length) {
          this.pendingQuote = true;
          break;
        }
        if (chunk[q + 1] === '"') i = q + 2;
        else {
          this.quoted = false;
          i = q + 1;
        }
        continue;
      }
      // The next quote is found once and reused until passed: no rescans of the chunk per line.
      if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf('"', i);
      if (nextNewline !== -1 && nextNewline < i) nextNewline = chunk.indexOf(this.newline, i);
      const n = nextNewline;
      const q = nextQuote;
      if (n >= 0 && (q < 0 || n < q)) {
        last = n;
        this.record++;
        i = n + 1;
        continue;
      }
      if (q < 0) break;
      const before = q > 0 ? chunk[q - 1] : this.prev;
      if (before === this.delimiter || before === '\n' || before === '\r') this.quoted = true;
      i = q + 1;
    }
    if (chunk.length > 0) this.prev = chunk[chunk.length - 1] as string;
    return last;
  }

  private failure(): InputError {
    const text = this.head.join('').slice(0, MAX_RECORD);
    const found = longCell(text, this.delimiter ?? ',');
    if ('column' in found) return new InputError('io.cellTooLongAt', { file: this.file, row: this.record, column: columnLetter(found.column), limit: MAX_CELL });
    if (found.columns > MAX_COLUMNS) return new InputError('io.rowTooWide', { file: this.file, row: this.record, count: found.columns });
    return new InputError('io.recordTooLong', { file: this.file, row: this.record, limit: MAX_RECORD });
  }
}
