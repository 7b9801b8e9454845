/**
 * One byte range of a large CSV registry, read and checked: the work each
 * thread of the parallel reader does (registry-parallel.ts runs one range on
 * the main thread and one on a worker). Duplicate keys are only logged here —
 * the main thread checks the logs of both ranges, in row order, against the
 * one KeyIndex of the whole command — and entities leave a worker as columns
 * (arrays of strings and codes clone far faster than a million objects).
 */
import { countBySeverity } from '../core/issues.js';
import { emptyAccumulator, objectTypeOf, RangeKeys, registryHandler, type KeyIndex, type RangeKeysData, type RegistryAccumulator } from '../core/registry.js';
import { schemaFor } from '../core/schemas/index.js';
import type { Entity, Issue, ObjectType, Role, Table, TableRow } from '../core/types.js';
import type { TextEncoding } from './read/encoding.js';
import { Fallback, parsePieces, type PieceDialect } from './read/csv-pieces.js';
import type { HeaderMatch, RawRow } from './read/header.js';
import { scanRecords, type Dialect, type Scan } from './read/ranges.js';
import { RowSink } from './read/sink.js';

/** Everything a thread needs to read its range as the sequential reader would (structured-clone safe). */
export interface RangeSetup {
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  newline: string;
  pieceBytes: number;
  /** Byte offset of the range (a record start) and the number of its first record. */
  start: number;
  firstRow: number;
  header: RawRow;
  match: { role: Role; index: number; fields: [string, number][]; matched: number; signatureHits: number; signatureComplete: boolean };
  role: Role;
  sha256: string;
  preamble: string[];
  today: string | null;
  keep: boolean;
  /** Row issues kept in full (validate's per-file cap); the rest only counted. */
  maxIssues: number | null;
}

export type Omitted = { errors: number; warnings: number; infos: number };

/** The duplicate-key issues of a range, joined into the command's KeyIndex in file order. */
export function joinKeys(data: RangeKeysData, keys: KeyIndex, tb: Table): Issue[] {
  return keys.adopt('entity', data.map, data.fields.map((f) => keys.place(tb, f)), data.repeats, new Map(data.values));
}

/** Row issues and duplicate-key issues in the order a sequential read finds them (a row's checks, then its key). */
export function mergeByRow(checks: Issue[], dups: Issue[]): Issue[] {
  if (dups.length === 0) return checks;
  const out: Issue[] = [];
  let d = 0;
  for (const issue of checks) {
    while (d < dups.length && ((dups[d] as Issue).row ?? 0) < (issue.row ?? 0)) out.push(dups[d++] as Issue);
    out.push(issue);
  }
  while (d < dups.length) out.push(dups[d++] as Issue);
  return out;
}

interface Dict<T> {
  dict: T[];
  codes: Uint32Array;
}

function dictOf<T>(values: T[], id: (v: T) => string): Dict<T> {
  const index = new Map<string, number>();
  const dict: T[] = [];
  const codes = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as T;
    const k = id(v);
    let c = index.get(k);
    if (c === undefined) {
      c = dict.length;
      index.set(k, c);
      dict.push(v);
    }
    codes[i] = c;
  }
  return { dict, codes };
}

/** Entities as columns: repeated values (region, classes, tags) as dictionaries, the rest as string arrays. */
export interface EntityColumns {
  objectType: ObjectType;
  key: string[];
  fromUscc: Uint8Array;
  ybbm: string[];
  name: string[];
  address: string[];
  legal: string[];
  rows: Int32Array;
  region: Dict<string>;
  nature: Dict<string>;
  kind: Dict<string>;
  grade: Dict<string>;
  credit: Dict<string>;
  tags: Dict<string[]>;
}

export function toColumns(entities: Entity[], objectType: ObjectType): EntityColumns {
  const str = (s: string) => s;
  return {
    objectType,
    key: entities.map((e) => e.key),
    fromUscc: Uint8Array.from(entities, (e) => (e.keySource === 'uscc' ? 1 : 0)),
    ybbm: entities.map((e) => e.ybbm),
    name: entities.map((e) => e.name),
    address: entities.map((e) => e.address),
    legal: entities.map((e) => e.legalRepresentative),
    rows: Int32Array.from(entities, (e) => e.source.row ?? 0),
    region: dictOf(entities.map((e) => e.region), str),
    nature: dictOf(entities.map((e) => e.nature), str),
    kind: dictOf(entities.map((e) => e.kind), str),
    grade: dictOf(entities.map((e) => e.grade), str),
    credit: dictOf(entities.map((e) => e.credit), str),
    tags: dictOf(entities.map((e) => e.tags), (t) => t.join('\u0000')),
  };
}

