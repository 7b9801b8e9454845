/**
 * Registry rows → Entity / Inspector / Conflict, with every row check and
 * the duplicate-key check across files (pure: works on read Tables).
 */
import { checkRow, compileRules, fieldText } from './checks/index.js';
import { enumValue } from './checks/enums.js';
import { placeOf } from './issues.js';
import { issue } from './issue-codes.js';
import { KeyMap, type KeyMapData } from './keyset.js';
import { normKey, splitList } from './normalize.js';
import { schemaFor } from './schemas/index.js';
import type { Conflict, Entity, Inspector, Issue, ObjectType, Role, Table, TableRow } from './types.js';

export const ENTITY_ROLES: readonly Role[] = ['pharmacies', 'institutions'];
export const REGISTRY_ROLES: readonly Role[] = ['pharmacies', 'institutions', 'inspectors', 'conflicts', 'insured'];

export const objectTypeOf = (role: Role): ObjectType => (role === 'institutions' ? '定点医疗机构' : '定点零售药店');

const ID_IN_TEXT = /[0-9][0-9Xx*]{5,}/g;
const SEPARATORS = /^[\s,，;；:：/、()（）]+|[\s,，;；:：/、()（）]+$/g;

function enumText(tb: Table, row: TableRow, field: string): string {
  const v = fieldText(tb, row, field);
  const spec = schemaFor(tb.role)?.fields.find((f) => f.field === field);
  return v !== '' && spec?.enum ? (enumValue(field, v, spec.enum) ?? v) : v;
}

const source = (tb: Table, row: TableRow) => ({ file: tb.file, sheet: tb.sheet, row: row.row });

/**
 * A key as a string of its own: cut from a row's text, it is a slice of that
 * text (kept alive with it) and V8 compares such slices some ten times slower
 * than plain one-byte strings — and keys are compared a million times over
 * when a million entities are sorted. Plain ASCII keys are copied as one-byte
 * text; anything else is left as it is.
 */
function flatKey(key: string): string {
  return key.length >= 13 && PLAIN_KEY.test(key) ? Buffer.from(key, 'latin1').toString('latin1') : key;
}

/** Repeated texts (regions, classes) share one string: a million rows keep a handful, not a million. */
function interner(): (v: string) => string {
  const seen = new Map<string, string>();
  return (v) => {
    if (v === '') return v;
    const had = seen.get(v);
    if (had !== undefined) return had;
    if (seen.size < 4096) seen.set(v, v);
    return v;
  };
}

const SEPARATOR_CHARS = new Set([...' ,，;；:：/、()（）']);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A character of ID_IN_TEXT after its first digit: 0-9, X, x or *. */
const isIdChar = (c: number): boolean => isDigit(c) || c === 88 || c === 120 || c === 42;

/** A separator character (SEPARATORS' class); CJK ideographs, the usual edge of a name, are answered first. */
const edge = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c >= 0x4e00 && c <= 0x9fff) return false;
  const ch = s[i] as string;
  return SEPARATOR_CHARS.has(ch) || /\s/.test(ch);
};

