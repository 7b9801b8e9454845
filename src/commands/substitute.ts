/**
 * ssj substitute: recusal (回避) or absence — the flags (or answers), then
 * the use case (src/app/substitute.ts), then what was written and what to
 * reprint.
 */
import path from 'node:path';
import type { Handler, OptionsFor } from '../cli.js';
import { normaliseSeed } from '../core/draw.js';
import { maskedAmendment } from '../core/mask.js';
import { normKey } from '../core/normalize.js';
import type { AmendmentRecord, DrawRecord } from '../core/types.js';
import type { Difference } from '../core/verify.js';
import type { Ctx } from '../context.js';
import { substituteInspector, type SubstituteRequest } from '../app/substitute.js';
import { t } from '../i18n/index.js';
import { shortHead, withHead } from '../app/ledger.js';
import { drawFromFlag, recordPath } from '../io/records.js';
import { openWorkspace, type Workspace } from '../io/workspace.js';
import { flagOrAsk } from '../render/prompt.js';
import { roleLabel } from '../render/witness.js';
import { witnessPaths } from '../app/witness.js';
import { inputFiles, requireFlags, seedProblem, text } from './common/flags.js';

function changedInput(ctx: Ctx, id: string, d: Difference): void {
  const role = d.field.split('.')[1] ?? '';
  ctx.err(t('drawcmd.sub.inputsChanged', { role: roleLabel(role), id, expected: String(d.expected ?? '—'), found: String(d.found ?? '—') }));
}

async function ask(ctx: Ctx, value: string | undefined, flag: string, message: string): Promise<string> {
  return (await flagOrAsk(ctx, value, { message, flag })).trim();
}

/** The flags (or answers); the use case checks them against the ledger before any registry is read. */
async function request(ctx: Ctx, ws: Workspace, opts: OptionsFor<'substitute'>): Promise<SubstituteRequest> {
  requireFlags(ctx, opts, [['--draw', 'draw'], ['--entity', 'entity'], ['--inspector', 'inspector'], ['--reason', 'reason'], ['--seed', 'seed']]);
  const drawId = await ask(ctx, opts.draw, '--draw', t('cli.opt.draw'));
  const draw = drawFromFlag(ws, drawId);
  const entity = normKey(await ask(ctx, opts.entity, '--entity', t('cli.opt.entity')));
  const inspector = normKey(await ask(ctx, opts.inspector, '--inspector', t('cli.opt.inspector')));
  const reason = await ask(ctx, opts.reason, '--reason', t('cli.opt.reason'));
  const seed = normaliseSeed((await flagOrAsk(ctx, opts.seed, { message: t('drawcmd.seedPrompt'), flag: '--seed', validate: seedProblem })).trim());
  return {
    draw, entity, inspector, reason, seed, seedSource: text(opts.seedSource), files: inputFiles(opts),
    now: ctx.now, nowIso: ctx.nowIso, today: ctx.today, lang: ctx.lang, warn: ctx.err,
    changedInput: (d) => changedInput(ctx, draw.drawId, d),
  };
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

export const run: Handler<'substitute'> = async (ctx, _args, opts) => {
  const ws = openWorkspace(ctx.workspace);
  const q = await request(ctx, ws, opts);
  const done = await substituteInspector(ws, q);
  const sheets = done.sheets === 'failed' ? { kept: [] } : done.sheets; // a failure was said: the substitution stands
  if (done.again) {
    ctx.err(t('guard.subAlreadyMade', { id: done.record.drawId, entity: q.entity, inspector: q.inspector }));
    if (ctx.json) ctx.out(done.text);
    else report(ctx, ws, done.record, q.draw, sheets);
    return 0;
  }
  const last = done.head;
  if (ctx.json) ctx.out(withHead(done.text, last).replace(/\n\}\n?$/, `,\n  "changedSheets": ${JSON.stringify(done.changedSheets)},\n  "changedNotices": ${JSON.stringify(done.changedNotices)}\n}\n`)); // the record as stored, the new ledger head, the documents to reprint
  else {
    report(ctx, ws, done.record, q.draw, sheets);
    const reprint = [...done.changedSheets, ...done.changedNotices];
    if (reprint.length) ctx.out([t('ledger.sub.reprint'), ...reprint.map((f) => `  ${f}`)].join('\n'));
    ctx.out(t('ledger.head', { head: shortHead(last) }));
  }
  return 0;
};
