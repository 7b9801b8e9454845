/**
 * ssj approve --draw ID [--entity KEY…] --by NAME [--opinion TEXT] | --return REASON:
 * approves (or returns) imported results before 公示. Exit 0 done, 1 nothing to
 * approve / unknown entity, 2 usage.
 */
import type { Handler } from '../cli.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { normKey } from '../core/normalize.js';
import { approve } from '../app/approve.js';
import { shortHead } from '../app/ledger.js';
import { drawFromFlag } from '../io/records.js';
import { openWorkspace } from '../io/workspace.js';
import { shortList } from '../render/report.js';
import { list as flagList, requiredDraw, text } from './common/flags.js';


export const run: Handler<'approve'> = async (ctx, _args, opts) => {
  const drawId = requiredDraw(opts.draw);
  const by = text(opts.by);
  if (by === '') throw new UsageError('after.approve.byMissing');
  const reason = text(opts.return);
  const returning = opts.return !== undefined;
  if (returning && reason === '') throw new UsageError('error.missingFlag', { flag: '--return', hint: '' });
  const entities = flagList(opts.entity).map((k) => normKey(k)).filter((k) => k !== '');
  const ws = openWorkspace(ctx.workspace);
  drawFromFlag(ws, drawId); // the one --draw check: id syntax, listed in the ledger
  const opinion = text(opts.opinion);
  const { event, head } = await approve(ws, { drawId, entities, decision: returning ? 'returned' : 'approved', by, ...(opinion ? { opinion } : {}), ...(returning ? { reason } : {}) }, ctx.now);
  if (ctx.json) {
    ctx.out(JSON.stringify({ ...event, ledgerHead: head }, null, 2));
    return 0;
  }
  const list = shortList(event.entities);
  ctx.out(returning ? t('after.approve.returned', { count: event.entities.length, id: drawId, by, reason, list }) : t('after.approve.done', { count: event.entities.length, id: drawId, by, list }));
  ctx.out(t('ledger.head', { head: shortHead(head) }));
  return 0;
};
