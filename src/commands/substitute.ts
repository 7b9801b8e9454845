/**
 * ssj substitute: recusal (回避) or absence — a replacement inspector drawn
 * with the witnesses' fresh seed (SPEC step 8), recorded as an amendment in
 * the ledger (under the lock) with its own witness sheet.
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { TOOL_VERSION } from '../version.js';
import { normaliseSeed, substitute } from '../core/draw.js';
import { substitute2 } from '../core/substitute2.js';
import { maskedAmendment } from '../core/mask.js';
import { normKey } from '../core/normalize.js';
import { windowEnd } from '../core/window.js';
import { algorithmOf, buildAmendment, nextAmendmentId } from '../core/record.js';
import type { AmendmentRecord, DrawRecord, LedgerLine } from '../core/types.js';
import { compareInputs } from '../core/verify.js';
import type { Ctx } from '../context.js';
import { InputError, UsageError } from '../errors.js';
import { noticesAfterAmendment } from '../app/notices.js';
import { t } from '../i18n/index.js';
import { recordedInputs } from '../app/draw-inputs.js';
import { sheetsAfterRecord, sheetsAfterRecordChanged } from '../app/sheets-in-force.js';
import { witnessFiles, witnessPaths } from '../app/witness.js';
import { loadInputs, type LoadedInputs } from '../io/inputs.js';
import { teamInForce } from '../core/team-in-force.js';
import { refuseOnErrors } from '../app/refuse.js';
import { appendRecord, shortHead, withHead } from '../app/ledger.js';
import { amendmentsOf, drawFromFlag, readLedger, readRecord, recordPath } from '../io/records.js';
import { loadResults, resultPath } from '../io/results-store.js';
import { openWorkspace, type Workspace } from '../io/workspace.js';
import { flagOrAsk } from '../render/prompt.js';
import { roleLabel } from '../render/witness.js';
import { inputFiles, requireFlags, seedProblem, text } from './common/flags.js';

const amendmentsIn = (ws: Workspace, lines: LedgerLine[], id: string): AmendmentRecord[] =>
  amendmentsOf(
    lines.filter((l) => l.amends === id).map((l) => readRecord(ws, l.drawId)),
    id,
  );

/** The removed inspector must be on the entity's current team; the seed must be new. */
function checkRequest(draw: DrawRecord, amendments: AmendmentRecord[], entity: string, inspector: string, seed: string): void {
  if (!draw.selected.some((s) => s.key === entity)) throw new InputError('drawcmd.sub.unknownEntity', { entity, id: draw.drawId });
  const team = teamInForce(draw, amendments, entity);
  if (!team?.members.some((m) => m.key === inspector)) {
    throw new InputError('drawcmd.sub.notOnTeam', { inspector, entity, members: team ? team.members.map((m) => m.key).join('、') : '' });
  }
  if (seed === draw.seed || amendments.some((a) => a.seed === seed)) throw new UsageError('drawcmd.sub.seedReused', { id: draw.drawId });
}

function warnChangedInputs(ctx: Ctx, draw: DrawRecord, loaded: LoadedInputs): void {
  for (const d of compareInputs(draw.inputs, loaded.inputs, new Set(['inspectors', 'conflicts']))) {
    const role = d.field.split('.')[1] ?? '';
    ctx.err(t('drawcmd.sub.inputsChanged', { role: roleLabel(role), id: draw.drawId, expected: String(d.expected ?? '—'), found: String(d.found ?? '—') }));
  }
}

async function ask(ctx: Ctx, value: unknown, flag: string, message: string): Promise<string> {
  return (await flagOrAsk(ctx, value, { message, flag })).trim();
}

interface Request {
  draw: DrawRecord;
  entity: string;
  inspector: string;
  reason: string;
  seed: string;
  seedSource: string;
}

