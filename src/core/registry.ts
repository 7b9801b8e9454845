/**
 * Registry rows → Entity / Inspector / Conflict, with every row check and
 * the duplicate-key check across files (pure: works on read Tables).
 */
import { checkRow, compileRules, fieldText } from './checks/index.js';
import { enumValue } from './checks/enums.js';
import { makeIssue, placeOf } from './issues.js';
import { KeyMap } from './keyset.js';
import { normKey, splitList } from './normalize.js';
import { schemaFor } from './schemas/index.js';
import type { Conflict, Entity, Inspector, Issue, ObjectType, Role, Table, TableRow } from './types.js';

export const ENTITY_ROLES: readonly Role[] = ['pharmacies', 'institutions'];
export const REGISTRY_ROLES: readonly Role[] = ['pharmacies', 'institutions', 'inspectors', 'conflicts'];

export const objectTypeOf = (role: Role): ObjectType => (role === 'institutions' ? '定点医疗机构' : '定点零售药店');

const ID_IN_TEXT = /[0-9][0-9Xx*]{5,}/g;
const SEPARATORS = /^[\s,，;；:：/、()（）]+|[\s,，;；:：/、()（）]+$/g;

function enumText(tb: Table, row: TableRow, field: string): string {
  const v = fieldText(tb, row, field);
  const spec = schemaFor(tb.role)?.fields.find((f) => f.field === field);
  return v !== '' && spec?.enum ? (enumValue(field, v, spec.enum) ?? v) : v;
}

const source = (tb: Table, row: TableRow) => ({ file: tb.file, sheet: tb.sheet, row: row.row });

/** The entity a row describes, or null when it has neither 统一社会信用代码 nor 医保编码. */
export function rowToEntity(tb: Table, row: TableRow): Entity | null {
  const f = (field: string) => fieldText(tb, row, field);
  const uscc = normKey(f('uscc'));
  const ybbm = normKey(f('ybbm'));
  if (uscc === '' && ybbm === '') return null;
  return {
    key: uscc !== '' ? uscc : ybbm,
    keySource: uscc !== '' ? 'uscc' : 'ybbm',
    objectType: objectTypeOf(tb.role),
    name: f('name'),
    region: f('region'),
    uscc,
    ybbm,
    nature: enumText(tb, row, 'nature'),
    kind: enumText(tb, row, 'kind'),
    grade: f('grade'),
    credit: enumText(tb, row, 'credit'),
    tags: splitList(f('tags')),
    address: f('address'),
    legalRepresentative: f('legal').replace(ID_IN_TEXT, '').replace(SEPARATORS, ''),
    source: source(tb, row),
  };
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
    source: source(tb, row),
  };
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
    makeIssue(
      'missing-column',
      { file: tb.file, sheet: tb.sheet, row: tb.headerRow, column: spec?.label ?? '统一社会信用代码', cell: null, value: null },
      { synonyms: [...(spec?.synonyms ?? []), '医保编码'].join('、'), seen: tb.columns.map((c) => c.header).join('、') },
    ),
  ];
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
const ROW_SPAN = 2 ** 26;

/**
 * Keys seen so far, per key space (entities of every file together,
 * inspectors together): the second occurrence is a duplicate-key issue that
 * names the first place. Positions are packed into one number per key so a
 * million keys stay small.
 */
export class KeyIndex {
  private readonly spaces = new Map<string, KeyMap>();
  private readonly places: KeyPlace[] = [];

  /** Registers where a table's key column is; pass the id to check(). */
  place(tb: Table, field: string): number {
    const col = tb.fields.get(field);
    this.places.push({ file: tb.file, sheet: tb.sheet, col: col ? { header: col.header, letter: col.letter } : null });
    return this.places.length - 1;
  }

  check(space: string, key: string, placeId: number, row: TableRow, value: string): Issue | null {
    if (key === '') return null;
    let seen = this.spaces.get(space);
    if (!seen) this.spaces.set(space, (seen = new KeyMap()));
    const first = seen.getOrSet(key, placeId * ROW_SPAN + row.row);
    if (first === undefined) return null;
    const here = this.places[placeId] as KeyPlace;
    const there = this.places[Math.floor(first / ROW_SPAN)] as KeyPlace;
    const otherRow = first % ROW_SPAN;
    return makeIssue(
      'duplicate-key',
      { file: here.file, sheet: here.sheet, row: row.row, column: here.col?.header ?? null, cell: here.col ? `${here.col.letter}${row.row}` : null, value },
      { key, otherFile: there.file, otherRow, otherCell: there.col ? `${there.col.letter}${otherRow}` : '' },
    );
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
    const inspectors = this.spaces.get('inspector');
    const entities = this.spaces.get('entity');
    for (const r of this.refs) {
      if (inspectors && r.inspector !== '' && inspectors.get(r.inspector) === undefined)
        out.push(makeIssue('unknown-reference', placeOf(r.tb, r.row, 'license'), { key: r.inspector }, 'issue.unknown-inspector'));
      if (entities && r.entity !== '' && entities.get(r.entity) === undefined)
        out.push(makeIssue('unknown-reference', placeOf(r.tb, r.row, 'entity'), { key: r.entity }, 'issue.unknown-entity'));
    }
    return out;
  }
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
}

function entityHandler(tb: Table, ctx: RowContext, acc: RegistryAccumulator): (row: TableRow) => void {
  const u = tb.fields.get('uscc')?.index ?? -1;
  const y = tb.fields.get('ybbm')?.index ?? -1;
  const uPlace = ctx.keys.place(tb, 'uscc');
  const yPlace = ctx.keys.place(tb, 'ybbm');
  return (row) => {
    const uText = u >= 0 ? (row.cells[u] ?? '') : '';
    const yText = y >= 0 ? (row.cells[y] ?? '') : '';
    const fromUscc = uText !== '';
    const key = keyText(fromUscc ? uText : yText);
    const dup = ctx.keys.check('entity', key, fromUscc ? uPlace : yPlace, row, fromUscc ? uText : yText);
    if (dup) acc.issues.push(dup);
    if (ctx.keep) {
      const e = rowToEntity(tb, row);
      if (e) acc.entities.push(e);
    }
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
