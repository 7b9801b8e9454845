/**
 * Validation of several read tables at once (pure): every registry row
 * check, duplicate keys across all the tables with both places, and recusal
 * rows checked against the registries given. `ssj validate` streams the same
 * work file by file (src/io/registry.ts validateFiles); this is the whole-table
 * form for callers that already hold Tables.
 */
import { countBySeverity } from './issues.js';
import { KeyIndex, parseRegistryTable, REGISTRY_ROLES } from './registry.js';
import type { Issue, Table } from './types.js';

export interface TablesValidation {
  /** Issues per table, in the order given (reader-level issues included). */
  issues: Issue[][];
  summary: { errors: number; warnings: number; infos: number };
}

export function validateTables(tables: readonly Table[], today: string | null): TablesValidation {
  const keys = new KeyIndex();
  const issues = tables.map((tb) => (REGISTRY_ROLES.includes(tb.role) ? parseRegistryTable(tb, today, keys).issues : [...tb.issues]));
  for (const i of keys.referenceIssues()) {
    const at = tables.findIndex((tb) => tb.file === i.file);
    if (at >= 0) (issues[at] as Issue[]).push(i);
  }
  return { issues, summary: countBySeverity(issues.flat()) };
}
