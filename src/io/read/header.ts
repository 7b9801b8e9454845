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

/**
 * The texts a header cell is looked up by, in order: its headerKey() without required-marks ([] when that is
 * empty), then after each trailing parenthesised note is removed. They do not depend on the schema.
 */
function lookupKeys(text: string): string[] {
  let k = headerKey(text).replace(MARKS, '');
  if (k === '') return [];
  const keys = [k];
  while (NOTE.test(k)) {
    k = k.replace(NOTE, '');
    keys.push(k);
  }
  return keys;
}

/** The field the first of a cell's lookup keys that this schema knows names, or undefined. */
function fieldOf(schema: TableSchema, keys: readonly string[]): string | undefined {
  const idx = schemaIndex(schema);
  for (let i = 0; i < keys.length; i++) {
    const hit = idx.get(keys[i] as string);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The field a header text names in this schema, or undefined. */
export const fieldFor = (schema: TableSchema, text: string): string | undefined => fieldOf(schema, lookupKeys(text));

/** Each schema's index joined: a lookup key → the schemas (by position) that know it, with the field each gives it. */
const joinedCache = new WeakMap<readonly TableSchema[], Map<string, { schema: number; field: string }[]>>();
function joinedIndex(schemas: readonly TableSchema[]): Map<string, { schema: number; field: string }[]> {
  let idx = joinedCache.get(schemas);
  if (!idx) {
    idx = new Map();
    for (let s = 0; s < schemas.length; s++) {
      for (const [k, field] of schemaIndex(schemas[s] as TableSchema)) {
        let hits = idx.get(k);
        if (!hits) idx.set(k, (hits = []));
        hits.push({ schema: s, field });
      }
    }
    joinedCache.set(schemas, idx);
  }
  return idx;
}

/**
 * What one row names in each schema (by position): field → its first column, as matching the row against each
 * schema in turn would find it — for each cell, the field of the first of its lookup keys that schema knows. A
 * cell's keys are made once and looked up once for all the schemas: most rows are data and name nothing.
 */
function rowFields(row: RawRow, idx: Map<string, { schema: number; field: string }[]>): (Map<string, number> | undefined)[] | null {
  let out: (Map<string, number> | undefined)[] | null = null;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string' || v === '') continue;
    const keys = lookupKeys(v);
    let found: Set<number> | null = null; // schemas this cell has already named a field of
    for (let k = 0; k < keys.length; k++) {
      const hits = idx.get(keys[k] as string);
      if (!hits) continue;
      for (const { schema, field } of hits) {
        if (found?.has(schema)) continue;
        (found ??= new Set()).add(schema);
        const fields = ((out ??= [])[schema] ??= new Map<string, number>());
        if (!fields.has(field)) fields.set(field, c);
      }
    }
  }
  return out;
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
  const idx = joinedIndex(schemas);
  const n = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < n; i++) {
    const named = rowFields(rows[i] as RawRow, idx);
    if (!named) continue;
    for (let s = 0; s < schemas.length; s++) {
      const fields = named[s];
      if (!fields || fields.size < 2) continue;
      const schema = schemas[s] as TableSchema;
      const signatureHits = schema.signature.filter((f) => fields.has(f)).length;
      const m: HeaderMatch = { schema, index: i, fields, matched: fields.size, signatureHits, signatureComplete: signatureHits === schema.signature.length };
      if (!best || compareMatch(m, best) > 0) best = m;
    }
  }
  return best;
}
