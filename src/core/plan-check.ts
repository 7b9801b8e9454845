/**
 * Checks of a parsed plan against the registries and the draw date, before
 * any seed is used (SPEC "The plan": a department no inspector belongs to,
 * credit classes missing). Pure.
 */
import { t } from '../i18n/index.js';
import { inDepartment } from './department.js';
import { headerKey } from './normalize.js';
import { creditOf, inPopulation, passesFilter } from './plan-filter.js';
import { planIssue, planRowSource, type FieldPos, type RowSource } from './plan-row.js';
import { seatShortages, shortageParams } from './plan-seats.js';
import { groupsOf } from './teams.js';
import type { Conflict, Entity, Inspector, Issue, Plan, PlanRow, Severity } from './types.js';

const MAX_LISTED = 20;

function rowIssue(plan: Plan, row: PlanRow, field: Parameters<RowSource['pos']>[0], code: string, severity: Severity, value: string, key: Parameters<typeof planIssue>[5], params: Record<string, string | number>): Issue {
  const src = planRowSource(row);
  const at = src ?? { file: plan.source, sheet: null, row: null };
  const pos: FieldPos = src ? src.pos(field) : { cell: null, column: `rows[${plan.rows.indexOf(row)}].${field}` };
  return planIssue(code, severity, at, pos, value, key, params);
}

/** Inspectors that can sit on any team: a key and not 不可用. */
export const isDrawable = (i: Inspector): boolean => i.key !== '' && headerKey(i.status) !== '不可用';

function departmentIssues(plan: Plan, row: PlanRow, inspectors: Inspector[]): Issue[] {
  const out: Issue[] = [];
  const drawable = inspectors.filter(isDrawable);
  for (const g of groupsOf(row)) {
    const members = drawable.filter((i) => inDepartment(i.unit, g.department)).length;
    if (g.department !== '' && members === 0) {
      out.push(rowIssue(plan, row, 'teamGroups', 'plan-unknown-department', 'error', g.department, 'plan.unknownDepartment', { department: g.department }));
    } else if (members < g.seats) {
      out.push(rowIssue(plan, row, 'teamGroups', 'plan-too-few-inspectors', 'error', g.department, 'plan.tooFewInspectors', { department: g.department || t('plan.anyDepartment'), count: members, seats: g.seats }));
    }
  }
  return out;
}

function creditIssues(plan: Plan, row: PlanRow, entities: Entity[]): Issue[] {
  if (row.creditClasses.length === 0) return [];
  const classes = new Set(row.creditClasses.map((c) => c.credit));
  const missing: string[] = [];
  const uncovered = new Map<string, number>();
  for (const e of entities) {
    if (e.objectType !== row.objectType) continue;
    const c = creditOf(e);
    if (c === '') missing.push(e.key);
    else if (!classes.has(c) && passesFilter(e, row.filter)) uncovered.set(c, (uncovered.get(c) ?? 0) + 1);
  }
  missing.sort();
  const out: Issue[] = [];
  if (missing.length > 0) {
    const keys = missing.slice(0, MAX_LISTED).join('、');
    out.push(rowIssue(plan, row, 'ratio', 'plan-missing-credit', 'error', keys, 'plan.missingCredit', { count: missing.length, keys }));
  }
  for (const [credit, count] of uncovered) {
    out.push(rowIssue(plan, row, 'ratio', 'plan-credit-uncovered', 'warning', credit, 'plan.creditUncovered', { credit, count }));
  }
  return out;
}

/**
 * Two strata of different rows whose populations share entities: the later
 * one's announced size is an upper bound. One pass over the entities, and
 * none at all for the usual plan (one row per object type).
 */
function overlapIssues(plan: Plan, entities: Entity[]): Issue[] {
  const strata = plan.rows.flatMap((row) => (row.creditClasses.length > 0 ? row.creditClasses.map((c) => ({ row, credit: c.credit })) : [{ row, credit: '' }]));
  const pairs: { a: number; b: number; shared: number }[] = [];
  strata.forEach((x, a) => strata.forEach((y, b) => {
    if (a < b && x.row !== y.row && x.row.objectType === y.row.objectType) pairs.push({ a, b, shared: 0 });
  }));
  if (pairs.length === 0) return [];
  const involved = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const member = new Map<number, boolean>();
  for (const e of entities) {
    for (const k of involved) member.set(k, inPopulation(e, strata[k]!.row, strata[k]!.credit));
    for (const p of pairs) if (member.get(p.a) && member.get(p.b)) p.shared++;
  }
  return pairs
    .filter((p) => p.shared > 0)
    .map((p) => rowIssue(plan, strata[p.b]!.row, 'filter', 'plan-overlap', 'warning', String(p.shared), 'plan.overlap', { count: p.shared, first: strata[p.a]!.row.no, second: strata[p.b]!.row.no }));
}

function seatIssues(plan: Plan, entities: Entity[], inspectors: Inspector[], conflicts: Conflict[]): Issue[] {
  return seatShortages(plan.rows, entities, inspectors, conflicts, groupsOf).map((s) =>
    s.kind === 'region'
      ? rowIssue(plan, s.row, 'teamGroups', 'plan-region-uncovered', 'error', s.region, 'plan.regionUncovered', shortageParams(s))
      : rowIssue(plan, s.row, 'teamGroups', 'plan-conflict-blocks', 'error', shortageParams(s).keys as string, 'plan.conflictBlocks', shortageParams(s)),
  );
}

/**
 * The plan against the registries, before any seed is used: a department no
 * drawable inspector belongs to (or fewer than its seats), entities a group
 * could not serve (region matching, conflicts — the draw would fail only if
 * the seed picked them), credit classes missing where a row is split by
 * credit class, classes the split leaves out, overlapping strata.
 */
export function checkPlanAgainst(plan: Plan, entities: Entity[], inspectors: Inspector[], conflicts: Conflict[]): Issue[] {
  const out: Issue[] = [];
  for (const row of plan.rows) {
    out.push(...departmentIssues(plan, row, inspectors), ...creditIssues(plan, row, entities));
  }
  out.push(...seatIssues(plan, entities, inspectors, conflicts));
  out.push(...overlapIssues(plan, entities));
  return out;
}

/** plan-wrong-year (an error, issue #9): the plan names a year other than the draw date's — the draw is refused. */
export function checkPlanYear(plan: Plan, drawDate: string): Issue[] {
  const year = Number(drawDate.slice(0, 4));
  if (plan.year === null || plan.year === year) return [];
  return [planIssue('plan-wrong-year', 'error', { file: plan.source, sheet: null, row: null }, { cell: null, column: null }, String(plan.year), 'plan.wrongYear', { year: plan.year, drawYear: year })];
}
