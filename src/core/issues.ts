/** Positions as Excel shows them, and counting issues (the codes and their factory: issue-codes.ts). */
import type { Place } from './issue-codes.js';
import type { Issue, Table, TableRow } from './types.js';

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The place of a field's cell in a row (column header and address), or of the row when the field has no column. */
export function placeOf(tb: Table, row: TableRow, field: string): Place {
  const col = tb.fields.get(field);
  const value = col ? (row.cells[col.index] ?? '') : '';
  return {
    file: tb.file,
    sheet: tb.sheet,
    row: row.row,
    column: col ? col.header : null,
    cell: col ? `${col.letter}${row.row}` : null,
    value: value === '' ? null : value,
  };
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
