/**
 * One byte range of a large CSV registry, read and checked: the work each
 * worker thread of the parallel reader does (registry-parallel.ts runs one
 * worker per half). Duplicate keys are only logged here — the main thread
 * checks the logs of both ranges, in row order, against the one KeyIndex of
 * the whole command — and entities leave a worker as columns (arrays of
 * strings and codes clone far faster than a million objects), which stay
 * columns on the main thread behind one two-field view per entity.
 */
import { endianness } from 'node:os';
import { countBySeverity } from '../core/issues.js';
import { emptyAccumulator, entityParts, keyOrder, objectTypeOf, RangeKeys, registryHandler, type KeyIndex, type RangeKeysData, type RegistryAccumulator } from '../core/registry.js';
import { schemaFor } from '../core/schemas/index.js';
import type { Entity, Issue, ObjectType, Role, Table, TableRow } from '../core/types.js';
import type { TextEncoding } from './read/encoding.js';
import { Fallback, parseFileRange, type PieceDialect } from './read/csv-pieces.js';
import type { HeaderMatch, RawRow } from './read/header.js';
import type { Dialect } from './read/ranges.js';
import { RowSink } from './read/sink.js';

/** Everything a thread needs to read its range as the sequential reader would (structured-clone safe). */
export interface RangeSetup {
  file: string;
  encoding: TextEncoding;
  delimiter: string;
  newline: string;
  pieceBytes: number;
  /** The range: byte offsets of its first record and of the record after it (null: to the end of the file), and its first record's number. */
  start: number;
  end: number | null;
  firstRow: number;
  /** About how many rows the range has (sizes the key map once). */
  expectedRows: number;
  header: RawRow;
  match: { role: Role; index: number; fields: [string, number][]; matched: number; signatureHits: number; signatureComplete: boolean };
  role: Role;
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

/** Texts of one column joined by NUL (one string crosses threads far faster than thousands). */
const SEP = '\u0000';

/** Entities as columns: repeated values (region, classes, tags) as codes into a dictionary, the rest as joined text. */
export interface EntityColumns {
  objectType: ObjectType;
  count: number;
  /** Keys cross as an array: cloned strings arrive flat, and keys are compared a great deal (sorts, merges). */
  key: string[];
  ybbm: string;
  name: string;
  address: string;
  legal: string;
  /** Where each entity's text ends in ybbm, name, address and legal (UTF-16 units; the next starts one further, past the NUL): four per entity. */
  ends: Uint32Array;
  fromUscc: Uint8Array;
  /** Dictionary codes of region, nature, kind, grade, credit and tags, six per entity. */
  codes: Uint32Array;
  /**
   * The dictionary the codes index. From a worker only the entries new since
   * its last piece cross (`dictFrom` is the first one's code); the main
   * thread appends them to the worker's one dictionary (joinDict).
   */
  dict: string[];
  dictFrom: number;
}

/** A piece's new dictionary entries appended to its worker's dictionary, which the piece then shares. */
export function joinDict(c: EntityColumns, dict: string[]): EntityColumns {
  if (c.dictFrom !== dict.length) throw new Fallback('a dictionary piece out of order');
  for (const v of c.dict) dict.push(v);
  return { ...c, dict, dictFrom: 0 };
}

const LITTLE_ENDIAN = endianness() === 'LE';
const CODED = 6;
const TEXTS = 4;

/** Entities into columns, piece by piece (a worker's side). */
export class ColumnBuilder {
  private readonly index = new Map<string, number>();
  private readonly dict: string[] = [];
  private sent = 0;
  private keys: string[] = [];
  /** The four text columns as UTF-16 code units, NUL after each text: no string per cell outlives its row (kept strings made the reader's GC several times costlier). */
  private texts = [new Uint16Array(1 << 16), new Uint16Array(1 << 16), new Uint16Array(1 << 16), new Uint16Array(1 << 16)];
  private ends: number[] = [];
  private at = [0, 0, 0, 0];
  private fromUscc: number[] = [];
  private codes: number[] = [];

