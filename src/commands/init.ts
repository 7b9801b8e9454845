/**
 * `ssj init DIR [--force]`: a workspace — SPEC's folders, the blank templates
 * in templates/, fillable copies of the registries in registries/, the example
 * plan in plans/, the activities sheet in reports/, and README.txt with the
 * monthly steps. Everything is checked before anything is written; with
 * --force the templates and README.txt are rewritten, while files in
 * registries/, plans/ and reports/ (the clerk's data) are kept.
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { t } from '../i18n/index.js';
import { UsageError } from '../errors.js';
import { WORKSPACE_DIRS, workspacePaths, type Workspace } from '../io/workspace.js';
import { checkFolder, ensureDir, renderTemplates, writeAllOrNothing, type RenderedFile } from '../io/templates.js';
import { templateDef, type TemplateId } from '../core/template-defs.js';
import { printFiles, shown } from '../render/written.js';

export const README = 'README.txt';

/** Where init puts the fillable copy of each template (relative to the workspace). */
export const WORKSPACE_COPIES: ReadonlyMap<TemplateId, string> = new Map<TemplateId, string>([
  ['pharmacies', 'registries'],
  ['institutions', 'registries'],
  ['inspectors', 'registries'],
  ['conflicts', 'registries'],
  ['plan', 'plans'],
  ['activities', 'reports'],
]);

const rel = (id: TemplateId) => `${WORKSPACE_COPIES.get(id) ?? 'registries'}/${templateDef(id).file}`;

/** README.txt in the user's language: UTF-8 with BOM and CRLF so Notepad on Chinese Windows shows it right. */
export function readmeText(): string {
  const text = t('templates.readme', {
    pharmacies: templateDef('pharmacies').file,
    institutions: templateDef('institutions').file,
    inspectors: templateDef('inspectors').file,
    conflicts: templateDef('conflicts').file,
    plan: templateDef('plan').file,
    activities: templateDef('activities').file,
    regPharmacies: rel('pharmacies'),
    regInstitutions: rel('institutions'),
    regInspectors: rel('inspectors'),
    regConflicts: rel('conflicts'),
    planFile: rel('plan'),
    regActivities: rel('activities'),
  });
  return '\ufeff' + text.replace(/\r?\n/g, '\r\n');
}

async function workspaceFiles(ws: Workspace): Promise<RenderedFile[]> {
  const templates = await renderTemplates(ws.templates);
  const copies: RenderedFile[] = [];
  for (const [id, folder] of WORKSPACE_COPIES) {
    const tpl = templates.find((f) => path.basename(f.path) === templateDef(id).file);
    if (tpl) copies.push({ path: path.join(ws.root, folder, templateDef(id).file), data: tpl.data, userData: true });
  }
  return [...templates, { path: path.join(ws.root, README), data: readmeText() }, ...copies];
}

export const run: Handler = async (ctx, args, opts) => {
  const dirArg = args[0];
  if (dirArg === undefined || dirArg.trim() === '') throw new UsageError('error.missingFlag', { flag: 'DIR', hint: 'ssj init DIR' });
  const ws = workspacePaths(dirArg);
  checkFolder(ws.root);
  for (const d of WORKSPACE_DIRS) checkFolder(path.join(ws.root, d));
  const { written, kept } = writeAllOrNothing(await workspaceFiles(ws), opts.force === true);
  for (const d of WORKSPACE_DIRS) ensureDir(path.join(ws.root, d));
  if (ctx.json) {
    ctx.out(JSON.stringify({ workspace: ws.root, folders: WORKSPACE_DIRS.map((d) => path.join(ws.root, d)), written, kept }));
  } else {
    printFiles(ctx, written, kept);
    ctx.out(t('templates.out.initDone', { dir: shown(ws.root), readme: shown(path.join(ws.root, README)) }));
  }
  return 0;
};
