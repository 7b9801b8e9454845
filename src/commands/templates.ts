/** `ssj templates [--out DIR] [--force]`: the blank templates, by default into the workspace's templates/. */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { t } from '../i18n/index.js';
import { renderTemplates, writeAllOrNothing, checkFolder } from '../io/templates.js';
import { printFiles, shown } from '../render/written.js';
import { readSettings } from '../io/settings.js';
import { cliPath, text, yes } from './common/flags.js';

export const run: Handler<'templates'> = async (ctx, _args, opts) => {
  const out = text(opts.out);
  const dir = out !== '' ? cliPath(out) : path.join(ctx.workspace, 'templates');
  checkFolder(dir);
  const files = await renderTemplates(dir, readSettings(ctx.workspace));
  const { written } = writeAllOrNothing(files, yes(opts.force));
  if (ctx.json) {
    ctx.out(JSON.stringify({ dir, written }));
  } else {
    printFiles(ctx, written, []);
    ctx.out(t('templates.out.templatesDone', { count: written.length, dir: shown(dir) }));
  }
  return 0;
};
