/** Listing the files a command wrote or kept, as paths the user recognises. */
import path from 'node:path';
import type { Ctx } from '../context.js';
import { t } from '../i18n/index.js';

/** A path relative to the current folder when inside it, else absolute. */
export function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export function printFiles(ctx: Ctx, written: string[], kept: string[]): void {
  for (const f of written) ctx.out(t('templates.out.wrote', { file: shown(f) }));
  for (const f of kept) ctx.out(t('templates.out.kept', { file: shown(f) }));
}
