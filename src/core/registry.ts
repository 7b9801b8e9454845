/**
 * Registry rows → Entity / Inspector / Conflict, with every row check and
 * the duplicate-key check across files (pure: works on read Tables).
 */
import { checkRow, fieldText, rulesFor, type RowRule } from './checks/index.js';
import { enumValue } from './checks/enums.js';
import { makeIssue } from './issues.js';
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

interface Seen {
  file: string;
  sheet: string | null;
  row: number;
  cell: string | null;
}

/**
 * Keys seen so far, per key space (entities of every file together,
 * inspectors together): the second occurrence is a duplicate-key issue that
 * names the first place.
 */
export class KeyIndex {
  private readonly spaces = new Map<string, Map<string, Seen>>();

  check(space: string, key: string, tb: Table, row: TableRow, field: string): Issue | null {
    if (key === '') return null;
    let seen = this.spaces.get(space);
    if (!seen) this.spaces.set(space, (seen = new Map()));
    const col = tb.fields.get(field);
    const cell = col ? `${col.letter}${row.row}` : null;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { file: tb.file, sheet: tb.sheet, row: row.row, cell });
      return null;
    }
    return makeIssue(
      'duplicate-key',
      { file: tb.file, sheet: tb.sheet, row: row.row, column: col?.header ?? null, cell, value: col ? (row.cells[col.index] ?? null) : key },
      { key, otherFile: first.file, otherRow: first.row, otherCell: first.cell ?? '' },
    );
  }
}

export interface RegistryAccumulator {
  entities: Entity[];
  inspectors: Inspector[];
  conflicts: Conflict[];
  issues: Issue[];
}

export const emptyAccumulator = (): RegistryAccumulator => ({ entities: [], inspectors: [], conflicts: [], issues: [] });

/**
 * Checks one registry row and adds what it describes to `acc` (when `keep`).
 * Call for every row of every file with one KeyIndex so duplicates across files are found.
 */
export function registryRow(tb: Table, row: TableRow, ctx: { today: string | null; keys: KeyIndex; rules?: readonly RowRule[]; keep: boolean }, acc: RegistryAccumulator): void {
  checkRow(tb, row, ctx.today, ctx.rules ?? rulesFor(tb.role), acc.issues);
  if (ENTITY_ROLES.includes(tb.role)) {
    const e = rowToEntity(tb, row);
    if (!e) return;
    const dup = ctx.keys.check('entity', e.key, tb, row, e.keySource === 'uscc' ? 'uscc' : 'ybbm');
    if (dup) acc.issues.push(dup);
    if (ctx.keep) acc.entities.push(e);
  } else if (tb.role === 'inspectors') {
    const i = rowToInspector(tb, row);
    const dup = ctx.keys.check('inspector', i.key, tb, row, 'license');
    if (dup) acc.issues.push(dup);
    if (ctx.keep) acc.inspectors.push(i);
  } else if (tb.role === 'conflicts') {
    const c = rowToConflict(tb, row);
    if (c && ctx.keep) acc.conflicts.push(c);
  }
}

/** A whole read table at once (tests, small files). */
export function parseRegistryTable(tb: Table, today: string | null, keys: KeyIndex = new KeyIndex()): RegistryAccumulator {
  const acc = emptyAccumulator();
  acc.issues.push(...tb.issues, ...tableIssues(tb));
  const rules = rulesFor(tb.role);
  for (const row of tb.rows) registryRow(tb, row, { today, keys, rules, keep: true }, acc);
  return acc;
}
