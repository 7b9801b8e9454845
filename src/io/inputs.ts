/**
 * Loading a draw's inputs for announce, draw, verify and substitute: the plan
 * (附件1 sheet or JSON), the registries and the conflicts list. Any error in
 * any input refuses the command before a seed is used, listing every issue
 * with its file and cell as `ssj validate` does; nothing is written.
 */
import path from 'node:path';
import { sha256Hex } from '../core/hash.js';
import { checkPlanAgainst, checkPlanYear, parsePlanJson, parsePlanTable } from '../core/plan.js';
import { planInput } from '../core/record.js';
import { contentSha256, inspectorContentRows2 } from '../core/content-hash.js';
import { usesDraw2 } from '../core/draw2.js';
import { checkPlanItems, itemsContentRows, parseItemsTable, type Item } from '../core/items.js';
import { issue, nowhere } from '../core/issue-codes.js';
import { compareCodeUnits, normKey } from '../core/normalize.js';
import { checkPlanAgainst2 } from '../core/plan-check2.js';
import { parsePriorTable, priorContentRows, type PriorInspection } from '../core/prior-inspections.js';
import type { Algorithm, Conflict, Entity, InputRef, Inspector, Issue, Plan, Role, Table } from '../core/types.js';
import { InputError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { loadRegistries, type FileProgress } from './registry.js';
import { readBytesChecked } from './records.js';
import { readTable } from './table.js';
import { phase } from './timing.js';

/** The input files of a command, by flag. */
export interface InputFiles {
  plan?: string[];
  entities?: string[];
  inspectors?: string[];
  conflicts?: string[];
  /** ssj-draw/2: the item list and the prior inspections (one file each). */
  items?: string[];
  priorInspections?: string[];
}

export interface LoadedInputs {
  plan: Plan | null;
  entities: Entity[];
  inspectors: Inspector[];
  conflicts: Conflict[];
  /** The plan first (when loaded), then every registry file. */
  inputs: InputRef[];
  issues: Issue[];
  /** Settles when every input's contentSha256 is filled in (at once unless `deferHashes` was asked for). */
  hashed: Promise<void>;
  /** ssj-draw/2 inputs: the item list and prior inspections (null when not given), marked codes (uscc-verified). */
  items: Item[] | null;
  priorInspections: PriorInspection[] | null;
  markedCodes: string[];
  /** The revision this draw is made with (decision D2-1); the inspectors' content hash is that revision's. */
  algorithm: Algorithm;
}

const FLAG_ROLES: [keyof InputFiles, readonly Role[]][] = [
  ['entities', ['pharmacies', 'institutions', 'insured']],
  ['inspectors', ['inspectors']],
  ['conflicts', ['conflicts']],
];

/** A JSON plan is a few KB; 16 MB is far beyond any real one. */
const PLAN_JSON_MAX_BYTES = 16 * 1024 * 1024;

/** A plan from a .json file or a 附件1 sheet; the plan's `source` is the file's base name. */
export async function loadPlan(file: string): Promise<{ plan: Plan | null; issues: Issue[]; input: InputRef | null }> {
  let parsed: { plan: Plan | null; issues: Issue[] };
  let fileSha256: string;
  if (/\.json$/i.test(file)) {
    const bytes = readBytesChecked(file, PLAN_JSON_MAX_BYTES); // a plan is a few KB: a 344 MB one is refused, not parsed
    fileSha256 = sha256Hex(bytes);
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8').replace(/^\ufeff/, ''));
    } catch (err) {
      throw new InputError('drawcmd.planJsonBad', { file, reason: err instanceof Error ? err.message : String(err) });
    }
    parsed = parsePlanJson(value, file);
  } else {
    const table = await readTable(file, { role: 'plan' });
    fileSha256 = table.fileSha256;
    const p = parsePlanTable(table);
    parsed = { plan: p.plan, issues: [...table.issues, ...p.issues] };
  }
  if (!parsed.plan) return { plan: null, issues: parsed.issues, input: null };
  const plan: Plan = { ...parsed.plan, source: path.basename(file) };
  return { plan, issues: parsed.issues, input: planInput(plan, path.basename(file), fileSha256) };
}

function wrongRoleIssue(file: string, found: Role, flag: string): Issue {
  return issue('wrong-role', { ...nowhere(file), value: found }, { found: { ref: `drawcmd.role.${found}` }, flag });
}

/**
 * Loads what is given; `need` names the flags that must be present. With
 * `deferHashes` it returns before a large registry's content hash is known
 * (InputRef.contentSha256 is '' until `hashed` settles): the draw checks
 * and draws meanwhile, and awaits `hashed` before it uses the inputs.
 */
