/**
 * One plan row from its cell texts (table or JSON alike): every cell parsed,
 * every problem an Issue naming the cell. Pure.
 */
import { issue, type IssueCode, type IssueKey } from './issue-codes.js';
import { headerKey, nfkc } from './normalize.js';
import { parseRatio } from './ratio.js';
import {
  parseCheckItems, parseFilter, parseFrequency, parseObjectType, parseSmallNumber,
  parseTeamGroups, parseTeamSize, parseYesNo, FILTER_FIELDS,
} from './plan-text.js';
import { isExtraGroup, levelValue, licensedSeats, parseExpertise } from './staff.js';
import type { Issue, IssueParams, PlanRow, TeamGroup } from './types.js';

export type PlanField =
  | 'seq' | 'item' | 'basis' | 'method' | 'subject' | 'objectType' | 'ratio' | 'frequency' | 'remarks'
  | 'filter' | 'teamSize' | 'teamGroups' | 'regionMatch' | 'maxPerEntity' | 'checkItems' | 'document'
  | 'window' | 'materials' | 'expertise' | 'level';

/** Where a field of a row sits: the cell (`G3`) and header for tables, a JSON path for JSON. */
export interface FieldPos {
  cell: string | null;
  column: string | null;
}

export interface RowSource {
  file: string;
  sheet: string | null;
  row: number | null;
  text(field: PlanField): string;
  pos(field: PlanField): FieldPos;
  /** JSON plans may give check items as an array, one per group. */
  checkItems?: string[];
}

/** Where each parsed row came from, for issues raised later (checkPlanAgainst). Not part of the record. */
export const rowSources = new WeakMap<PlanRow, RowSource>();
export const planRowSource = (row: PlanRow): RowSource | undefined => rowSources.get(row);

export function planIssue<C extends IssueCode>(
  code: C, src: Pick<RowSource, 'file' | 'sheet' | 'row'>, pos: FieldPos, value: string | null,
  key: IssueKey<C>, params: IssueParams = {},
): Issue {
  return issue(code, { file: src.file, sheet: src.sheet, row: src.row, column: pos.column, cell: pos.cell, value }, params, key);
}

/** True when the row carries nothing the plan needs (a note line under the table). */
export function isBlankPlanRow(src: RowSource): boolean {
  return (['item', 'objectType', 'ratio'] as PlanField[]).every((f) => src.text(f) === '');
}

function required(src: RowSource, field: PlanField, issues: Issue[]): string {
  const v = nfkc(src.text(field)).trim();
  if (v === '') issues.push(planIssue('plan-missing-value', src, src.pos(field), '', 'plan.missingValue', { column: src.pos(field).column ?? field }));
  return v;
}

function teamOf(src: RowSource, issues: Issue[]): { teamSize: number; teamGroups: TeamGroup[]; ok: boolean } {
  const sizeText = src.text('teamSize');
  const groupsText = src.text('teamGroups');
  let size: number | null = null;
  if (sizeText.trim() !== '') {
    size = parseTeamSize(sizeText);
    if (size === null || size < 2) {
      issues.push(planIssue('plan-team-size', src, src.pos('teamSize'), sizeText, 'plan.teamSize'));
      return { teamSize: 2, teamGroups: [], ok: false };
    }
  }
  if (groupsText.trim() === '') {
    const n = size ?? 2;
    return { teamSize: n, teamGroups: [{ department: '', seats: n }], ok: true };
  }
  const parsed = parseTeamGroups(groupsText);
  if ('error' in parsed) {
    issues.push(planIssue('plan-team-groups', src, src.pos('teamGroups'), groupsText, 'plan.teamGroups', { part: parsed.error }));
    return { teamSize: size ?? 2, teamGroups: [], ok: false };
  }
  const sum = parsed.groups.reduce((s, g) => s + g.seats, 0);
  if (size !== null && sum !== size) {
    issues.push(planIssue('plan-team-groups', src, src.pos('teamGroups'), groupsText, 'plan.teamSeats', { sum, size }));
    return { teamSize: size, teamGroups: parsed.groups, ok: false };
  }
  if (sum < 2) {
    issues.push(planIssue('plan-team-size', src, src.pos('teamGroups'), groupsText, 'plan.teamSize'));
    return { teamSize: sum, teamGroups: parsed.groups, ok: false };
  }
  return { teamSize: sum, teamGroups: parsed.groups, ok: true };
}

function seqOf(src: RowSource, index: number, issues: Issue[]): number {
  const text = headerKey(src.text('seq'));
  if (text === '') return index + 1;
  const n = parseSmallNumber(text.replace(/[.、)]$/, ''));
  if (n === null || n < 1) {
    issues.push(planIssue('plan-bad-seq', src, src.pos('seq'), text, 'plan.badSeq'));
    return index + 1;
  }
  return n;
}