/** Entity objects back from columns (field order as rowToEntity builds them). Entities with equal tags share one array. */
export function fromColumns(c: EntityColumns, file: string, out: Entity[]): void {
  const at = <T>(d: Dict<T>, i: number): T => d.dict[d.codes[i] as number] as T;
  for (let i = 0; i < c.key.length; i++) {
    const key = c.key[i] as string;
    const uscc = c.fromUscc[i] === 1;
    out.push({
      key,
      keySource: uscc ? 'uscc' : 'ybbm',
      objectType: c.objectType,
      name: c.name[i] as string,
      region: at(c.region, i),
      uscc: uscc ? key : '',
      ybbm: c.ybbm[i] as string,
      nature: at(c.nature, i),
      kind: at(c.kind, i),
      grade: at(c.grade, i),
      credit: at(c.credit, i),
      tags: at(c.tags, i),
      address: c.address[i] as string,
      legalRepresentative: c.legal[i] as string,
      source: { file, sheet: null, row: c.rows[i] as number },
    });
  }
}

export function dialectOf(s: Pick<RangeSetup, 'delimiter' | 'newline'>): Dialect {
  return { delimiter: s.delimiter.charCodeAt(0), newline: Buffer.from(s.newline, 'latin1') };
}

export function pieceDialect(s: RangeSetup): PieceDialect {
  return { delimiter: s.delimiter, newline: s.newline, encoding: s.encoding };
}

function headerMatch(s: RangeSetup): HeaderMatch {
  const schema = schemaFor(s.match.role);
  if (!schema) throw new Fallback(`no schema ${s.match.role}`);
  return { ...s.match, schema, fields: new Map(s.match.fields) };
}

export interface RangeRead {
  table: Table;
  /** Records parsed (blank ones too) and non-blank rows. */
  records: number;
  count: number;
  /** Reader issues of the rows (the header's own are the main thread's). */
  sinkIssues: Issue[];
  acc: RegistryAccumulator;
  omitted: Omitted;
  keys: RangeKeys;
}

/**
 * Reads one scanned range: every row through the sink and the registry
 * handler as the sequential reader sends it. Rows up to the header row are
 * skipped (the main thread's range starts at the file's top).
 */
export async function readRange(
  buf: Buffer, scan: Scan, end: number, toEof: boolean, s: RangeSetup, onPiece?: (bytesDone: number, acc: RegistryAccumulator) => void | Promise<void>,
): Promise<RangeRead> {
  const acc = emptyAccumulator();
  const keys = new RangeKeys();
  const omitted: Omitted = { errors: 0, warnings: 0, infos: 0 };
  let handle: ((row: TableRow) => void) | null = null;
  const headerRow = s.match.index + 1;
  const sink = new RowSink(s.file, null, s.role, headerMatch(s), s.header, headerRow, s.sha256, (tb, row) => {
    handle ??= registryHandler(tb, { today: s.today, keys, keep: s.keep }, acc);
    handle(row);
    if (s.maxIssues !== null && acc.issues.length > s.maxIssues) {
      const c = countBySeverity(acc.issues.splice(s.maxIssues));
      omitted.errors += c.errors;
      omitted.warnings += c.warnings;
      omitted.infos += c.infos;
    }
    return false;
  }, s.preamble);
  const headerIssues = sink.issues.length;
  const records = await parsePieces(buf, scan, end, toEof, pieceDialect(s), s.file, s.firstRow, (cells, row) => {
    if (row > headerRow) sink.add(cells, row);
  }, onPiece ? (done) => onPiece(done, acc) : undefined);
  return { table: sink.table, records, count: sink.count, sinkIssues: sink.issues.slice(headerIssues), acc, omitted, keys };
}

/** What a worker sends back for its range at the end (structured-clone safe); entities came before, piece by piece. */
export interface WorkerRange {
  records: number;
  count: number;
  sinkIssues: Issue[];
  issues: Issue[];
  omitted: Omitted;
  keys: RangeKeysData;
}

/**
 * The worker's job: its range from `start` to the end of the file. Entities
 * are sent as columns after each piece (`send`), so the main thread can turn
 * them into objects while the worker reads on.
 */
export async function workerRange(buf: Buffer, s: RangeSetup, send: (entities: EntityColumns) => void): Promise<WorkerRange> {
  const scan = scanRecords(buf, s.start, Infinity, dialectOf(s), s.pieceBytes);
  if (scan.open) throw new Fallback('open quote at the end of the file');
  const objectType = objectTypeOf(s.role);
  const flush = (acc: RegistryAccumulator) => {
    if (s.keep && acc.entities.length > 0) send(toColumns(acc.entities.splice(0), objectType));
  };
  const r = await readRange(buf, scan, buf.length, true, s, (_done, acc) => flush(acc));
  flush(r.acc);
  return { records: r.records, count: r.count, sinkIssues: r.sinkIssues, issues: r.acc.issues, omitted: r.omitted, keys: r.keys.data() };
}
