/**
 * Department groups (SPEC "The plan" → Department): an inspector belongs to a
 * group when the group's name, normalised, is a substring of the inspector's
 * normalised 工作单位. Normalised = NFKC with every whitespace removed.
 */
import { headerKey } from './normalize.js';

/** The comparison form of a department or unit name. */
export const deptKey = (s: string): string => headerKey(s);

/** "" (no department named) matches every unit. */
export function inDepartment(unit: string, department: string): boolean {
  const d = deptKey(department);
  if (d === '') return true;
  return deptKey(unit).includes(d);
}
