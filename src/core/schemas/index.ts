/** Every role's schema, for role recognition and templates. Add a role's schema here. */
import type { TableSchema } from './types.js';
import { pharmacies, institutions, inspectors, conflicts } from './registries.js';

export const SCHEMAS: TableSchema[] = [pharmacies, institutions, inspectors, conflicts];

export type { TableSchema, FieldSpec } from './types.js';