  constructor(private readonly objectType: ObjectType) {}

  private code(v: string): number {
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.dict.length;
      this.index.set(v, c);
      this.dict.push(v);
    }
    return c;
  }

  private text(column: number, v: string): void {
    const from = this.at[column] as number;
    const end = from + v.length;
    let units = this.texts[column] as Uint16Array;
    if (end >= units.length) {
      const grown = new Uint16Array(Math.max(units.length * 2, end + 1));
      grown.set(units.subarray(0, from));
      this.texts[column] = units = grown;
    }
    for (let j = 0; j < v.length; j++) units[from + j] = v.charCodeAt(j);
    units[end] = 0;
    this.ends.push(end);
    this.at[column] = end + 1;
  }

  /** A text column as one string, the texts joined by NUL (the code units in the machine's byte order). */
  private joined(column: number): string {
    const units = this.texts[column] as Uint16Array;
    const length = Math.max(0, (this.at[column] as number) - 1);
    if (!LITTLE_ENDIAN) return new TextDecoder('utf-16be').decode(units.subarray(0, length));
    return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
  }

  /** Tags as one dictionary text; a NUL inside a tag would split differently on the way back. */
  private tagText(tags: readonly string[]): string {
    for (const tag of tags) if (tag.includes(SEP)) throw new Fallback('a NUL character inside a tag');
    return tags.join(SEP);
  }

  /** One entity's fields into the columns (codes already looked up). */
  private append(
    key: string, fromUscc: boolean, ybbm: string, name: string, address: string, legal: string,
    region: number, nature: number, kind: number, grade: number, credit: number, tags: number,
  ): void {
    this.keys.push(key);
    this.text(0, ybbm);
    this.text(1, name);
    this.text(2, address);
    this.text(3, legal);
    this.fromUscc.push(fromUscc ? 1 : 0);
    this.codes.push(region, nature, kind, grade, credit, tags);
  }

  /** An Entity into the columns (the reader itself goes through rows()). */
  push(e: Entity): void {
    const tags = this.code(this.tagText(e.tags));
    this.append(
      e.key, e.keySource === 'uscc', e.ybbm, e.name, e.address, e.legalRepresentative,
      this.code(e.region), this.code(e.nature), this.code(e.kind), this.code(e.grade), this.code(e.credit), tags,
    );
  }

  /**
   * A table's rows straight into the columns, as entityBuilder reads them
   * (the same EntityParts) but with no Entity object in between: each coded
   * field's cell text maps to its code once.
   */
  rows(tb: Table): (row: TableRow) => void {
    const p = entityParts(tb);
    const codeOf = (norm: (v: string) => string) => {
      const memo = new Map<string, number>();
      return (raw: string): number => {
        let c = memo.get(raw);
        if (c === undefined) {
          c = this.code(norm(raw));
          memo.set(raw, c);
        }
        return c;
      };
    };
    const tagText = (raw: string): string => this.tagText(p.tags(raw));
    const [region, nature, kind, grade, credit, tags] = [p.region, p.nature, p.kind, p.grade, p.credit, tagText].map(codeOf) as ((raw: string) => number)[];
    return (row) => {
      const uscc = p.uscc(row);
      const ybbm = p.ybbm(row);
      if (uscc === '' && ybbm === '') return;
      this.append(
        p.key(uscc, ybbm), uscc !== '', ybbm, p.cell(row, 'name'), p.cell(row, 'address'), p.legal(p.cell(row, 'legal')),
        region!(p.cell(row, 'region')), nature!(p.cell(row, 'nature')), kind!(p.cell(row, 'kind')),
        grade!(p.cell(row, 'grade')), credit!(p.cell(row, 'credit')), tags!(p.cell(row, 'tags')),
      );
    };
  }

  get size(): number {
    return this.fromUscc.length;
  }

  /** Keys pushed since the last flush, in order. */
  get pending(): readonly string[] {
    return this.keys;
  }

