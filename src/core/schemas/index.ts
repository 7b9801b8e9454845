/** Every role's schema, for role recognition and templates. Add a role's schema here. */
import type { TableSchema } from './types.js';
import { pharmacies, institutions, inspectors, conflicts } from './registries.js';
import { plan } from './plan.js';
import { results } from './results.js';
import { activities } from './activities.js';
import { items, priorInspections, insured } from './draw2.js';

export const SCHEMAS: TableSchema[] = [pharmacies, institutions, inspectors, conflicts, plan, results, activities, items, priorInspections, insured];

export const schemaFor = (role: string): TableSchema | undefined => SCHEMAS.find((s) => s.role === role);

export type { TableSchema } from './types.js';
