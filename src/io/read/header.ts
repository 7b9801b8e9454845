/**
 * Finding the header row and recognising a table's role (pure). Header cells
 * are compared after headerKey() (NFKC, all whitespace removed) against each
 * schema's label and synonyms; a trailing parenthesised note (`性质(公立、民营)`)
 * and required-marks (`*`, `※`) are ignored when the full text does not match.
 * Header text is only ever a Map key, never an object key.
 */
import { headerKey } from '../../core/normalize.js';
import type { TableSchema } from '../../core/schemas/index.js';

/** A cell as read: text, or a number Excel stored (dates are already ISO text). */
export type RawCell = string | number;
export type RawRow = RawCell[];

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderMatch {
  schema: TableSchema;
  /** 0-based index of the header row in the scanned rows. */
  index: number;
  /** field → 0-based column index (first column that claims the field). */
  fields: Map<string, number>;
  matched: number;
  signatureHits: number;
  signatureComplete: boolean;
}

const MARKS = /^[*※＊]+|[*※＊:：]+$/g;
const NOTE = /\([^()]*\)$/;

const indexCache = new WeakMap<TableSchema, Map<string, string>>();

/** headerKey(label or synonym) → field, for one schema. */
function schemaIndex(schema: TableSchema): Map<string, string> {
  let idx = indexCache.get(schema);
  if (!idx) {
    idx = new Map();
    for (const f of schema.fields) {
      for (const text of [f.label, ...f.synonyms]) {
        const k = headerKey(text);
        if (!idx.has(k)) idx.set(k, f.field);
      }
    }
    indexCache.set(schema, idx);
  }
  return idx;
}

/** The field a header text names in this schema, or undefined. */
export function fieldFor(schema: TableSchema, text: string): string | undefined {
  const idx = schemaIndex(schema);
  let k = headerKey(text).replace(MARKS, '');
  if (k === '') return undefined;
  const direct = idx.get(k);
  if (direct !== undefined) return direct;
  while (NOTE.test(k)) {
    k = k.replace(NOTE, '');
    const hit = idx.get(k);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function matchRow(schema: TableSchema, row: RawRow, index: number): HeaderMatch {
  const fields = new Map<string, number>();
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v === '') continue;
    const field = fieldFor(schema, v);
    if (field !== undefined && !fields.has(field)) fields.set(field, c);
  }
  const signatureHits = schema.signature.filter((f) => fields.has(f)).length;
  return { schema, index, fields, matched: fields.size, signatureHits, signatureComplete: signatureHits === schema.signature.length };
}

/** Positive when a is the better header match. */
export function compareMatch(a: HeaderMatch, b: HeaderMatch): number {
  if (a.signatureComplete !== b.signatureComplete) return a.signatureComplete ? 1 : -1;
  if (a.matched !== b.matched) return a.matched - b.matched;
  if (a.signatureHits !== b.signatureHits) return a.signatureHits - b.signatureHits;
  return b.index - a.index; // the earlier row wins a tie
}

/** The best (row, schema) among the first rows; null when no row names two fields of any schema. */
export function bestHeader(rows: RawRow[], schemas: readonly TableSchema[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const n = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as RawRow;
    for (const schema of schemas) {
      const m = matchRow(schema, row, i);
      if (m.matched < 2) continue;
      if (!best || compareMatch(m, best) > 0) best = m;
    }
  }
  return best;
}