  /** The entities pushed since the last flush. */
  flush(): EntityColumns {
    const [ybbm, name, address, legal] = [0, 1, 2, 3].map((c) => this.joined(c)) as [string, string, string, string];
    const out: EntityColumns = {
      objectType: this.objectType, count: this.fromUscc.length, key: this.keys, ybbm, name, address, legal,
      ends: Uint32Array.from(this.ends), fromUscc: Uint8Array.from(this.fromUscc), codes: Uint32Array.from(this.codes), dict: this.dict.slice(this.sent), dictFrom: this.sent,
    };
    this.sent = this.dict.length;
    this.keys = [];
    this.ends = [];
    this.at = [0, 0, 0, 0];
    this.fromUscc = [];
    this.codes = [];
    return out;
  }
}

/** One piece's columns on the main thread, with its dictionary's tag lists made once. */
class Piece {
  readonly tags: (string[] | undefined)[] = [];
  /** Its place in columnsOf's list, while one is being made. */
  slot = -1;
  constructor(readonly c: EntityColumns, private readonly shared: Map<string, string[]>) {
    if (c.ends.length !== c.count * TEXTS || c.codes.length !== c.count * CODED || c.key.length !== c.count) throw new Fallback('columns of unequal length');
  }

  text(column: number, i: number, of: string): string {
    const k = i * TEXTS + column;
    const start = i === 0 ? 0 : (this.c.ends[k - TEXTS] as number) + 1;
    return of.slice(start, this.c.ends[k]);
  }

  coded(i: number, field: number): string {
    return this.c.dict[this.c.codes[i * CODED + field] as number] as string;
  }

  tagList(i: number): string[] {
    const code = this.c.codes[i * CODED + 5] as number;
    let t = this.tags[code];
    if (t === undefined) {
      const text = this.c.dict[code] as string;
      t = this.shared.get(text);
      if (!t) this.shared.set(text, (t = Object.freeze(text === '' ? [] : text.split(SEP)) as string[]));
      this.tags[code] = t;
    }
    return t;
  }
}

/**
 * An entity read from its piece's columns when a field is asked for: a
 * million of these are two fields each, where a million plain entities were
 * fourteen (and the texts split into four million strings). The draw reads a
 * few fields of most entities and all fields of the few it selects.
 */
class ColumnEntity implements Entity {
  constructor(
    readonly p: Piece,
    readonly i: number,
  ) {}

  get key(): string {
    return this.p.c.key[this.i] as string;
  }
  get keySource(): 'uscc' | 'ybbm' {
    return this.p.c.fromUscc[this.i] === 1 ? 'uscc' : 'ybbm';
  }
  get objectType(): ObjectType {
    return this.p.c.objectType;
  }
  get name(): string {
    return this.p.text(1, this.i, this.p.c.name);
  }
  get region(): string {
    return this.p.coded(this.i, 0);
  }
  get uscc(): string {
    return this.p.c.fromUscc[this.i] === 1 ? this.key : '';
  }
  get ybbm(): string {
    return this.p.text(0, this.i, this.p.c.ybbm);
  }
  get nature(): string {
    return this.p.coded(this.i, 1);
  }
  get kind(): string {
    return this.p.coded(this.i, 2);
  }
  get grade(): string {
    return this.p.coded(this.i, 3);
  }
  get credit(): string {
    return this.p.coded(this.i, 4);
  }
  get tags(): string[] {
    return this.p.tagList(this.i);
  }
  get address(): string {
    return this.p.text(2, this.i, this.p.c.address);
  }
  get legalRepresentative(): string {
    return this.p.text(3, this.i, this.p.c.legal);
  }

  /** The plain entity (field order as entityBuilder makes them): what JSON, spreads and comparisons see. */
  toJSON(): Entity {
    return {
      key: this.key, keySource: this.keySource, objectType: this.objectType, name: this.name, region: this.region, uscc: this.uscc, ybbm: this.ybbm,
      nature: this.nature, kind: this.kind, grade: this.grade, credit: this.credit, tags: this.tags, address: this.address, legalRepresentative: this.legalRepresentative,
    };
  }
}

/**
 * Entities back from columns, as views over them (ColumnEntity). `shared`
 * keeps one frozen tag array per dictionary entry across pieces.
 */
