/** ssj void --draw ID --reason TEXT [--force]: 作废 a draw (src/app/void.ts). */
import type { Handler } from '../cli.js';
import { voidDraw } from '../app/void.js';
import { shortHead } from '../app/ledger.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { openWorkspace } from '../io/workspace.js';
import { requiredDraw, text, yes } from './common/flags.js';

export const run: Handler<'void'> = async (ctx, _args, opts) => {
  const drawId = requiredDraw(opts.draw, t('ledger.void.hint'));
  const reason = text(opts.reason);
  if (!reason) throw new UsageError('error.missingFlag', { flag: '--reason', hint: t('ledger.void.hint') });
  const ws = openWorkspace(ctx.workspace);
  const done = await voidDraw(ws, { drawId, reason, force: yes(opts.force), now: ctx.now, nowIso: ctx.nowIso, lang: ctx.lang });
  if (ctx.json) {
    ctx.out(JSON.stringify({ drawId: done.drawId, voided: true, reason, hidden: done.hidden, sheet: done.sheet, ledgerHead: done.head }, null, 2));
    return 0;
  }
  ctx.out(t('ledger.void.done', { id: done.drawId, file: done.sheet }));
  if (done.hidden.length) ctx.err(t('ledger.void.hidden', { count: done.hidden.length, entities: done.hidden.join('、') }));
  ctx.out(t('ledger.head', { head: shortHead(done.head) }));
  return 0;
};
