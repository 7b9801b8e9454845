/**
 * The demo month's steps. Each calls the real command handler in-process with
 * the flags a clerk would type and the demo's pinned date for `--date`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatISO, parseIsoDate, type Ctx } from '../../context.js';
import { invokeVerb, type Outcome } from '../common/invoke.js';
import type { OptionsFor, Verb } from '../../cli.js';
import { t, type MsgKey } from '../../i18n/index.js';
import { demoResultRows, DEMO_RESULT_HEADERS, DEMO_SITE } from '../../core/demo-results.js';
import { WORKSPACE_DIRS, workspacePaths } from '../../io/workspace.js';
import { listDraws } from '../../io/records.js';
import { copyExample, exampleExists, EXAMPLE_FILES, readResultsManifest, writeDemoMarker, writeResultsTable } from '../../io/demo-files.js';

/** The demo's fixed seed: printed on every sheet as a demo seed, never a real draw. */
export const DEMO_SEED = '20240605-DEMO-SEED-31415';
export const DEMO_MONTH = '2024-06';
export const DEMO_DATES = { setup: '2024-06-03', draw: '2024-06-05', results: '2024-06-28', approve: '2024-07-01', report: '2024-07-05' } as const;
/** The demo county's settings (ssj init --unit --region): the examples' unit, so every form names its place. */
export const DEMO_SETTINGS = { unit: '宛丰县医疗保障局', region: '宛丰县' } as const;
/** Who approves the demo's results (a demo name, printed as such). */
/** The demo's reviewer and opinion, in the terminal's language (they are typed by a person in a real month). */
const demoApprover = () => t('demo.approver');

export type StepOutcome = Outcome;

export interface DemoState {
  dir: string;
  drawId: string | null;
  announcement: string | null;
  done: Set<string>;
  files: Map<string, string[]>;
}

export interface DemoStep {
  id: string;
  title: MsgKey;
  /** The command a clerk would type for this step (shown, not run). */
  command: string;
  needs: string[];
  run: (ctx: Ctx, s: DemoState) => Promise<StepOutcome>;
}

