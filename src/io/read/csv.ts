/**
 * CSV through papaparse (the only CSV reader), streamed chunk by chunk from
 * the decoded file, so a 170 MB registry never sits in memory whole. Excel's
 * own limits are enforced: 32,767 characters per cell, 16,384 columns.
 */
import Papa from 'papaparse';
import { InputError } from '../../errors.js';
import { columnLetter } from '../../core/issues.js';
import { textStream, type TextEncoding } from './encoding.js';
import { RecordGuard } from './guard.js';

export const MAX_CELL = 32_767;
export const MAX_COLUMNS = 16_384;

export function limits(cells: string[], rowNo: number, file: string): void {
  if (cells.length > MAX_COLUMNS) throw new InputError('io.rowTooWide', { file, row: rowNo, count: cells.length });
  for (let c = 0; c < cells.length; c++) {
    const len = (cells[c] as string).length;
    if (len > MAX_CELL) throw new InputError('io.cellTooLong', { file, row: rowNo, column: columnLetter(c), length: len });
  }
}

function unterminated(cells: string[], rowNo: number, file: string): never {
  const col = cells.findIndex((c) => /[\r\n]/.test(c));
  throw new InputError('io.unterminatedQuote', { file, row: rowNo, column: columnLetter(col >= 0 ? col : Math.max(0, cells.length - 1)) });
}

/**
 * Calls onRow(cells, excelRow) for each record (excelRow 1-based). An error
 * thrown by onRow (or a limit) stops the parse and rejects with it.
 */
export function parseCsvFile(file: string, encoding: TextEncoding, onRow: (cells: string[], excelRow: number) => void, onBytes?: (n: number) => void): Promise<void> {
  const source = textStream(file, encoding, onBytes);
  const stream = source.pipe(new RecordGuard(file));
  source.on('error', (e: Error) => stream.destroy(e));
  const stop = () => {
    source.destroy();
    stream.destroy();
  };
  let rowNo = 0;
  let failure: unknown = null;
  return new Promise<void>((resolve, reject) => {
    const finish = () => (failure ? reject(failure) : resolve());
    stream.on('error', (e: Error) => {
      failure ??= e instanceof InputError ? e : new InputError('io.corrupt', { file, reason: e.message });
      source.destroy();
      finish();
    });
    Papa.parse<string[]>(stream as unknown as File, {
      header: false,
      skipEmptyLines: false,
      delimitersToGuess: [',', '\t', ';', '|'],
      chunk(results, parser) {
        if (failure) return;
        try {
          // A quote never closed swallows the rest of the file into one cell: refuse, naming the row and cell.
          const open = results.errors.find((e) => e.code === 'MissingQuotes');
          for (const [i, cells] of results.data.entries()) {
            rowNo += 1;
            if (open && (open.row === undefined || i >= open.row)) unterminated(cells, rowNo, file);
            limits(cells, rowNo, file);
            onRow(cells, rowNo);
          }
        } catch (e) {
          failure = e;
          parser.abort();
          stop();
        }
      },
      complete: finish,
      error: (e: Error) => {
        failure ??= new InputError('io.corrupt', { file, reason: e.message });
        finish();
      },
    });
  });
}
