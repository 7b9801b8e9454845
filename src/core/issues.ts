/**
 * Building Issue objects: one severity per stable code, one message template
 * per message key (src/i18n/<lang>/validate.ts), positions as Excel shows them.
 */
import { t, type MsgKey, type MsgParams } from '../i18n/index.js';
import type { Issue, Severity, Table, TableRow } from './types.js';

export const SEVERITY: ReadonlyMap<string, Severity> = new Map<string, Severity>([
  ['missing-column', 'error'],
  ['registry-empty', 'error'],
  ['missing-value', 'error'],
  ['uscc-format', 'error'],
  ['uscc-checksum', 'error'],
  ['idcard-format', 'error'],
  ['idcard-checksum', 'error'],
  ['idcard-precision-lost', 'error'],
  ['duplicate-key', 'error'],
  ['bad-enum', 'error'],
  ['bad-date', 'error'],
  ['bad-phone', 'warning'],
  ['no-license-number', 'warning'],
  ['unknown-column', 'info'],
  ['unknown-reference', 'error'], // an unmatched recusal row would silently disable the recusal
  ['more-issues', 'info'],
  ['unreadable-file', 'error'],
  ['uscc-verified', 'warning'],
  ['bad-licence-date', 'error'],
  ['licence-expiring', 'warning'],
  ['licence-expired', 'info'],
]);

/** Where an issue is: the position fields of Issue. */
export type Place = Pick<Issue, 'file' | 'sheet' | 'row' | 'column' | 'cell' | 'value'>;

/** An issue with its message rendered now, in the current language. */
export function makeIssue(code: string, place: Place, params: MsgParams = {}, msgKey?: MsgKey): Issue {
  const key = msgKey ?? (`issue.${code}` as MsgKey);
  const message = t(key, {
    file: place.file,
    sheet: place.sheet ?? '',
    row: place.row ?? '',
    column: place.column ?? '',
    cell: place.cell ?? '',
    value: place.value ?? '',
    ...params,
  });
  return { code, severity: SEVERITY.get(code) ?? 'error', file: place.file, sheet: place.sheet, row: place.row, column: place.column, cell: place.cell, value: place.value, message };
}

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
