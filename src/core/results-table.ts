/**
 * The results-table form (src/core/schemas/results.ts, one row per
 * inspection) as raw inspections with their cells' positions. Pure.
 */
import type { RawCell, RawInspection } from './results.js';
import type { Table, TableRow } from './types.js';

function at(t: Table, r: TableRow, field: string): RawCell {
  const col = t.fields.get(field);
  if (!col) return { value: '', sheet: t.sheet, row: r.row, column: null, cell: null };
  return { value: r.cells[col.index] ?? '', sheet: t.sheet, row: r.row, column: col.letter, cell: `${col.letter}${r.row}` };
}

/** One raw inspection per data row (blank rows are already skipped by the reader). */
export function tableInspections(t: Table): RawInspection[] {
  return t.rows.map((r) => ({
    file: t.file,
    form: 'table',
    drawId: at(t, r, 'drawId'),
    entity: at(t, r, 'entity'),
    date: at(t, r, 'date'),
    codes: [at(t, r, 'codes')],
    handling: at(t, r, 'handling'),
    remarks: at(t, r, 'remarks'),
    pubDate: at(t, r, 'pubDate'),
    pubSite: at(t, r, 'pubSite'),
    followUp: {
      measure: at(t, r, 'fuMeasure'),
      amount: at(t, r, 'fuAmount'),
      deadline: at(t, r, 'fuDeadline'),
      recheckDate: at(t, r, 'fuRecheckDate'),
      recheckOutcome: at(t, r, 'fuRecheckOutcome'),
      closedDate: at(t, r, 'fuClosedDate'),
    },
  }));
}
