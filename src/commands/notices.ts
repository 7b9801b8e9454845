/**
 * ssj notices --draw ID [--contact TEXT]: the 检查通知书 of every entity the
 * draw selected (teams as now in force) and its 行政检查审批表.
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { writeNotices } from '../app/notices.js';
import { shortHead } from '../app/ledger.js';
import { drawFromFlag, drawWithReplacements } from '../io/records.js';
import { openWorkspace } from '../io/workspace.js';
import { requiredDraw, text } from './common/flags.js';

export const run: Handler<'notices'> = async (ctx, _args, opts) => {
  const id = requiredDraw(opts.draw);
  const ws = openWorkspace(ctx.workspace);
  const draw = drawWithReplacements(ws, drawFromFlag(ws, id)); // a replacement's (补抽) notice, not the replaced one's
  const out = await writeNotices(ws, draw, ctx.now, { contact: text(opts.contact) });
  if (ctx.json) {
    ctx.out(JSON.stringify({ dir: out.dir, count: out.notices.length, all: out.all, approval: out.approval, notices: out.notices.map((n) => ({ entity: n.entity.key, number: n.number, verification: n.verification, timesThisYear: n.timesThisYear })), ledgerHead: out.head }, null, 2));
    return 0;
  }
  ctx.out(t('after.notices.wrote', { count: out.notices.length, dir: path.relative(ctx.workspace, out.dir) || out.dir, all: path.relative(ctx.workspace, out.all), approval: path.relative(ctx.workspace, out.approval) }));
  ctx.out(t('ledger.head', { head: shortHead(out.head) }));
  return 0;
};
