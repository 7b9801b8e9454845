import type { io as zh } from '../zh/io.js';

export const io: Record<keyof typeof zh, string> = {
  'io.empty': '{file} is empty: there is nothing to read. Check that you picked the filled-in registry.',
  'io.corrupt': '{file} is damaged or not a valid spreadsheet ({reason}). Open it in Excel or WPS, "Save as" .xlsx and try again.',
  'io.notSpreadsheet': '{file} is not a spreadsheet (its content looks like {kind}). Give an .xlsx, .xls, .ods or .csv file.',
  'io.zipBomb': '{file} would unpack to more than {limit} MB (about {size} MB declared) or has an absurd compression ratio; refused as a possible zip bomb. If it is a real registry, split it into several files.',
  'io.tooLarge': '{file} is {size} MB, over the {limit} MB limit. Split it into several files.',
  'io.cellTooLong': '{file} row {row} column {column}: the cell has {length} characters, more than Excel\'s limit of 32767. Check that row for a missing quote or delimiter.',
  'io.rowTooWide': '{file} row {row} has {count} columns, more than the limit of 16384. Check that this is the right CSV file.',
  'io.noHeader': '{file}: no header row found in the first {rows} rows. The header should name columns such as: {expected}. The file starts with: {seen}.',
  'io.noSheets': '{file} has no sheet with any content.',
  'io.wrongRole': '{file} (sheet {sheet}) looks like a "{looksLike}", but a "{expected}" is needed here. Check that you picked the right file; if it really is that kind of table, say so with --role.',
  'io.badRole': 'Invalid --role "{value}"; choose one of: {roles}.',
  'io.csvSheet': '(CSV)',
  'io.binaryKind': 'binary data',
  'io.role.pharmacies': 'designated pharmacy registry',
  'io.role.institutions': 'designated medical institution registry',
  'io.role.inspectors': 'inspector registry',
  'io.role.conflicts': 'recusal list',
  'io.role.plan': 'inspection plan',
  'io.role.results': 'results table',
  'io.role.activities': 'monthly activities sheet',
};
