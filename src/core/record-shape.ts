/**
 * Shape checks for what is read back from the workspace — draw records,
 * amendments, ledger lines — before any field is used: a record with the right
 * format tag and wrong field types, or a ledger line `null`, is named as such
 * instead of failing deep inside (`recorded.filter is not a function`). Every
 * id read from a file passes the same check as `--id` (no path can be built
 * from it). Pure: returns what is wrong (a short field path), or null.
 */
import { isSafeRecordId } from './record.js';

type Check = (v: unknown) => boolean;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const id: Check = (v) => typeof v === 'string' && isSafeRecordId(v);
const arrayOf = (c: Check): Check => (v) => Array.isArray(v) && v.every(c);
const shape = (fields: Record<string, Check>): Check => (v) => isObj(v) && Object.entries(fields).every(([k, c]) => c(v[k]));

/** The first field of `v` that fails its check, as `name`; null when all pass. */
function firstBad(v: unknown, fields: Record<string, Check>): string | null {
  if (!isObj(v)) return '{}';
  for (const [k, c] of Object.entries(fields)) if (!c(v[k])) return k;
  return null;
}

const member = shape({ key: str, name: str, role: str });
const team = shape({ entity: str, members: arrayOf(member) });
const input = shape({ role: str, file: str, fileSha256: str, contentSha256: str });

const COMMON: Record<string, Check> = {
  drawId: id,
  createdAt: str,
  seed: str,
  inputs: arrayOf(input),
  prevRecordHash: strOrNull,
  recordHash: str,
};
const DRAW: Record<string, Check> = {
  ...COMMON,
  drawDate: str,
  plan: shape({ rows: Array.isArray }),
  strata: arrayOf(shape({ number: num, label: str, population: num, eligible: num, size: num, selected: arrayOf(str) })),
  selected: arrayOf(shape({ key: str, order: num, stratum: num, name: str })),
  teams: arrayOf(team),
};
const AMENDMENT: Record<string, Check> = {
  ...COMMON,
  amends: id,
  substitution: shape({ entity: str, removed: str, reason: str, candidates: num, replacement: member }),
  team,
};

const REPLACEMENT: Record<string, Check> = {
  ...COMMON,
  amends: id,
  replacement: shape({ entity: str, reason: str, candidates: num, selected: shape({ key: str, order: num, stratum: num, name: str }) }),
  team,
};

/** What is wrong with a parsed record file (format already checked by the caller), or null. */
export function recordShapeProblem(v: unknown): string | null {
  if (!isObj(v)) return '{}';
  return firstBad(v, 'amends' in v ? ('replacement' in v ? REPLACEMENT : AMENDMENT) : DRAW);
}

/** What is wrong with a parsed ledger line, or null. v2 event lines (`v: 2`) are checked for their ids only. */
export function ledgerLineProblem(v: unknown): string | null {
  if (!isObj(v)) return v === null ? 'null' : '{}';
  if (v.v !== undefined) {
    if (v.drawId !== undefined && !id(v.drawId)) return 'drawId';
    if (v.amends !== undefined && !id(v.amends)) return 'amends';
    return null;
  }
  const bad = firstBad(v, { drawId: id, recordHash: str, prevRecordHash: strOrNull, createdAt: str });
  if (bad) return bad;
  if (v.amends !== undefined && !id(v.amends)) return 'amends';
  return null;
}
