/** ssj archive (--draw ID | --month YYYY-MM) --out FILE.zip: the evidence package (src/app/archive.ts). */
import type { Handler, OptionsFor } from '../cli.js';
import { archiveWorkspace } from '../app/archive.js';
import type { ArchiveScope } from '../core/archive.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { openWorkspace } from '../io/workspace.js';
import { shown } from '../render/written.js';
import { cliPath, drawFlag, isMonth, text } from './common/flags.js';

function scopeOf(opts: OptionsFor<'archive'>): ArchiveScope {
  const draw = drawFlag(opts.draw);
  const month = text(opts.month);
  if ((draw === undefined) === (month === '')) throw new UsageError('archive.needScope');
  if (draw !== undefined) return { draw };
  if (!isMonth(month)) throw new UsageError('archive.badMonth', { value: month });
  return { month };
}

export const run: Handler<'archive'> = async (ctx, _args, opts) => {
  const scope = scopeOf(opts);
  const given = text(opts.out);
  if (given === '') throw new UsageError('archive.needOut');
  const out = cliPath(given); // relative to the current folder, not the workspace
  const ws = openWorkspace(ctx.workspace);
  const r = await archiveWorkspace(ws, scope, out, ctx.err);
  const d = r.description;
  if (ctx.json) {
    ctx.out(JSON.stringify({ file: r.file, sha256: r.sha256, files: r.files, draws: d.draws, amendments: d.amendments, ledgerHead: d.ledgerHead }, null, 2));
    return 0;
  }
  ctx.out(t('archive.done', { file: shown(r.file), files: r.files, draws: d.draws.length, ids: d.draws.join('、'), head: (d.ledgerHead ?? '').slice(0, 16) }));
  ctx.out(t('archive.sha', { sha: r.sha256 }));
  ctx.err(t('archive.noEvent'));
  return 0;
};