/** The flags (or answers), checked against the ledger as it is now before any registry is read. */
async function request(ctx: Ctx, ws: Workspace, opts: Record<string, unknown>): Promise<Request & { made?: AmendmentRecord }> {
  requireFlags(ctx, opts, [['--draw', 'draw'], ['--entity', 'entity'], ['--inspector', 'inspector'], ['--reason', 'reason'], ['--seed', 'seed']]);
  const drawId = await ask(ctx, opts.draw, '--draw', t('cli.opt.draw'));
  const draw = drawFromFlag(ws, drawId);
  const entity = normKey(await ask(ctx, opts.entity, '--entity', t('cli.opt.entity')));
  const inspector = normKey(await ask(ctx, opts.inspector, '--inspector', t('cli.opt.inspector')));
  const reason = await ask(ctx, opts.reason, '--reason', t('cli.opt.reason'));
  const seed = normaliseSeed((await flagOrAsk(ctx, opts.seed, { message: t('drawcmd.seedPrompt'), flag: '--seed', validate: seedProblem })).trim());
  const seedSource = text(opts.seedSource);
  const amendments = amendmentsIn(ws, readLedger(ws), draw.drawId);
  // The same command again (same entity, inspector and seed) after a crash cut it off after its ledger line: it stands.
  const made = [...amendments].reverse().find((a) => a.substitution.entity === entity && a.substitution.removed === inspector && a.seed === seed);
  if (made) return { draw, entity, inspector, reason, seed, seedSource, made };
  checkRequest(draw, amendments, entity, inspector, seed);
  refuseAfterResult(ws, draw.drawId, entity);
  refuseAfterWindow(draw, entity, ctx.today);
  return { draw, entity, inspector, reason, seed, seedSource };
}

/** Once the entity's inspection has a result, its team cannot be changed after the fact: the result is named, and what to do. */
function refuseAfterResult(ws: Workspace, drawId: string, entity: string): void {
  const done = loadResults(ws).find((r) => r.drawId === drawId && r.entity === entity);
  if (done) throw new InputError('ledger.sub.afterResult', { entity, id: drawId, date: done.inspectionDate, file: path.relative(ws.root, resultPath(ws, drawId, entity)) });
}

/** Once the plan row's 检查期限 has ended (its last date before today), the inspection is over: no substitution. */
function refuseAfterWindow(draw: DrawRecord, entity: string, today: string): void {
  const sel = draw.selected.find((s) => s.key === entity);
  const stratum = draw.strata.find((s) => s.number === sel?.stratum);
  const window = draw.plan.rows.find((r) => r.no === stratum?.planRow)?.window;
  const end = windowEnd(window);
  if (end !== null && today > end) throw new InputError('ledger.sub.afterWindow', { entity, id: draw.drawId, window: window ?? '', end, today });
}

/** Inside the lock: the amendments as they are now, the substitution, the amendment record. */
function amendment(ctx: Ctx, ws: Workspace, q: Request, loaded: LoadedInputs, lines: LedgerLine[]): AmendmentRecord {
  const { draw, entity, inspector, seed } = q;
  const amendments = amendmentsIn(ws, lines, draw.drawId);
  checkRequest(draw, amendments, entity, inspector, seed);
  refuseAfterResult(ws, draw.drawId, entity);
  refuseAfterWindow(draw, entity, ctx.today);
  const result = (draw.algorithm === 'ssj-draw/2' ? substitute2 : substitute)({ draw, amendments, entity, inspector, inspectors: loaded.inspectors, conflicts: loaded.conflicts, seed });
  return buildAmendment({
    tool: TOOL_VERSION,
    drawId: nextAmendmentId(draw.drawId, lines.map((l) => l.drawId)),
    amends: draw.drawId,
    createdAt: ctx.nowIso,
    seed,
    seedSource: q.seedSource,
    inputs: loaded.inputs,
    substitution: { entity, removed: inspector, reason: q.reason, candidates: result.candidates, replacement: result.replacement },
    team: result.team,
    prevRecordHash: lines.at(-1)?.recordHash ?? null,
  }, draw.algorithm);
}

