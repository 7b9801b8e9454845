/**
 * Table validators by role, for `ssj validate`: registries are checked row by
 * row in src/core/registry.ts (streaming, duplicates across files); other
 * roles register a whole-table validator here. Adding a role's checks
 * touches this one Map.
 */
import { parsePlanTable } from './plan.js';
import type { Issue, Role, Table } from './types.js';

export type TableValidator = (t: Table, opts: { today: string }) => Issue[];

export const VALIDATORS = new Map<Role, TableValidator>([['plan', (t) => parsePlanTable(t).issues]]);

/** Lets a role's module add or replace its validator. */
export function registerValidator(role: Role, fn: TableValidator): void {
  VALIDATORS.set(role, fn);
}

export function validatorFor(role: Role): TableValidator | undefined {
  return VALIDATORS.get(role);
}
