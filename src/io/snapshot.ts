/**
 * The announcement's snapshot (issue #20): the validated, normalised inputs
 * of an announcement in one compact file, so that `ssj draw --announcement`
 * need not read and check a million-row registry again when its bytes are
 * the ones announced. This module only turns the inputs into bytes and back;
 * when a snapshot may be used is decided in src/app/snapshot.ts.
 *
 * Layout: "SSJSNAP1", a little-endian u32 length and a JSON header (plan,
 * inputs, issues, inspectors, conflicts, the files and their SHA-256, the
 * entities' dictionary and pieces), then each piece's sections, each padded
 * to 4 bytes: keys and the four texts (ybbm, name, address, 法定代表人) joined
 * by NUL (Latin-1 when every character fits, else UTF-16LE), each entity's text ends (four u32, UTF-16 units as
 * EntityColumns has them), key-from-USCC flags (u8) and six dictionary codes
 * (u32). A piece is a run of entities of one object type, in list order; its
 * entities come back as views that read a field when asked (as the parallel
 * reader's column views do): the texts are not decoded up front.
 */
import { endianness } from 'node:os';
import type { Conflict, Entity, InputRef, Inspector, Issue, ObjectType, Plan } from '../core/types.js';

/** /2: issues carry code and params, not a message rendered at announce time (a /1 snapshot is read from the files instead). */
export const SNAPSHOT_FORMAT = 'ssj-snapshot/2' as const;
const MAGIC = Buffer.from('SSJSNAP1', 'latin1');
const SEP = '\u0000';
const TEXTS = 4;
const CODED = 6;

/** A file given to announce under a flag, by base name, with its bytes' SHA-256. */
export interface SnapshotFile {
  flag: 'plan' | 'entities' | 'inspectors' | 'conflicts';
  file: string;
  sha256: string;
}

export interface SnapshotInputs {
  drawId: string;
  announceDate: string;
  files: SnapshotFile[];
  plan: Plan | null;
  inputs: InputRef[];
  /** Warnings (and errors, which an announcement never has) as loadInputs gave them; infos are not kept. */
  issues: Issue[];
  entities: Entity[];
  inspectors: Inspector[];
  conflicts: Conflict[];
}

/** How a text section is stored: one byte per character when every one is below U+0100, else UTF-16LE (both decode at memory speed; UTF-8 took seconds for a million Chinese names). */
type TextCoding = 'latin1' | 'utf16le';

interface PieceHeader {
  objectType: ObjectType;
  count: number;
  /** Byte lengths of keys, ybbm, name, address, legal. */
  bytes: number[];
  coding: TextCoding[];
}

interface Header extends Omit<SnapshotInputs, 'entities'> {
  format: typeof SNAPSHOT_FORMAT;
  dict: string[];
  pieces: PieceHeader[];
}

export class SnapshotUnreadable extends Error {}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** Whether an entity's fields fit the columns exactly (uscc is the key or empty, as the registry readers make them). */
const fitsColumns = (e: Entity) => e.uscc === (e.keySource === 'uscc' ? e.key : '') && e.source === undefined && !e.tags.some((x) => x.includes(SEP));