export async function loadInputs(
  files: InputFiles, need: { plan: boolean; entities: boolean; inspectors: boolean; drawDate?: string; deferHashes?: boolean; algorithm?: Algorithm }, progress?: FileProgress,
): Promise<LoadedInputs> {
  const missing = ([['--plan', need.plan && !files.plan?.length], ['--entities', need.entities && !files.entities?.length], ['--inspectors', need.inspectors && !files.inspectors?.length]] as const)
    .filter(([, m]) => m)
    .map(([flag]) => flag);
  if (missing.length > 1) throw new UsageError('error.missingFlags', { flags: missing.join(' '), count: missing.length });
  if (need.plan && !files.plan?.length) throw new UsageError('error.missingFlag', { flag: '--plan', hint: t('drawcmd.noPlan') });
  if (need.entities && !files.entities?.length) throw new UsageError('error.missingFlag', { flag: '--entities', hint: t('drawcmd.noEntities') });
  if (need.inspectors && !files.inspectors?.length) throw new UsageError('error.missingFlag', { flag: '--inspectors', hint: t('drawcmd.noInspectors') });
  const issues: Issue[] = [];
  const inputs: InputRef[] = [];
  let plan: Plan | null = null;
  if (files.plan?.length) {
    if (files.plan.length > 1) throw new UsageError('error.badFlagValue', { flag: '--plan', value: files.plan.join(' '), hint: t('drawcmd.onePlan') });
    const p = await loadPlan(files.plan[0]);
    plan = p.plan;
    for (const i of p.issues) issues.push(i);
    if (p.input) inputs.push(p.input);
  }
  const paths = FLAG_ROLES.flatMap(([flag]) => files[flag] ?? []);
  // The draw date is the registries' "today": a 成立日期 after it is an error, as `ssj validate` reports it.
  const reg = await loadRegistries(paths, { ...(progress ? { progress } : {}), ...(need.drawDate ? { today: need.drawDate } : {}) });
  for (const i of reg.issues) issues.push(i); // not push(...): one issue per row of a million-row file overflows the stack
  for (const [flag, roles] of FLAG_ROLES) {
    for (const f of files[flag] ?? []) {
      const loaded = reg.files.find((x) => x.table.file === f);
      if (loaded && !roles.includes(loaded.role)) issues.push(wrongRoleIssue(f, loaded.role, `--${flag}`));
    }
  }
  inputs.push(...reg.inputs);
  phase('registries read');
  const extra = await loadDraw2Inputs(files, issues, inputs);
  const markedCodes = [...new Set(issues.filter((i) => i.code === 'uscc-verified').map((i) => normKey(i.value ?? '')))].sort(compareCodeUnits);
  const algorithm: Algorithm = need.algorithm ?? (plan && usesDraw2({
    plan, entities: reg.entities, inspectors: reg.inspectors, conflicts: reg.conflicts, prior: [], priorInspections: extra.priorInspections, drawDate: need.drawDate ?? '',
    itemsGiven: extra.items !== null, insuredGiven: reg.inputs.some((i) => i.role === 'insured'), markedCodes,
  }) ? 'ssj-draw/2' : 'ssj-draw/1');
  if (algorithm === 'ssj-draw/2') {
    // The /2 record hashes the inspectors with their /2 columns (docs/ALGORITHM.md "The /2 record").
    const mine = new Set(reg.files.filter((f) => f.role === 'inspectors').map((f) => f.input));
    for (const ref of mine) ref.contentSha256 = contentSha256(inspectorContentRows2(reg.inspectors.filter((i) => i.source.file === reg.files.find((f) => f.input === ref)?.table.file)));
  }
  if (plan && !issues.some((i) => i.severity === 'error')) {
    const date = need.drawDate ?? '';
    const against = algorithm === 'ssj-draw/2' ? checkPlanAgainst2(plan, reg.entities, reg.inspectors, reg.conflicts, date) : checkPlanAgainst(plan, reg.entities, reg.inspectors, reg.conflicts);
    for (const i of against) issues.push(i);
    if (extra.items && files.items?.[0]) for (const i of checkPlanItems(plan, extra.items, path.basename(files.items[0]))) issues.push(i);
    if (need.drawDate) for (const i of checkPlanYear(plan, need.drawDate)) issues.push(i);
  }
  if (!need.deferHashes) await reg.hashed;
  return { plan, entities: reg.entities, inspectors: reg.inspectors, conflicts: reg.conflicts, inputs, issues, hashed: reg.hashed, ...extra, markedCodes, algorithm };
}

/** One table of a given role (the item list, the prior inspections): its rows parsed, its InputRef. */
async function loadOne<T>(file: string, role: Role, parse: (tb: Table) => { rows: T[]; issues: Issue[] }, content: (rows: T[]) => string[][], issues: Issue[], inputs: InputRef[]): Promise<T[]> {
  const table = await readTable(file, { role });
  const parsed = parse(table);
  for (const i of table.issues) issues.push(i);
  for (const i of parsed.issues) issues.push(i);
  inputs.push({ role, file: path.basename(file), fileSha256: table.fileSha256, contentSha256: contentSha256(content(parsed.rows)), rows: table.rows.length });
  return parsed.rows;
}

/** The item list alone (ssj report --items): its items and every issue. */
export async function readItemsList(file: string): Promise<{ items: Item[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const items = await loadOne(file, 'items', (tb) => { const r = parseItemsTable(tb); return { rows: r.items, issues: r.issues }; }, itemsContentRows, issues, []);
  return { items, issues };
}

/** ssj-draw/2: `--items` and `--prior-inspections` (one file each). */
async function loadDraw2Inputs(files: InputFiles, issues: Issue[], inputs: InputRef[]): Promise<{ items: Item[] | null; priorInspections: PriorInspection[] | null }> {
  const one = (list: string[] | undefined, flag: string): string | null => {
    if (!list?.length) return null;
    if (list.length > 1) throw new UsageError('error.badFlagValue', { flag, value: list.join(' '), hint: t('io.oneFile', { flag }) });
    return list[0]!;
  };
  const itemsFile = one(files.items, '--items');
  const priorFile = one(files.priorInspections, '--prior-inspections');
  const items = itemsFile === null ? null : await loadOne(itemsFile, 'items', (tb) => { const r = parseItemsTable(tb); return { rows: r.items, issues: r.issues }; }, itemsContentRows, issues, inputs);
  const priorInspections = priorFile === null ? null : await loadOne(priorFile, 'prior-inspections', parsePriorTable, priorContentRows, issues, inputs);
  return { items, priorInspections };
}

