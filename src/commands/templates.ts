/** `ssj templates [--out DIR] [--force]`: the blank templates, by default into the workspace's templates/. */
import path from 'node:path';
import type { Handler } from '../cli.js';
import type { Ctx } from '../context.js';
import { t } from '../i18n/index.js';
import { renderTemplates, writeAllOrNothing, checkFolder } from '../io/templates.js';

/** A path as the user will recognise it: relative to the current folder when inside it. */
export function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export function printFiles(ctx: Ctx, written: string[], kept: string[]): void {
  for (const f of written) ctx.out(t('templates.out.wrote', { file: shown(f) }));
  for (const f of kept) ctx.out(t('templates.out.kept', { file: shown(f) }));
}

export const run: Handler = async (ctx, _args, opts) => {
  const dir = path.resolve(typeof opts.out === 'string' && opts.out !== '' ? opts.out : path.join(ctx.workspace, 'templates'));
  checkFolder(dir);
  const files = await renderTemplates(dir);
  const { written } = writeAllOrNothing(files, opts.force === true);
  if (ctx.json) {
    ctx.out(JSON.stringify({ dir, written }));
  } else {
    printFiles(ctx, written, []);
    ctx.out(t('templates.out.templatesDone', { count: written.length, dir: shown(dir) }));
  }
  return 0;
};