/** The snapshot's bytes; null when some entity does not fit the column layout (no snapshot is then written). */
export function encodeSnapshot(s: SnapshotInputs): Buffer | null {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const code = (v: string) => {
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = dict.push(v) - 1));
    return c;
  };
  const pieces: PieceHeader[] = [];
  const chunks: Buffer[] = [];
  const push = (b: Buffer) => {
    chunks.push(b);
    const p = pad4(b.length);
    if (p) chunks.push(Buffer.alloc(p));
  };
  let from = 0;
  while (from < s.entities.length) {
    const type = (s.entities[from] as Entity).objectType;
    let to = from;
    while (to < s.entities.length && (s.entities[to] as Entity).objectType === type) to++;
    const n = to - from;
    const keys: string[] = new Array(n);
    const texts: string[][] = [new Array(n), new Array(n), new Array(n), new Array(n)];
    const ends = new Uint32Array(n * TEXTS);
    const fromUscc = new Uint8Array(n);
    const codes = new Uint32Array(n * CODED);
    const at = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const e = s.entities[from + i] as Entity;
      if (!fitsColumns(e)) return null;
      keys[i] = e.key;
      fromUscc[i] = e.keySource === 'uscc' ? 1 : 0;
      const tx = [e.ybbm, e.name, e.address, e.legalRepresentative];
      for (let c = 0; c < TEXTS; c++) {
        const v = tx[c] as string;
        if (v.includes(SEP)) return null;
        (texts[c] as string[])[i] = v;
        at[c] = (i === 0 ? 0 : (at[c] as number) + 1) + v.length;
        ends[i * TEXTS + c] = at[c] as number;
      }
      const coded = [e.region, e.nature, e.kind, e.grade, e.credit, e.tags.join(SEP)];
      for (let c = 0; c < CODED; c++) codes[i * CODED + c] = code(coded[c] as string);
    }
    const joined = [keys.join(SEP), ...texts.map((t) => t.join(SEP))];
    const coding = joined.map((t): TextCoding => (/[^\u0000-\u00ff]/.test(t) ? 'utf16le' : 'latin1'));
    const parts = joined.map((t, k) => Buffer.from(t, coding[k]));
    pieces.push({ objectType: type, count: n, bytes: parts.map((b) => b.length), coding });
    for (const b of parts) push(b);
    push(Buffer.from(ends.buffer, ends.byteOffset, ends.byteLength));
    push(Buffer.from(fromUscc.buffer, fromUscc.byteOffset, fromUscc.byteLength));
    push(Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength));
    from = to;
  }
  const { entities: _columns, ...rest } = s;
  const header: Header = { format: SNAPSHOT_FORMAT, ...rest, dict, pieces };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const head = [MAGIC, len, json, Buffer.alloc(pad4(MAGIC.length + 4 + json.length))];
  return Buffer.concat([...head, ...chunks]);
}

/**
 * A piece's keys, NUL-separated as stored, each made a string when asked for: a million key strings made up
 * front outlived the young generation and were copied out of it, where the draw reads each key once, to
 * confirm the order (a string that dies young costs next to nothing).
 */
class KeyColumn {
  /** Where each key ends (the start of the next is one unit on). */
  private readonly ends: Uint32Array;
  private readonly unit: number;

  constructor(
    private readonly bytes: Buffer,
    private readonly coding: TextCoding,
    count: number,
  ) {
    this.unit = coding === 'utf16le' ? 2 : 1;
    this.ends = new Uint32Array(count);
    let k = 0;
    const n = bytes.length / this.unit;
    for (let at = 0; at < n; at++) {
      const zero = this.unit === 1 ? bytes[at] === 0 : bytes[2 * at] === 0 && bytes[2 * at + 1] === 0;
      if (!zero) continue;
      if (k >= count) throw new SnapshotUnreadable('keys');
      this.ends[k++] = at;
    }
    if (count > 0 ? k !== count - 1 : n > 0) throw new SnapshotUnreadable('keys');
    if (count > 0) this.ends[k] = n;
  }

  key(i: number): string {
    const start = i === 0 ? 0 : (this.ends[i - 1] as number) + 1;
    return this.bytes.toString(this.coding, start * this.unit, (this.ends[i] as number) * this.unit);
  }
}

/** One piece's sections as read: the four texts stay bytes until a field is asked for (the draw reads the names of the few it selects). */
class SnapshotPiece {
  constructor(
    readonly objectType: ObjectType,
    private readonly keyText: KeyColumn,
    private readonly texts: Buffer[],
    private readonly coding: TextCoding[],
    private readonly ends: Uint32Array,
    readonly fromUscc: Uint8Array,
    private readonly codes: Uint32Array,
    private readonly dict: string[],
    private readonly tagLists: Map<string, string[]>,
  ) {}

  key(i: number): string {
    return this.keyText.key(i);
  }

  text(column: number, i: number): string {
    const k = i * TEXTS + column;
    const start = i === 0 ? 0 : (this.ends[k - TEXTS] as number) + 1;
    const unit = this.coding[column] === 'utf16le' ? 2 : 1;
    return (this.texts[column] as Buffer).toString(this.coding[column], start * unit, (this.ends[k] as number) * unit);
  }

