/** `ssj templates [--out DIR] [--force]`: the blank templates, by default into the workspace's templates/. */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { t } from '../i18n/index.js';
import { renderTemplates, writeAllOrNothing, checkFolder, planWrites } from '../io/templates.js';
import { isWorkspaceDir, openWorkspace } from '../io/workspace.js';
import { appendEvent } from '../app/ledger.js';
import { printFiles, shown } from '../render/written.js';
import { readSettings } from '../io/settings.js';
import { cliPath, text, yes } from './common/flags.js';

export const run: Handler = async (ctx, _args, opts) => {
  const out = text(opts.out);
  const dir = out !== '' ? cliPath(out) : path.join(ctx.workspace, 'templates');
  checkFolder(dir);
  const files = await renderTemplates(dir, readSettings(ctx.workspace));
  const force = yes(opts.force);
  const rel = path.relative(ctx.workspace, dir);
  const inWorkspace = isWorkspaceDir(ctx.workspace) && !rel.startsWith('..') && !path.isAbsolute(rel);
  // Into a workspace: one `documents` event lists them (every change to a workspace is an event); elsewhere just written.
  const { written } = inWorkspace
    ? (await appendEvent(openWorkspace(ctx.workspace), ctx.now, () => {
        const p = planWrites(files, force);
        const write = p.toWrite.map((f) => ({ path: f.path, data: f.data, exclusive: !force }));
        return { event: write.length ? { kind: 'documents', write, payload: { what: 'templates' } } : null, value: { written: p.toWrite.map((f) => f.path) } };
      })).value
    : writeAllOrNothing(files, force);
  if (ctx.json) {
    ctx.out(JSON.stringify({ dir, written }));
  } else {
    printFiles(ctx, written, []);
    ctx.out(t('templates.out.templatesDone', { count: written.length, dir: shown(dir) }));
  }
  return 0;
};