export function fromColumns(c: EntityColumns, out: Entity[], shared: Map<string, string[]> = new Map()): void {
  const piece = new Piece(c, shared);
  for (let i = 0; i < c.count; i++) out.push(new ColumnEntity(piece, i));
}

/**
 * The columns behind a list of column views, and where each view is in them
 * (`piece[k]`, `row[k]` for entities[k]): what another thread needs to see
 * the same list (inColumns). Null when some entity is not a view.
 */
export function columnsOf(entities: readonly Entity[]): { pieces: EntityColumns[]; piece: Uint32Array<ArrayBuffer>; row: Uint32Array<ArrayBuffer> } | null {
  const list: Piece[] = [];
  const piece = new Uint32Array(entities.length);
  const row = new Uint32Array(entities.length);
  try {
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k];
      if (!(e instanceof ColumnEntity)) return null;
      if (e.p.slot < 0) e.p.slot = list.push(e.p) - 1;
      piece[k] = e.p.slot;
      row[k] = e.i;
    }
  } finally {
    for (const p of list) p.slot = -1;
  }
  return { pieces: list.map((p) => p.c), piece, row };
}

/** The entity list columnsOf described, as views over the columns. */
export function inColumns(pieces: EntityColumns[], piece: Uint32Array, row: Uint32Array): Entity[] {
  const shared = new Map<string, string[]>();
  const ps = pieces.map((c) => new Piece(c, shared));
  return Array.from(piece, (p, k) => new ColumnEntity(ps[p] as Piece, row[k] as number));
}

/** A plain copy of an entity (a column view's fields as own properties). */
export const plainEntity = (e: Entity): Entity => (e instanceof ColumnEntity ? e.toJSON() : e);

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
 * Reads one range of the file: every row through the sink and the registry
 * handler as the sequential reader sends it. Rows up to the header row are
 * skipped (the first range starts at the file's top).
 */
export async function readRange(
  s: RangeSetup,
  onPiece?: (bytesDone: number, acc: RegistryAccumulator) => void | Promise<void>,
  entityRows?: (tb: Table) => (row: TableRow) => void,
): Promise<RangeRead> {
  const acc = emptyAccumulator();
  const keys = new RangeKeys(s.expectedRows);
  const omitted: Omitted = { errors: 0, warnings: 0, infos: 0 };
  let handle: ((row: TableRow) => void) | null = null;
  const headerRow = s.match.index + 1;
  const sink = new RowSink(s.file, null, s.role, headerMatch(s), s.header, headerRow, '', (tb, row) => {
    handle ??= registryHandler(tb, { today: s.today, keys, keep: s.keep, ...(entityRows ? { entityRows } : {}) }, acc);
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
  const dialect = { ...pieceDialect(s), bytes: dialectOf(s) };
  const records = await parseFileRange(s.file, s.start, s.end, dialect, s.firstRow, s.pieceBytes, s.encoding === 'utf8', (cells, row) => {
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
  /** The range's entities (in the order sent) listed in canonical key order. */
  order: Uint32Array<ArrayBuffer>;
}

/**
 * A worker's job: its range of the file. Entities are sent as columns after
 * each piece (`send`), so the main thread makes views over them while the
 * worker reads on; `progress` gets the bytes done.
 */
export async function workerRange(s: RangeSetup, send: (entities: EntityColumns) => void, progress: (done: number) => void): Promise<WorkerRange> {
  const columns = new ColumnBuilder(objectTypeOf(s.role));
  const keys: string[] = [];
  const flush = () => {
    for (const k of columns.pending) keys.push(k);
    if (columns.size > 0) send(columns.flush());
  };
  const r = await readRange(
    s,
    (done) => {
      flush();
      progress(done - s.start);
    },
    (tb) => columns.rows(tb),
  );
  flush();
  return { records: r.records, count: r.count, sinkIssues: r.sinkIssues, issues: r.acc.issues, omitted: r.omitted, keys: r.keys.data(), order: keyOrder(keys) };
}