  coded(i: number, field: number): string {
    const v = this.dict[this.codes[i * CODED + field] as number];
    if (v === undefined) throw new SnapshotUnreadable('dictionary code');
    return v;
  }

  tags(i: number): string[] {
    const text = this.coded(i, 5);
    let t = this.tagLists.get(text);
    if (!t) this.tagLists.set(text, (t = Object.freeze(text === '' ? [] : text.split(SEP)) as string[]));
    return t;
  }
}

/** An entity of a snapshot, read from its piece when a field is asked for (as the parallel reader's column views are). */
class SnapshotEntity implements Entity {
  constructor(
    private readonly p: SnapshotPiece,
    private readonly i: number,
  ) {}

  get key(): string {
    return this.p.key(this.i);
  }
  get keySource(): 'uscc' | 'ybbm' {
    return this.p.fromUscc[this.i] === 1 ? 'uscc' : 'ybbm';
  }
  get objectType(): ObjectType {
    return this.p.objectType;
  }
  get name(): string {
    return this.p.text(1, this.i);
  }
  get region(): string {
    return this.p.coded(this.i, 0);
  }
  get uscc(): string {
    return this.p.fromUscc[this.i] === 1 ? this.key : '';
  }
  get ybbm(): string {
    return this.p.text(0, this.i);
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
    return this.p.tags(this.i);
  }
  get address(): string {
    return this.p.text(2, this.i);
  }
  get legalRepresentative(): string {
    return this.p.text(3, this.i);
  }

  /** The plain entity, fields in the order the registry readers make them. */
  toJSON(): Entity {
    return {
      key: this.key, keySource: this.keySource, objectType: this.objectType, name: this.name, region: this.region, uscc: this.uscc, ybbm: this.ybbm,
      nature: this.nature, kind: this.kind, grade: this.grade, credit: this.credit, tags: this.tags, address: this.address, legalRepresentative: this.legalRepresentative,
    };
  }
}

/** The inputs back from a snapshot's bytes (already checked against the announced SHA-256). */
export function decodeSnapshot(buf: Buffer): SnapshotInputs {
  if (endianness() !== 'LE') throw new SnapshotUnreadable('a big-endian host');
  if (buf.length < 12 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotUnreadable('not a snapshot');
  const jsonLen = buf.readUInt32LE(MAGIC.length);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + jsonLen)) as Header;
  } catch {
    throw new SnapshotUnreadable('header');
  }
  if (header.format !== SNAPSHOT_FORMAT) throw new SnapshotUnreadable(`format ${String(header.format)}`);
  let at = MAGIC.length + 4 + jsonLen;
  at += pad4(at);
  const take = (n: number): Buffer => {
    if (at + n > buf.length) throw new SnapshotUnreadable('truncated');
    const b = buf.subarray(at, at + n);
    at += n + pad4(n);
    return b;
  };
  // Sections start at multiples of 4 in the file: over an aligned buffer the codes and ends are views, else copies.
  const u32 = (n: number) => {
    const b = take(n * 4);
    if (b.byteOffset % 4 === 0) return new Uint32Array(b.buffer, b.byteOffset, n);
    const out = new Uint32Array(n);
    Buffer.from(out.buffer).set(b);
    return out;
  };
  const entities: Entity[] = new Array(header.pieces.reduce((n, p) => n + p.count, 0)); // not grown: 1M entries copied as it grew
  let at0 = 0;
  const tagLists = new Map<string, string[]>();
  for (const p of header.pieces) {
    const sections = p.bytes.map((n) => take(n));
    const coding = p.coding.map((c) => {
      if (c !== 'latin1' && c !== 'utf16le') throw new SnapshotUnreadable('text coding');
      return c;
    });
    const keys = new KeyColumn(sections[0] as Buffer, coding[0] as TextCoding, p.count);
    const piece = new SnapshotPiece(p.objectType, keys, sections.slice(1), coding.slice(1), u32(p.count * TEXTS), take(p.count), u32(p.count * CODED), header.dict, tagLists);
    for (let i = 0; i < p.count; i++) entities[at0 + i] = new SnapshotEntity(piece, i);
    at0 += p.count;
  }
  const { format: _f, dict: _d, pieces: _p, ...rest } = header;
  return { ...rest, entities };
}
