/**
 * ssj-draw/2 checks before the seed (docs/ALGORITHM.md "Checks before the
 * seed (/2)"): /1's, over the inspectors each group can really draw (人员类别,
 * 执法证 valid on the draw date, 执法层级), plus 专长要求 — every entity a row may
 * select must have a licensed specialist available. Pure.
 */
import { conflictIndex, isDrawable } from './candidates.js';
import { inDepartment } from './department.js';
import { passesFilter } from './plan-filter.js';
import { creditIssues, overlapIssues, rowIssue } from './plan-check.js';
import { rowSources, planRowSource } from './plan-row.js';
import { ANY_DEPARTMENT, seatShortages, shortageParams } from './plan-seats.js';
import { coversRegion } from './region.js';
import { categoryOf, isExtraGroup, levelOf, meets, parseLicence, licenceState, rowExpertise, rowLevel } from './staff.js';
import { groupsOf } from './teams.js';
import { categoryOfGroup, conflictTest } from './teams2.js';
import type { Conflict, Entity, Inspector, Issue, IssueParams, Plan, PlanRow, TeamGroup } from './types.js';

const MAX_LISTED = 20;

/** Valid on the date; without a date (ssj validate: no draw date yet) every readable licence counts. */
const licenceValid = (i: Inspector, date: string): boolean => {
  const l = parseLicence(i.licence ?? '');
  return l !== undefined && (date === '' || licenceState(l, date) === 'valid');
};

/** Who can sit in a group's seats of a row before entity-specific rules: rules 1–6 of step 7/2. */
export function groupMembers(row: PlanRow, g: TeamGroup, inspectors: Inspector[], date: string): Inspector[] {
  const extra = isExtraGroup(g);
  const category = categoryOfGroup(g);
  const level = rowLevel(row);
  return inspectors.filter((i) => isDrawable(i) && categoryOf(i) === category
    && (extra || (licenceValid(i, date) && inDepartment(i.unit, g.department) && (level === '' || levelOf(i) === level))));
}

/** A view of a row for /1's seat check: the same source cells, extra groups without region matching or department. */
function view(row: PlanRow, g: TeamGroup): { row: PlanRow; group: TeamGroup } {
  if (!isExtraGroup(g)) return { row, group: g };
  const copy: PlanRow = { ...row, regionMatch: false };
  const src = planRowSource(row);
  if (src) rowSources.set(copy, src);
  return { row: copy, group: { department: '', seats: g.seats } };
}

function groupIssues(plan: Plan, row: PlanRow, entities: Entity[], inspectors: Inspector[], conflicts: Conflict[], date: string): Issue[] {
  const out: Issue[] = [];
  for (const g of groupsOf(row)) {
    const members = groupMembers(row, g, inspectors, date);
    if (g.department !== '' && members.length === 0) {
      out.push(rowIssue(plan, row, 'teamGroups', 'plan-unknown-department', g.department, 'plan.unknownDepartment', { department: g.department }));
      continue;
    }
    if (members.length < g.seats) {
      out.push(rowIssue(plan, row, 'teamGroups', 'plan-too-few-inspectors', g.department, 'plan.tooFewInspectors', { department: g.department || ANY_DEPARTMENT, count: members.length, seats: g.seats }));
      continue;
    }
    const v = view(row, g);
    for (const s of seatShortages([v.row], entities, members, conflicts, () => [v.group])) {
      const params: IssueParams = { ...shortageParams(s), department: g.department || ANY_DEPARTMENT };
      out.push(s.kind === 'region'
        ? rowIssue(plan, row, 'teamGroups', 'plan-region-uncovered', s.region, 'plan.regionUncovered', params)
        : rowIssue(plan, row, 'teamGroups', 'plan-conflict-blocks', String(shortageParams(s).keys), 'plan.conflictBlocks', params));
    }
  }
  return out;
}

/** 专长要求: someone can meet it at all, and for every entity of the row's population after region and conflicts. */
function expertiseIssues(plan: Plan, row: PlanRow, entities: Entity[], inspectors: Inspector[], conflicts: Conflict[], date: string): Issue[] {
  const alts = rowExpertise(row);
  if (alts.length === 0) return [];
  const value = alts.join('|');
  const specialists = groupsOf(row).filter((g) => !isExtraGroup(g)).flatMap((g) => groupMembers(row, g, inspectors, date)).filter((i) => meets(i.expertise, alts));
  if (specialists.length === 0) return [rowIssue(plan, row, 'expertise', 'plan-expertise-unknown', value, 'plan.expertiseUnknown', {})];
  const pairs = conflictIndex(conflicts);
  const missing: string[] = [];
  for (const e of entities) {
    if (e.objectType !== row.objectType || !passesFilter(e, row.filter)) continue;
    const blocked = conflictTest(e, pairs);
    if (!specialists.some((i) => (!row.regionMatch || coversRegion(i.area, e.region)) && !blocked(i))) missing.push(e.key);
  }
  if (missing.length === 0) return [];
  missing.sort();
  return [rowIssue(plan, row, 'expertise', 'plan-expertise-uncovered', value, 'plan.expertiseUncovered', { count: missing.length, keys: missing.slice(0, MAX_LISTED).join('、') })];
}

/** checkPlanAgainst for a draw made with ssj-draw/2 on `date`. */
export function checkPlanAgainst2(plan: Plan, entities: Entity[], inspectors: Inspector[], conflicts: Conflict[], date: string): Issue[] {
  const out: Issue[] = [];
  for (const row of plan.rows) {
    out.push(...creditIssues(plan, row, entities), ...groupIssues(plan, row, entities, inspectors, conflicts, date), ...expertiseIssues(plan, row, entities, inspectors, conflicts, date));
  }
  out.push(...overlapIssues(plan, entities));
  return out;
}
