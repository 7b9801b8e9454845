/**
 * CSV through papaparse (the only CSV reader), row by row so a million-row
 * file never exists as a million row objects beyond the string arrays.
 * Excel's own limits are enforced: 32,767 characters per cell, 16,384
 * columns per row.
 */
import Papa from 'papaparse';
import { InputError } from '../../errors.js';
import { columnLetter } from '../../core/issues.js';

export const MAX_CELL = 32_767;
export const MAX_COLUMNS = 16_384;

/** Calls onRow(cells, excelRow) for each record; excelRow is 1-based. */
export function parseCsv(text: string, file: string, onRow: (cells: string[], excelRow: number) => void): void {
  let rowNo = 0;
  let failure: InputError | null = null;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';', '|'],
    step(result, parser) {
      rowNo += 1;
      const cells = result.data;
      if (result.errors.some((e) => e.code === 'MissingQuotes')) {
        // An opening quote never closed swallows the rest of the file into one cell: refuse, naming the row.
        const col = cells.findIndex((c) => /[\r\n]/.test(c));
        failure = new InputError('io.unterminatedQuote', { file, row: rowNo, column: columnLetter(col >= 0 ? col : cells.length - 1) });
        parser.abort();
        return;
      }
      if (cells.length > MAX_COLUMNS) {
        failure = new InputError('io.rowTooWide', { file, row: rowNo, count: cells.length });
        parser.abort();
        return;
      }
      for (let c = 0; c < cells.length; c++) {
        const len = (cells[c] as string).length;
        if (len > MAX_CELL) {
          failure = new InputError('io.cellTooLong', { file, row: rowNo, column: columnLetter(c), length: len });
          parser.abort();
          return;
        }
      }
      onRow(cells, rowNo);
    },
  });
  if (failure) throw failure;
}