/** Parses one row; `null` when an error makes the row unusable (the issues say why). */
export function parsePlanRow(src: RowSource, index: number, issues: Issue[]): PlanRow | null {
  const before = issues.filter((i) => i.severity === 'error').length;
  const no = seqOf(src, index, issues);
  const item = required(src, 'item', issues);
  const objectText = required(src, 'objectType', issues);
  const objectType = objectText === '' ? null : parseObjectType(objectText);
  if (objectText !== '' && !objectType) issues.push(planIssue('plan-bad-object', src, src.pos('objectType'), objectText, 'plan.badObject'));
  const ratioText = required(src, 'ratio', issues);
  const ratio = ratioText === '' ? null : parseRatio(ratioText);
  if (ratioText !== '' && !ratio) issues.push(planIssue('plan-bad-ratio', src, src.pos('ratio'), ratioText, 'plan.badRatio'));
  const frequency = nfkc(src.text('frequency')).trim();
  const timesPerYear = parseFrequency(frequency);
  if (frequency !== '' && timesPerYear === null) issues.push(planIssue('plan-bad-frequency', src, src.pos('frequency'), frequency, 'plan.badFrequency'));
  const filterText = src.text('filter');
  const filter = parseFilter(filterText);
  if ('error' in filter) issues.push(planIssue('plan-bad-filter', src, src.pos('filter'), filterText, 'plan.badFilter', { part: filter.error, fields: FILTER_FIELDS.join('、') }));
  const team = teamOf(src, issues);
  const regionText = src.text('regionMatch');
  const regionMatch = parseYesNo(regionText);
  if (regionMatch === null) issues.push(planIssue('plan-bad-region-match', src, src.pos('regionMatch'), regionText, 'plan.badRegionMatch'));
  const checks = checkItemsOf(src, item, team.teamGroups, issues);
  const draw2 = draw2Fields(src, team.teamGroups, objectType, ratio && 'creditClasses' in ratio ? ratio.creditClasses.length : 0, issues);
  if (issues.filter((i) => i.severity === 'error').length > before || !objectType || !ratio || 'error' in filter) return null;
  return {
    no, item, basis: nfkc(src.text('basis')).trim(), method: nfkc(src.text('method')).trim(), subject: nfkc(src.text('subject')).trim(),
    objectType, ratio: ratio.ratio, creditClasses: ratio.creditClasses, frequency, timesPerYear,
    remarks: nfkc(src.text('remarks')).trim(), filter: filter.filter,
    teamSize: team.teamSize, teamGroups: team.teamGroups, regionMatch: regionMatch ?? false, checkItems: checks,
    ...optionalText(src, 'window'), ...optionalText(src, 'materials'), ...draw2,
  };
}

/** An optional text column: the member only when written (a plan without it keeps its content hash). */
function optionalText(src: RowSource, field: 'window' | 'materials'): { window?: string; materials?: string } {
  const v = nfkc(src.text(field)).trim();
  return v === '' ? {} : { [field]: v };
}

/**
 * ssj-draw/2 cells: 专长要求 (one requirement, alternatives), 执法层级, at least two
 * licensed seats beside 专家/辅助人员 groups, no credit split for 参保人. The
 * fields are left out when empty, so a /1 plan hashes as before.
 */
function draw2Fields(src: RowSource, groups: TeamGroup[], objectType: string | null, classes: number, issues: Issue[]): { expertise?: string[]; level?: string } {
  const out: { expertise?: string[]; level?: string } = {};
  const expText = src.text('expertise');
  const exp = parseExpertise(expText);
  if ('error' in exp) issues.push(planIssue('plan-bad-expertise', src, src.pos('expertise'), expText, 'plan.badExpertise'));
  else if (exp.alternatives.length > 0) out.expertise = exp.alternatives;
  const levelText = src.text('level');
  const level = levelValue(levelText);
  if (level === null) issues.push(planIssue('plan-bad-level', src, src.pos('level'), levelText, 'plan.badLevel'));
  else if (level !== '') out.level = level;
  if (groups.some(isExtraGroup) && licensedSeats(groups) < 2) {
    issues.push(planIssue('plan-team-size', src, src.pos('teamGroups'), src.text('teamGroups'), 'plan.licensedSeats', { seats: licensedSeats(groups) }));
  }
  if (objectType === '参保人' && classes > 0) issues.push(planIssue('plan-bad-ratio', src, src.pos('ratio'), src.text('ratio'), 'plan.insuredCredit'));
  return out;
}

function checkItemsOf(src: RowSource, item: string, groups: TeamGroup[], issues: Issue[]): string[] {
  if (src.checkItems) {
    if (src.checkItems.length === groups.length) return src.checkItems.map((s) => nfkc(s).trim() || item);
    issues.push(planIssue('plan-check-items', src, src.pos('checkItems'), src.checkItems.join('；'), 'plan.checkItemsCount', { groups: groups.length }));
    return groups.map(() => item);
  }
  const text = src.text('checkItems');
  if (text.trim() === '') return groups.map(() => item);
  const { items, unmatched } = parseCheckItems(text, groups, item);
  for (const d of unmatched) issues.push(planIssue('plan-check-items-department', src, src.pos('checkItems'), text, 'plan.checkItemsDept', { department: d }));
  return items;
}

