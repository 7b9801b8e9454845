/**
 * ssj sheets --draw ID: writes the draw's inspection record sheets again
 * (after a substitution, or if they were lost). Filled-in sheets are kept.
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { drawFromFlag, drawWithReplacements, readLedger } from '../io/records.js';
import { amendmentsInLedger } from '../app/prior-draws.js';
import { sheetsDir, writeRecordSheets } from '../app/sheets.js';
import { startProgress } from '../render/progress.js';
import { requiredDraw } from './common/flags.js';
import { openWorkspace, withLock } from '../io/workspace.js';

export const run: Handler<'sheets'> = async (ctx, _args, opts) => {
  const id = requiredDraw(opts.draw, t('results.sheets.drawHint'));
  const ws = openWorkspace(ctx.workspace);
  const draw = drawWithReplacements(ws, drawFromFlag(ws, id)); // a replacement's (补抽) sheet, not the replaced one's
  // Under the lock, from the ledger as it is then: a substitution at the same moment cannot leave its team behind.
  const amendments = () => amendmentsInLedger(ws, readLedger(ws), draw.drawId);
  const bar = startProgress(ctx, t('progress.sheets'), draw.selected.length);
  const r = await withLock(ws, () => writeRecordSheets(ws, draw, amendments(), (done, total) => bar.update(done, total))).finally(() => bar.stop());
  const rel = (f: string) => path.relative(ctx.workspace, f) || f;
  if (ctx.json) {
    ctx.out(JSON.stringify({ drawId: draw.drawId, written: r.written.map(rel), kept: r.kept.map(rel), unreadable: r.unreadable.map(rel) }));
    return 0;
  }
  const sheets = r.written.filter((f) => f.endsWith('.xlsx'));
  ctx.out(t('results.sheets.written', { count: sheets.length, dir: rel(sheetsDir(ws, draw.drawId)) }));
  for (const f of r.kept) ctx.out(r.unreadable.includes(f) ? t('results.sheets.unreadable', { file: rel(f) }) : t('results.sheets.kept', { file: rel(f) }));
  const html = r.written.find((f) => f.endsWith('.html'));
  if (html) ctx.out(t('results.sheets.html', { file: rel(html) }));
  return 0;
};
