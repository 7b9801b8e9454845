/**
 * Checks of a parsed plan against the registries and the draw date, before
 * any seed is used (SPEC "The plan": a department no inspector belongs to,
 * credit classes missing). Pure.
 */
import type { IssueCode, IssueKey } from './issue-codes.js';
import { isDrawable } from './candidates.js';
import { inDepartment } from './department.js';
import { creditOf, inPopulation, passesFilter } from './plan-filter.js';
import { planIssue, planRowSource, type FieldPos, type RowSource } from './plan-row.js';
import { ANY_DEPARTMENT, seatShortages, shortageParams } from './plan-seats.js';
import { groupsOf } from './teams.js';
import type { Conflict, Entity, Inspector, Issue, IssueParams, Plan, PlanRow } from './types.js';

const MAX_LISTED = 20;

export function rowIssue<C extends IssueCode>(plan: Plan, row: PlanRow, field: Parameters<RowSource['pos']>[0], code: C, value: string, key: IssueKey<C>, params: IssueParams): Issue {
  const src = planRowSource(row);
  const at = src ?? { file: plan.source, sheet: null, row: null };
  const pos: FieldPos = src ? src.pos(field) : { cell: null, column: `rows[${plan.rows.indexOf(row)}].${field}` };
  return planIssue(code, at, pos, value, key, params);
}

function departmentIssues(plan: Plan, row: PlanRow, inspectors: Inspector[]): Issue[] {
  const out: Issue[] = [];
  const drawable = inspectors.filter(isDrawable);
  for (const g of groupsOf(row)) {
    const members = drawable.filter((i) => inDepartment(i.unit, g.department)).length;
    if (g.department !== '' && members === 0) {
      out.push(rowIssue(plan, row, 'teamGroups', 'plan-unknown-department', g.department, 'plan.unknownDepartment', { department: g.department }));
    } else if (members < g.seats) {
      out.push(rowIssue(plan, row, 'teamGroups', 'plan-too-few-inspectors', g.department, 'plan.tooFewInspectors', { department: g.department || ANY_DEPARTMENT, count: members, seats: g.seats }));
    }
  }
  return out;
}

export function creditIssues(plan: Plan, row: PlanRow, entities: Entity[]): Issue[] {
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
    out.push(rowIssue(plan, row, 'ratio', 'plan-missing-credit', keys, 'plan.missingCredit', { count: missing.length, keys }));
  }
  for (const [credit, count] of uncovered) {
    out.push(rowIssue(plan, row, 'ratio', 'plan-credit-uncovered', credit, 'plan.creditUncovered', { credit, count }));
  }
  return out;
}

/**
 * Two strata of different rows whose populations share entities: the later
 * one's announced size is an upper bound. Each later stratum is reported once,
 * against the first earlier stratum it shares entities with (a plan of 500 rows
 * over the same entities gives 500 warnings, not 125,000 pairs). One pass over
 * the entities' strata; none at all for the usual plan (one row per object type).
 */
export function overlapIssues(plan: Plan, entities: Entity[]): Issue[] {
  const strata = plan.rows.flatMap((row) => (row.creditClasses.length > 0 ? row.creditClasses.map((c) => ({ row, credit: c.credit })) : [{ row, credit: '' }]));
  const types = new Map<string, number>();
  for (const x of strata) types.set(x.row.objectType, (types.get(x.row.objectType) ?? 0) + 1);
  if (![...types.values()].some((c) => c > 1) || plan.rows.length < 2) return [];
  const first = new Array<number>(strata.length).fill(-1);
  const memberships: number[][] = [];
  for (const e of entities) {
    const mine: number[] = [];
    strata.forEach((x, k) => {
      if (inPopulation(e, x.row, x.credit)) mine.push(k);
    });
    if (mine.length < 2) continue;
    memberships.push(mine);
    for (const b of mine) {
      const a = mine.find((k) => k < b && strata[k]!.row !== strata[b]!.row && strata[k]!.row.objectType === strata[b]!.row.objectType);
      if (a !== undefined && (first[b] === -1 || a < (first[b] as number))) first[b] = a;
    }
  }
  const shared = new Array<number>(strata.length).fill(0);
  for (const mine of memberships) {
    const set = new Set(mine);
    for (const b of mine) if ((first[b] as number) >= 0 && set.has(first[b] as number)) shared[b] = (shared[b] as number) + 1;
  }
  const out: Issue[] = [];
  strata.forEach((x, b) => {
    const a = first[b] as number;
    const count = shared[b] as number;
    if (a >= 0 && count > 0) out.push(rowIssue(plan, x.row, 'filter', 'plan-overlap', String(count), 'plan.overlap', { count, first: strata[a]!.row.no, second: x.row.no }));
  });
  return out;
}

function seatIssues(plan: Plan, entities: Entity[], inspectors: Inspector[], conflicts: Conflict[]): Issue[] {
  return seatShortages(plan.rows, entities, inspectors, conflicts, groupsOf).map((s) =>
    s.kind === 'region'
      ? rowIssue(plan, s.row, 'teamGroups', 'plan-region-uncovered', s.region, 'plan.regionUncovered', shortageParams(s))
      : rowIssue(plan, s.row, 'teamGroups', 'plan-conflict-blocks', shortageParams(s).keys as string, 'plan.conflictBlocks', shortageParams(s)),
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
  const add = (list: Issue[]) => {
    for (const i of list) out.push(i); // not push(...list): a plan of thousands of rows overflows the call stack
  };
  for (const row of plan.rows) {
    add(departmentIssues(plan, row, inspectors));
    add(creditIssues(plan, row, entities));
  }
  add(seatIssues(plan, entities, inspectors, conflicts));
  add(overlapIssues(plan, entities));
  return out;
}

/** plan-wrong-year (an error, issue #9): the plan names a year other than the draw date's — the draw is refused. */
export function checkPlanYear(plan: Plan, drawDate: string): Issue[] {
  const year = Number(drawDate.slice(0, 4));
  if (plan.year === null || plan.year === year) return [];
  return [planIssue('plan-wrong-year', { file: plan.source, sheet: null, row: null }, { cell: null, column: null }, String(plan.year), 'plan.wrongYear', { year: plan.year, drawYear: year })];
}
