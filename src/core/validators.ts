/**
 * Table validators by role, for `ssj validate`: registries are checked row by
 * row in src/core/registry.ts (streaming, duplicates across files); other
 * roles register a whole-table validator here. Built-in ones are loaded only
 * when a file of that role is validated, so a registry run never loads (or
 * depends on) the plan parser. Adding a role's checks touches this file only.
 */
import type { Issue, Role, Table } from './types.js';

export type TableValidator = (t: Table, opts: { today: string }) => Issue[];

const LOADERS = new Map<Role, () => Promise<TableValidator>>([
  ['plan', async () => {
    const { parsePlanTable } = await import('./plan.js');
    return (t) => parsePlanTable(t).issues;
  }],
  ['items', async () => {
    const { parseItemsTable } = await import('./items.js');
    return (t) => parseItemsTable(t).issues;
  }],
  ['prior-inspections', async () => {
    const { parsePriorTable } = await import('./prior-inspections.js');
    return (t) => parsePriorTable(t).issues;
  }],
]);

export const VALIDATORS = new Map<Role, TableValidator>();

export async function validatorFor(role: Role): Promise<TableValidator | undefined> {
  const known = VALIDATORS.get(role);
  if (known) return known;
  const load = LOADERS.get(role);
  if (!load) return undefined;
  const fn = await load();
  VALIDATORS.set(role, fn);
  return fn;
}