function report(ctx: Ctx, ws: Workspace, record: AmendmentRecord, draw: DrawRecord, sheets: { kept: string[] } | null): void {
  const s = record.substitution;
  const shown = maskedAmendment(record, draw).amendment.substitution.entity; // a 参保人 by masked key only
  ctx.out(t('drawcmd.sub.done', { id: record.drawId, entity: shown, removed: s.removed, replacement: s.replacement.key, candidates: s.candidates, hash: record.recordHash }));
  const w = witnessPaths(ws, record.drawId);
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.record'), file: recordPath(ws, record.drawId) }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.witness'), file: w.html }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.witnessXlsx'), file: w.xlsx }));
  if (!sheets) return ctx.err(t('drawcmd.sheetsMissing', { id: draw.drawId }));
  const order = String(draw.selected.find((x) => x.key === s.entity)?.order ?? 0).padStart(2, '0');
  for (const f of sheets.kept) if (path.basename(f).startsWith(`${order}-`)) ctx.err(t('drawcmd.sub.sheetKept', { file: f }));
}

export const run: Handler = async (ctx, _args, opts) => {
  const ws = openWorkspace(ctx.workspace);
  const q = await request(ctx, ws, opts);
  if (q.made) {
    ctx.err(t('guard.subAlreadyMade', { id: q.made.drawId, entity: q.entity, inspector: q.inspector }));
    const sheets = await sheetsAfterRecord(ws, q.draw, q.made.drawId, ctx.err);
    await noticesAfterAmendment(ws, q.draw, ctx.now, ctx.err); // a run cut off before its notices: they follow the team in force now
    if (ctx.json) ctx.out(JSON.stringify(q.made, null, 2));
    else report(ctx, ws, q.made, q.draw, sheets === 'failed' ? { kept: [] } : sheets);
    return 0;
  }
  const files = recordedInputs(ws, q.draw.inputs, inputFiles(opts), ws.draws, ['inspectors', 'conflicts']);
  const loaded = await loadInputs({ inspectors: files.inspectors, conflicts: files.conflicts }, { plan: false, entities: false, inspectors: true, algorithm: algorithmOf(q.draw) });
  refuseOnErrors(loaded.issues, ctx.err, true);
  warnChangedInputs(ctx, q.draw, loaded);
  const { record, text, head } = await appendRecord<AmendmentRecord>(
    ws,
    ctx.now,
    (lines) => amendment(ctx, ws, q, loaded, lines),
    (r, state) => witnessFiles(ws, r, q.draw, ctx.lang, state.head),
  );
  // The record sheets follow the team now in force (RESULTS never overwrites a filled sheet); the ones that changed are said: reprint them.
  const { sheets, changed } = await sheetsAfterRecordChanged(ws, q.draw, record.drawId, ctx.err);
  // The entity's 检查通知书 names the team: made again, listed by a `documents` event, and said to be reprinted.
  const notices = await noticesAfterAmendment(ws, q.draw, ctx.now, ctx.err);
  const last = notices.head ?? head;
  if (ctx.json) ctx.out(withHead(text, last).replace(/\n\}\n?$/, `,\n  "changedSheets": ${JSON.stringify(changed)},\n  "changedNotices": ${JSON.stringify(notices.changed)}\n}\n`)); // the record as stored, the new ledger head, the documents to reprint
  else {
    report(ctx, ws, record, q.draw, sheets === 'failed' ? { kept: [] } : sheets); // a failure was said: the substitution stands
    const reprint = [...changed, ...notices.changed];
    if (reprint.length) ctx.out([t('ledger.sub.reprint'), ...reprint.map((f) => `  ${f}`)].join('\n'));
    ctx.out(t('ledger.head', { head: shortHead(last) }));
  }
  return 0;
};
