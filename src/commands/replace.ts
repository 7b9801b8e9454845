/**
 * ssj replace --draw ID --entity KEY --reason TEXT --seed TEXT (补抽): one
 * app call (src/app/replace.ts), then what was written and the new ledger head.
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { replace } from '../app/replace.js';
import { shortHead, withHead } from '../app/ledger.js';
import { witnessPaths } from '../app/witness.js';
import { normaliseSeed } from '../core/seed.js';
import { t } from '../i18n/index.js';
import { recordPath } from '../io/records.js';
import { openWorkspace } from '../io/workspace.js';
import { flagOrAsk } from '../render/prompt.js';
import { inputFiles, requireFlags, seedProblem, text } from './common/flags.js';

export const run: Handler<'replace'> = async (ctx, _args, opts) => {
  const ws = openWorkspace(ctx.workspace);
  requireFlags(ctx, opts, [['--draw', 'draw'], ['--entity', 'entity'], ['--reason', 'reason'], ['--seed', 'seed']]);
  const ask = async (value: string | undefined, flag: string, message: string) => (await flagOrAsk(ctx, value, { message, flag })).trim();
  const drawId = await ask(opts.draw, '--draw', t('cli.opt.draw'));
  const entity = await ask(opts.entity, '--entity', t('replace.opt.entity'));
  const reason = await ask(opts.reason, '--reason', t('replace.opt.reason'));
  const seed = normaliseSeed((await flagOrAsk(ctx, opts.seed, { message: t('drawcmd.seedPrompt'), flag: '--seed', validate: seedProblem })).trim());
  const done = await replace(ws, {
    drawId, entity, reason, seed,
    seedSource: text(opts.seedSource),
    files: inputFiles(opts), now: ctx.now, nowIso: ctx.nowIso, lang: ctx.lang, warn: ctx.err,
  });
  const r = done.record;
  const sheets = done.sheets && done.sheets !== 'failed' ? done.sheets.written : [];
  const witness = witnessPaths(ws, r.drawId);
  const written = [recordPath(ws, r.drawId), witness.html, witness.xlsx, ...sheets, ...done.notices];
  if (ctx.json) {
    ctx.out(withHead(done.text, done.head).replace(/\n\}\n?$/, `,\n  "files": ${JSON.stringify(written)}\n}\n`));
    return 0;
  }
  const next = r.replacement.selected;
  ctx.out(t('replace.done', { id: r.drawId, entity: r.replacement.entity, replacement: next.key, name: next.name, stratum: next.stratum, candidates: r.replacement.candidates, hash: r.recordHash }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.record'), file: recordPath(ws, r.drawId) }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.witness'), file: witness.html }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.witnessXlsx'), file: witness.xlsx }));
  if (sheets.length || done.notices.length) ctx.out(t('replace.sheetsNote'));
  for (const f of [...sheets, ...done.notices].filter((f) => path.basename(f).includes(next.name) || path.basename(f).includes(next.key))) ctx.out(`  ${f}`);
  ctx.out(t('ledger.head', { head: shortHead(done.head) }));
  return 0;
};