/** The context a handler sees: the demo folder as workspace, the pinned date, never a prompt. */
function stepCtx(ctx: Ctx, dir: string, date: string): Ctx {
  const now = parseIsoDate(date, '--date');
  const indent = (text: string) => text.replace(/^(?=.)/gm, '    ');
  return { ...ctx, json: false, yes: true, interactive: false, workspace: dir, today: date, now, nowIso: formatISO(now), out: (text) => ctx.out(indent(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'))), err: (text) => ctx.err(indent(text)) };
}

/** Runs verb's handler in the demo folder on the demo's pinned date. */
export function callVerb<V extends Verb>(verb: V, ctx: Ctx, dir: string, date: string, args: string[], opts: OptionsFor<V>): Promise<StepOutcome> {
  return invokeVerb(verb, stepCtx(ctx, dir, date), args, { yes: true, date, ...opts });
}

const reg = (dir: string, name: string) => path.join(dir, 'registries', name);
const plan = (dir: string) => path.join(dir, 'plans', EXAMPLE_FILES.plan);

/** The flags every input-reading step passes. */
function inputs(dir: string): { plan: string[]; entities: string[]; inspectors: string[]; conflicts: string[] } {
  return {
    plan: [plan(dir)],
    entities: [reg(dir, EXAMPLE_FILES.pharmacies), reg(dir, EXAMPLE_FILES.institutions)],
    inspectors: [reg(dir, EXAMPLE_FILES.inspectors)],
    conflicts: [reg(dir, EXAMPLE_FILES.conflicts)],
  };
}

async function stepInit(ctx: Ctx, s: DemoState): Promise<StepOutcome> {
  // init's own file list is left out: the demo swaps its blank registries for the examples and lists the result.
  const o = await callVerb('init', { ...ctx, out: () => undefined }, s.dir, DEMO_DATES.setup, [s.dir], { ...DEMO_SETTINGS });
  const ws = workspacePaths(s.dir);
  if (o.status === 'unavailable') {
    // Without `ssj init` the demo still needs the folders; the step is reported as unavailable.
    for (const d of WORKSPACE_DIRS) fs.mkdirSync(ws[d], { recursive: true });
  }
  if (o.status === 'failed') return o;
  writeDemoMarker(s.dir);
  // The example county's filled registries replace init's blank copies (templates/ keeps the blanks).
  for (const d of [ws.registries, ws.plans, ws.reports]) {
    for (const f of fs.readdirSync(d)) if (f.endsWith('.xlsx')) fs.rmSync(path.join(d, f), { force: true });
  }
  for (const f of [EXAMPLE_FILES.pharmacies, EXAMPLE_FILES.institutions, EXAMPLE_FILES.inspectors, EXAMPLE_FILES.conflicts]) copyExample(f, ws.registries);
  copyExample(EXAMPLE_FILES.plan, ws.plans);
  copyExample(EXAMPLE_FILES.activities, ws.reports);
  return o;
}

async function stepAnnounce(ctx: Ctx, s: DemoState): Promise<StepOutcome> {
  const before = new Set(fs.readdirSync(workspacePaths(s.dir).draws));
  const o = await callVerb('announce', ctx, s.dir, DEMO_DATES.draw, [], inputs(s.dir));
  const made = fs.readdirSync(workspacePaths(s.dir).draws).filter((f) => !before.has(f) && f.endsWith('-announcement.json'));
  s.announcement = made[0] ? path.join(workspacePaths(s.dir).draws, made[0]) : null;
  return o;
}

async function stepDraw(ctx: Ctx, s: DemoState): Promise<StepOutcome> {
  const opts: OptionsFor<'draw'> = {
    ...inputs(s.dir),
    seed: DEMO_SEED,
    seedSource: t('demo.seedSource'),
    place: t('demo.place'),
    sheets: true,
    ...(s.announcement ? { announcement: s.announcement } : {}),
  };
  const o = await callVerb('draw', ctx, s.dir, DEMO_DATES.draw, [], opts);
  if (o.status === 'ok') s.drawId = listDraws(workspacePaths(s.dir)).at(-1)?.drawId ?? null;
  return o;
}

/** The witness sheet is written by `ssj draw`; this step shows where, and fails if it is missing. */
async function stepWitness(_ctx: Ctx, s: DemoState): Promise<StepOutcome> {
  const draws = workspacePaths(s.dir).draws;
  const files = [`${s.drawId}-witness.html`, `${s.drawId}-witness.xlsx`].filter((f) => fs.existsSync(path.join(draws, f)));
  if (files.length === 0) return { status: 'unavailable', message: t('demo.noWitness') };
  return { status: 'ok', shown: files.map((f) => `draws/${f}`) };
}

async function stepSheets(ctx: Ctx, s: DemoState): Promise<StepOutcome> {
  const dir = path.join(workspacePaths(s.dir).sheets, s.drawId ?? '');
  const have = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const sheets = have.filter((f) => f.endsWith('.xlsx') || f.endsWith('.html')).map((f) => `sheets/${s.drawId}/${f}`);
  if (sheets.length > 0) return { status: 'ok', message: t('demo.sheetsFromDraw'), shown: sheets };
  return callVerb('sheets', ctx, s.dir, DEMO_DATES.draw, [], s.drawId === null ? {} : { draw: s.drawId });
}

/**
 * The examples' filled results were made from this very draw (same seed,
 * same registries); if the draw differs from them (registries edited), the
 * results are generated from the draw instead, and the demo says so.
 */
async function stepResults(ctx: Ctx, s: DemoState): Promise<StepOutcome> {
  const ws = workspacePaths(s.dir);
  const draw = listDraws(ws).find((d) => d.drawId === s.drawId);
  if (!draw) return { status: 'failed', message: t('demo.noDraw') };
  const inbox = path.join(s.dir, 'returned');
  const manifest = readResultsManifest();
  const keys = draw.selected.map((e) => e.key);
  const matches = manifest !== null && manifest.drawId === draw.drawId && manifest.keys.join() === [...keys].sort().join() && exampleExists(EXAMPLE_FILES.results);
  const files: string[] = [];
  if (matches) {
    files.push(copyExample(EXAMPLE_FILES.results, inbox));
    if (exampleExists(EXAMPLE_FILES.filledSheets)) {
      const d = copyExample(EXAMPLE_FILES.filledSheets, inbox);
      files.push(...fs.readdirSync(d).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(d, f)));
    }
    ctx.out(t('demo.resultsFromExamples'));
  } else {
    const file = path.join(inbox, `results-${draw.drawId}.xlsx`);
    await writeResultsTable(file, DEMO_RESULT_HEADERS, demoResultRows(draw));
    files.push(file);
    ctx.out(t('demo.resultsGenerated'));
  }
  return callVerb('results', ctx, s.dir, DEMO_DATES.results, files, {});
}

export function demoSteps(): DemoStep[] {
  const v = <V extends Verb>(verb: V, date: string, args: (s: DemoState) => string[], opts: (s: DemoState) => OptionsFor<V>) => (ctx: Ctx, s: DemoState) =>
    callVerb(verb, ctx, s.dir, date, args(s), opts(s));
  const files = (s: DemoState) => [...inputs(s.dir).entities, ...inputs(s.dir).inspectors, ...inputs(s.dir).conflicts, plan(s.dir)];
  /** --draw of a later step: the demo's draw (none when the draw step failed: the verb then says --draw is missing). */
  const draw = (s: DemoState) => (s.drawId === null ? {} : { draw: s.drawId });
  return [
    { id: 'init', title: 'demo.step.init', command: 'ssj init DIR', needs: [], run: stepInit },
    { id: 'validate', title: 'demo.step.validate', command: 'ssj validate registries/* plans/plan-2024.xlsx', needs: ['init'], run: v('validate', DEMO_DATES.setup, files, () => ({})) },
    { id: 'announce', title: 'demo.step.announce', command: 'ssj announce --plan … --entities … --inspectors … --conflicts …', needs: ['init'], run: stepAnnounce },
    { id: 'draw', title: 'demo.step.draw', command: `ssj draw … --seed ${DEMO_SEED} --announcement …`, needs: ['init'], run: stepDraw },
    { id: 'witness', title: 'demo.step.witness', command: 'draws/<id>-witness.html', needs: ['draw'], run: stepWitness },
    { id: 'sheets', title: 'demo.step.sheets', command: 'ssj sheets --draw <id>', needs: ['draw'], run: stepSheets },
    { id: 'results', title: 'demo.step.results', command: 'ssj results returned/*', needs: ['draw'], run: stepResults },
    { id: 'approve', title: 'demo.step.approve', command: `ssj approve --draw <id> --by ${demoApprover()}`, needs: ['results'], run: v('approve', DEMO_DATES.approve, () => [], (s) => ({ ...draw(s), by: demoApprover(), opinion: t('demo.opinion') })) },
    { id: 'publish', title: 'demo.step.publish', command: `ssj publish --month ${DEMO_MONTH}`, needs: ['approve'], run: v('publish', DEMO_DATES.report, () => [], () => ({ month: DEMO_MONTH, site: DEMO_SITE, encoding: 'utf8' })) },
    { id: 'report', title: 'demo.step.report', command: `ssj report --month ${DEMO_MONTH}`, needs: ['draw'], run: v('report', DEMO_DATES.report, () => [], (s) => ({ month: DEMO_MONTH, activities: path.join(s.dir, 'reports', EXAMPLE_FILES.activities) })) },
    { id: 'verify', title: 'demo.step.verify', command: 'ssj verify --draw <id> --entities … --inspectors …', needs: ['draw'], run: v('verify', DEMO_DATES.report, () => [], (s) => ({ ...inputs(s.dir), ...draw(s) })) },
    { id: 'ledger', title: 'demo.step.ledger', command: 'ssj verify --ledger', needs: ['draw'], run: v('verify', DEMO_DATES.report, () => [], () => ({ ledger: true })) },
  ];
}