/** SEPARATORS removed: separator characters cut from both ends. */
function trimSeparators(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && edge(s, a)) a++;
  while (b > a && edge(s, b - 1)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * 法定代表人 without an ID number written next to the name: every ID_IN_TEXT
 * run removed, then SEPARATORS. The usual cell — a name, a space, an ID
 * number — is one run from the first digit to the end, cut without a regex.
 */
export function legalName(text: string): string {
  let d = 0;
  while (d < text.length && !isDigit(text.charCodeAt(d))) d++;
  if (d === text.length) return trimSeparators(text);
  let e = d;
  while (e < text.length && isIdChar(text.charCodeAt(e))) e++;
  const idToEnd = e === text.length && e - d >= 6; // no digit before d: the regex's one match is [d, end)
  return trimSeparators(idToEnd ? text.slice(0, d) : text.replace(ID_IN_TEXT, ''));
}

/** legalName as defined: the two replaces (the reference its fast path is tested against). */
export const legalNameByRegex = (text: string): string => text.replace(ID_IN_TEXT, '').replace(SEPARATORS, '');

/**
 * How one table's rows become entities, compiled once: column positions,
 * key texts, and each field's normalisation (enum values, tag lists, the
 * legal representative's name) — shared by entityBuilder and the parallel
 * reader's column writer, so both make the same fields.
 */
export interface EntityParts {
  objectType: ObjectType;
  /** The cell of a field ('' when the table has no such column). */
  cell(row: TableRow, field: EntityTextField): string;
  /** 统一社会信用代码 and 医保编码 as keys ('' when empty). */
  uscc(row: TableRow): string;
  ybbm(row: TableRow): string;
  /** The entity's key from those two (flat one-byte text when plain ASCII). */
  key(uscc: string, ybbm: string): string;
  region(v: string): string;
  nature(v: string): string;
  kind(v: string): string;
  grade(v: string): string;
  credit(v: string): string;
  tags(v: string): string[];
  legal(v: string): string;
}

export type EntityTextField = 'name' | 'region' | 'nature' | 'kind' | 'grade' | 'credit' | 'tags' | 'address' | 'legal';

export function entityParts(tb: Table): EntityParts {
  const at = (field: string) => tb.fields.get(field)?.index ?? -1;
  const [u, y] = [at('uscc'), at('ybbm')] as [number, number];
  const index: Record<EntityTextField, number> = {
    name: at('name'), region: at('region'), nature: at('nature'), kind: at('kind'), grade: at('grade'), credit: at('credit'), tags: at('tags'), address: at('address'), legal: at('legal'),
  };
  const cellAt = (row: TableRow, i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
  const fields = schemaFor(tb.role)?.fields ?? [];
  const enumOf = (field: string): ((v: string) => string) => {
    const allowed = fields.find((f) => f.field === field)?.enum;
    const share = interner();
    if (!allowed) return share;
    const memo = new Map<string, string>();
    return (v) => {
      if (v === '') return v;
      let r = memo.get(v);
      if (r === undefined) {
        r = enumValue(field, v, allowed) ?? v;
        if (memo.size < 4096) memo.set(v, r);
      }
      return r;
    };
  };
  const tagMemo = new Map<string, string[]>();
  return {
    objectType: objectTypeOf(tb.role),
    cell: (row, field) => cellAt(row, index[field]),
    uscc: (row) => keyText(cellAt(row, u)),
    ybbm: (row) => keyText(cellAt(row, y)),
    key: (uscc, ybbm) => flatKey(uscc !== '' ? uscc : ybbm),
    region: interner(),
    grade: interner(),
    nature: enumOf('nature'),
    kind: enumOf('kind'),
    credit: enumOf('credit'),
    tags: (text) => {
      let t = tagMemo.get(text);
      if (t === undefined) {
        t = Object.freeze(splitList(text)) as string[];
        if (tagMemo.size < 4096) tagMemo.set(text, t);
      }
      return t;
    },
    legal: legalName,
  };
}

/**
 * rowToEntity compiled for one table: repeated values (regions, classes,
 * tag lists) shared between entities. Tag arrays are frozen: they are shared.
 */
export function entityBuilder(tb: Table): (row: TableRow) => Entity | null {
  const p = entityParts(tb);
  return (row) => {
    const uscc = p.uscc(row);
    const ybbm = p.ybbm(row);
    if (uscc === '' && ybbm === '') return null;
    const key = p.key(uscc, ybbm);
    return {
      key,
      keySource: uscc !== '' ? 'uscc' : 'ybbm',
      objectType: p.objectType,
      name: p.cell(row, 'name'),
      region: p.region(p.cell(row, 'region')),
      uscc: uscc !== '' ? key : '',
      ybbm,
      nature: p.nature(p.cell(row, 'nature')),
      kind: p.kind(p.cell(row, 'kind')),
      grade: p.grade(p.cell(row, 'grade')),
      credit: p.credit(p.cell(row, 'credit')),
      tags: p.tags(p.cell(row, 'tags')),
      address: p.cell(row, 'address'),
      legalRepresentative: p.legal(p.cell(row, 'legal')),
    };
  };
}

/** Compares keys by UTF-16 code units (SPEC step 4), equal keys in file order. */
const byKeyThenIndex = (keys: readonly string[]) => (a: number, b: number): number => {
  const x = keys[a] as string;
  const y = keys[b] as string;
  return x < y ? -1 : x > y ? 1 : a - b;
};

/** Positions of the keys in canonical order (ascending UTF-16 code units; equal keys stay in file order). */
export function keyOrder(keys: readonly string[]): Uint32Array<ArrayBuffer> {
  return new Uint32Array(keys.length).map((_, i) => i).sort(byKeyThenIndex(keys));
}

/**
 * A file's entities in canonical order, whatever the row order of the file
 * (SPEC: row order never matters): every later sort by key — content hash,
 * strata — then runs over sorted input, which costs one pass.
 */
export function sortedByKey(entities: readonly Entity[]): Entity[] {
  return Array.from(keyOrder(entities.map((e) => e.key)), (i) => entities[i] as Entity);
}

/** Two runs already in canonical order (`a` before `b` in the file), merged. */
export function mergeByKey(a: readonly Entity[], b: readonly Entity[]): Entity[] {
  const out = new Array<Entity>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = (b[j] as Entity).key < (a[i] as Entity).key ? (b[j++] as Entity) : (a[i++] as Entity);
  while (i < a.length) out[k++] = a[i++] as Entity;
  while (j < b.length) out[k++] = b[j++] as Entity;
  return out;
}

/** The entity a row describes, or null when it has neither 统一社会信用代码 nor 医保编码. */
export function rowToEntity(tb: Table, row: TableRow): Entity | null {
  return entityBuilder(tb)(row);
}

export function rowToInspector(tb: Table, row: TableRow): Inspector {
  const f = (field: string) => fieldText(tb, row, field);
  return {
    key: normKey(f('license')),
    name: f('name'),
    gender: enumText(tb, row, 'gender'),
    region: f('region'),
    unit: f('unit'),
    area: f('area'),
    expertise: f('expertise'),
    status: enumText(tb, row, 'status'),
    ...staffFields(f('level'), f('licence'), f('category')),
    source: source(tb, row),
  };
}

/** ssj-draw/2 columns, only when written (an inspector of a /1 registry keeps its shape). */
function staffFields(level: string, licence: string, category: string): Pick<Inspector, 'level' | 'licence' | 'category'> {
  return { ...(level !== '' ? { level } : {}), ...(licence !== '' ? { licence } : {}), ...(category !== '' ? { category } : {}) };
}

export function rowToConflict(tb: Table, row: TableRow): Conflict | null {
  const inspector = normKey(fieldText(tb, row, 'license'));
  const entity = normKey(fieldText(tb, row, 'entity'));
  if (inspector === '' || entity === '') return null;
  return { inspector, entity, reason: fieldText(tb, row, 'reason'), source: source(tb, row) };
}

/** Table-level checks: an entity file needs a key column (统一社会信用代码 or 医保编码). */
export function tableIssues(tb: Table): Issue[] {
  if (!ENTITY_ROLES.includes(tb.role) || tb.fields.has('uscc') || tb.fields.has('ybbm')) return [];
  const spec = schemaFor(tb.role)?.fields.find((f) => f.field === 'uscc');
  return [
    issue(
      'missing-column',
      { file: tb.file, sheet: tb.sheet, row: tb.headerRow, column: spec?.label ?? '统一社会信用代码', cell: null, value: null },
      { synonyms: [...(spec?.synonyms ?? []), '医保编码'].join('、'), seen: tb.columns.map((c) => c.header).join('、') },
    ),
  ];
}

/**
 * A registry of entities or inspectors with no data row (a blank template):
 * said as such, so that neither validate passes it as 没有问题 nor announce and
 * draw blame the plan's departments for it. An empty conflicts list is fine.
 */
export function emptyRegistryIssues(tb: Table, rows: number): Issue[] {
  if (rows > 0 || !(ENTITY_ROLES.includes(tb.role) || tb.role === 'inspectors')) return [];
  return [issue('registry-empty', { file: tb.file, sheet: tb.sheet, row: tb.headerRow, column: null, cell: null, value: null }, { next: tb.headerRow + 1 })];
}

const PLAIN_KEY = /^[0-9A-Z]*$/;

/** normKey() with a fast path for keys that are already plain upper-case ASCII. */
export const keyText = (s: string): string => (PLAIN_KEY.test(s) ? s : normKey(s));

interface KeyPlace {
  file: string;
  sheet: string | null;
  col: { header: string; letter: string } | null;
}

/** Rows up to 2^26 per file (xlsx holds 2^20). */
export const ROW_SPAN = 2 ** 26;

/** A later occurrence of a key within one range of rows (see RangeKeys). */
export interface Repeat {
  key: string;
  row: number;
  /** The range's own place id of this occurrence. */
  place: number;
  value: string;
  /** The range's first occurrence, packed as place × ROW_SPAN + row with the range's place ids. */
  first: number;
}

/**
 * Keys seen so far, per key space (entities of every file together,
 * inspectors together): the second occurrence is a duplicate-key issue that
 * names the first place. Positions are packed into one number per key so a
 * million keys stay small. A space holds maps in file order: maps adopted
 * from a range read on another thread are joined without re-inserting their
 * keys; only the last map takes new keys.
 */
export class KeyIndex {
  private readonly spaces = new Map<string, KeyMap[]>();
  private readonly places: KeyPlace[] = [];

  /** Registers where a table's key column is; pass the id to check(). */
  place(tb: Table, field: string): number {
    const col = tb.fields.get(field);
    this.places.push({ file: tb.file, sheet: tb.sheet, col: col ? { header: col.header, letter: col.letter } : null });
    return this.places.length - 1;
  }

  private mapsOf(space: string): KeyMap[] {
    let maps = this.spaces.get(space);
    if (!maps) this.spaces.set(space, (maps = [new KeyMap()]));
    return maps;
  }

  /** The packed first place of a key in any of the maps, or undefined. */
  private static firstIn(maps: readonly KeyMap[], key: string): number | undefined {
    for (const m of maps) {
      const v = m.get(key);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Whether a key was seen in a space (recusal references). */
  has(space: string, key: string): boolean {
    return KeyIndex.firstIn(this.spaces.get(space) ?? [], key) !== undefined;
  }

  check(space: string, key: string, placeId: number, row: TableRow, value: string): Issue | null {
    if (key === '') return null;
    const maps = this.mapsOf(space);
    const last = maps[maps.length - 1] as KeyMap;
    let first: number | undefined;
    for (let i = 0; i < maps.length - 1 && first === undefined; i++) first = (maps[i] as KeyMap).get(key);
    first ??= last.getOrSet(key, placeId * ROW_SPAN + row.row);
    return first === undefined ? null : this.duplicate(placeId, row.row, key, value, first);
  }

  private duplicate(placeId: number, rowNo: number, key: string, value: string, first: number): Issue {
    const here = this.places[placeId] as KeyPlace;
    const there = this.places[Math.floor(first / ROW_SPAN)] as KeyPlace;
    const otherRow = first % ROW_SPAN;
    return issue(
      'duplicate-key',
      { file: here.file, sheet: here.sheet, row: rowNo, column: here.col?.header ?? null, cell: here.col ? `${here.col.letter}${rowNo}` : null, value },
      { key, otherFile: there.file, otherRow, otherCell: there.col ? `${there.col.letter}${otherRow}` : '' },
    );
  }

  /**
   * Joins the keys of a range of rows checked apart (RangeKeys, possibly on
   * another thread), in file order: returns the duplicate-key issues a
   * sequential check would have found in that range, in row order.
   * `placeIds` maps the range's place ids to this index's; `values` holds
   * the cell text of rows where it differs from the key.
   */
  adopt(space: string, data: KeyMapData, placeIds: readonly number[], repeats: readonly Repeat[], values: ReadonlyMap<number, string>): Issue[] {
    const earlier = this.spaces.get(space) ?? [];
    const map = KeyMap.fromData(data);
    const out: Issue[] = [];
    const packed = (local: number) => (placeIds[Math.floor(local / ROW_SPAN)] as number) * ROW_SPAN + (local % ROW_SPAN);
    map.forEach((lookup, key, local) => {
      const mine = packed(local);
      const first = earlier.length > 0 ? lookup(earlier) : undefined;
      if (first !== undefined) {
        const row = local % ROW_SPAN;
        const text = key();
        out.push(this.duplicate(Math.floor(mine / ROW_SPAN), row, text, values.get(row) ?? text, first));
      }
      return mine;
    });
    for (const r of repeats) {
      const first = KeyIndex.firstIn(earlier, r.key) ?? packed(r.first);
      out.push(this.duplicate(placeIds[r.place] as number, r.row, r.key, r.value, first));
    }
    this.spaces.set(space, [...earlier, map]);
    return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }

  private readonly refs: { tb: Table; row: TableRow; inspector: string; entity: string }[] = [];

  /** Notes a recusal row, checked against the registries by referenceIssues() once every file is read. */
  refer(tb: Table, row: TableRow, inspector: string, entity: string): void {
    this.refs.push({ tb, row, inspector, entity });
  }

  /**
   * Recusal rows naming a 执法证号 or entity code that no loaded registry has
   * (a mistyped code would silently void the recusal). Only checked against
   * the kinds of registry that were loaded.
   */
  referenceIssues(): Issue[] {
    const out: Issue[] = [];
    const inspectors = this.spaces.has('inspector');
    const entities = this.spaces.has('entity');
    for (const r of this.refs) {
      if (inspectors && r.inspector !== '' && !this.has('inspector', r.inspector))
        out.push(issue('unknown-reference', placeOf(r.tb, r.row, 'license'), { key: r.inspector }, 'issue.unknown-inspector'));
      if (entities && r.entity !== '' && !this.has('entity', r.entity))
        out.push(issue('unknown-reference', placeOf(r.tb, r.row, 'entity'), { key: r.entity }, 'issue.unknown-entity'));
    }
    return out;
  }
}

/**
 * The key checks of one range of rows, made apart from the command's
 * KeyIndex (on a worker thread, or before a range is known to be good):
 * first occurrences in a map of its own, later ones written down. Joined in
 * file order with KeyIndex.adopt().
 */
export class RangeKeys extends KeyIndex {
  readonly fields: string[] = [];
  readonly map: KeyMap;
  readonly repeats: Repeat[] = [];
  /** [row, cell text] where the text differs from its key. */
  readonly values: [number, string][] = [];

  /** `expected`: about how many rows the range has. */
  constructor(expected = 0) {
    super();
    this.map = new KeyMap(expected);
  }

  override place(_tb: Table, field: string): number {
    this.fields.push(field);
    return this.fields.length - 1;
  }

  override check(_space: string, key: string, placeId: number, row: TableRow, value: string): Issue | null {
    if (key === '') return null;
    if (value !== key) this.values.push([row.row, value]);
    const first = this.map.getOrSet(key, placeId * ROW_SPAN + row.row);
    if (first !== undefined) this.repeats.push({ key, row: row.row, place: placeId, value, first });
    return null;
  }

  data(): RangeKeysData {
    return { fields: this.fields, map: this.map.toData(), repeats: this.repeats, values: this.values };
  }
}

/** RangeKeys as plain data (structured-clone safe; the map's table can be transferred). */
export interface RangeKeysData {
  fields: string[];
  map: KeyMapData;
  repeats: Repeat[];
  values: [number, string][];
}

export interface RegistryAccumulator {
  entities: Entity[];
  inspectors: Inspector[];
  conflicts: Conflict[];
  issues: Issue[];
}

export const emptyAccumulator = (): RegistryAccumulator => ({ entities: [], inspectors: [], conflicts: [], issues: [] });

export interface RowContext {
  today: string | null;
  keys: KeyIndex;
  /** Build Entity/Inspector/Conflict objects (false: only check, as validate does). */
  keep: boolean;
  /** With `keep`: where an entity table's rows go instead of becoming Entity objects (the parallel reader's columns). */
  entityRows?: (tb: Table) => (row: TableRow) => void;
}

function entityHandler(tb: Table, ctx: RowContext, acc: RegistryAccumulator): (row: TableRow) => void {
  const u = tb.fields.get('uscc')?.index ?? -1;
  const y = tb.fields.get('ybbm')?.index ?? -1;
  const uPlace = ctx.keys.place(tb, 'uscc');
  const yPlace = ctx.keys.place(tb, 'ybbm');
  const sink = ctx.keep && ctx.entityRows ? ctx.entityRows(tb) : null;
  const build = ctx.keep && !sink ? entityBuilder(tb) : null;
  return (row) => {
    const uText = u >= 0 ? (row.cells[u] ?? '') : '';
    const yText = y >= 0 ? (row.cells[y] ?? '') : '';
    const fromUscc = uText !== '';
    const key = keyText(fromUscc ? uText : yText);
    const dup = ctx.keys.check('entity', key, fromUscc ? uPlace : yPlace, row, fromUscc ? uText : yText);
    if (dup) acc.issues.push(dup);
    if (build) {
      const e = build(row);
      if (e) acc.entities.push(e);
    } else if (sink) sink(row);
  };
}

/** A 参保人 (ssj-draw/2): key 身份证号, else 社会保障卡号; only 姓名, 参保地区, 险种, 分类标注 besides. */
export function rowToInsured(tb: Table, row: TableRow): Entity | null {
  const f = (field: string) => fieldText(tb, row, field);
  const key = keyText(f('idcard')) || keyText(f('card'));
  if (key === '') return null;
  return {
    key, keySource: 'uscc', objectType: '参保人', name: f('name'), region: f('region'), uscc: '', ybbm: '', nature: '', kind: '', grade: '', credit: '',
    tags: splitList(f('tags')), address: '', legalRepresentative: '', insurance: f('insurance'),
  };
}

function insuredHandler(tb: Table, ctx: RowContext, acc: RegistryAccumulator): (row: TableRow) => void {
  const field = tb.fields.has('idcard') ? 'idcard' : 'card';
  const place = ctx.keys.place(tb, field);
  return (row) => {
    const e = rowToInsured(tb, row);
    if (!e) return;
    const dup = ctx.keys.check('entity', e.key, place, row, e.key);
    if (dup) acc.issues.push(dup);
    if (ctx.keep) acc.entities.push(e);
  };
}

function inspectorHandler(tb: Table, ctx: RowContext, acc: RegistryAccumulator): (row: TableRow) => void {
  const l = tb.fields.get('license')?.index ?? -1;
  const place = ctx.keys.place(tb, 'license');
  return (row) => {
    const text = l >= 0 ? (row.cells[l] ?? '') : '';
    const dup = ctx.keys.check('inspector', keyText(text), place, row, text);
    if (dup) acc.issues.push(dup);
    if (ctx.keep) acc.inspectors.push(rowToInspector(tb, row));
  };
}

/**
 * The per-row work for one registry table, compiled once: every row check,
 * the duplicate-key check against every file seen with the same KeyIndex,
 * and (with `keep`) the Entity/Inspector/Conflict the row describes.
 */
export function registryHandler(tb: Table, ctx: RowContext, acc: RegistryAccumulator): (row: TableRow) => void {
  const checks = compileRules(tb);
  const add = ENTITY_ROLES.includes(tb.role)
    ? entityHandler(tb, ctx, acc)
    : tb.role === 'insured'
      ? insuredHandler(tb, ctx, acc)
    : tb.role === 'inspectors'
      ? inspectorHandler(tb, ctx, acc)
      : (row: TableRow) => {
          const c = tb.role === 'conflicts' ? rowToConflict(tb, row) : null;
          if (!c) return;
          ctx.keys.refer(tb, row, c.inspector, c.entity);
          if (ctx.keep) acc.conflicts.push(c);
        };
  return (row) => {
    checkRow(checks, row, ctx.today, acc.issues);
    add(row);
  };
}

/** A whole read table at once (tests, small files). */
export function parseRegistryTable(tb: Table, today: string | null, keys: KeyIndex = new KeyIndex()): RegistryAccumulator {
  const acc = emptyAccumulator();
  for (const i of [tb.issues, tableIssues(tb)].flat()) acc.issues.push(i);
  if (!REGISTRY_ROLES.includes(tb.role)) return acc;
  const handle = registryHandler(tb, { today, keys, keep: true }, acc);
  for (const row of tb.rows) handle(row);
  return acc;
}
