/**
 * `ssj init DIR [--force]`: a workspace — SPEC's folders, the blank templates
 * in templates/, fillable copies of the registries in registries/, the example
 * plan in plans/, the activities sheet in reports/, and README.txt with the
 * monthly steps. Everything is checked before anything is written; with
 * --force the templates and README.txt are rewritten, while files in
 * registries/, plans/ and reports/ (the clerk's data) are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appendEvent } from '../app/ledger.js';
import type { Handler, OptionsFor } from '../cli.js';
import { t } from '../i18n/index.js';
import { UsageError } from '../errors.js';
import { WORKSPACE_DIRS, workspacePaths, type Workspace } from '../io/workspace.js';
import { checkFolder, ensureDir, renderTemplates, writeAllOrNothing, type RenderedFile } from '../io/templates.js';
import { templateDef, workspaceFolder, type TemplateId } from '../core/template-defs.js';
import { printFiles, shown } from '../render/written.js';
import { askSelect, askText } from '../render/prompt.js';
import { levelOf, parseLevel, settingsJson, LEVELS, type Level, type WorkspaceSettings } from '../core/settings.js';
import { readSettings, settingsPath } from '../io/settings.js';
import { text, yes } from './common/flags.js';
import type { Ctx } from '../context.js';

export const README = 'README.txt';

/** Where init puts the fillable copy of each template (relative to the workspace). */
export const WORKSPACE_COPIES: ReadonlyMap<TemplateId, string> = new Map<TemplateId, string>(
  (['pharmacies', 'institutions', 'inspectors', 'conflicts', 'plan', 'activities'] as const).map((id) => [id, workspaceFolder(id)]),
);

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

async function workspaceFiles(ws: Workspace, settings: WorkspaceSettings | null): Promise<RenderedFile[]> {
  const templates = await renderTemplates(ws.templates, settings);
  const copies: RenderedFile[] = [];
  for (const [id, folder] of WORKSPACE_COPIES) {
    const tpl = templates.find((f) => path.basename(f.path) === templateDef(id).file);
    if (tpl) copies.push({ path: path.join(ws.root, folder, templateDef(id).file), data: tpl.data, userData: true });
  }
  return [...templates, { path: path.join(ws.root, README), data: readmeText() }, ...copies];
}

const required = (v: string) => (v.trim() !== '' ? true : t('settings.required'));

/**
 * The workspace settings from --unit/--region/--level, asked on a TTY when
 * none is given; null when none is given and nobody can be asked (batch init
 * keeps working: forms then name no place).
 */
async function settingsFor(ctx: Ctx, opts: OptionsFor<'init'>): Promise<WorkspaceSettings | null> {
  let unit = text(opts.unit);
  let region = text(opts.region);
  const levelFlag = text(opts.level);
  let level: Level | null = null;
  if (levelFlag !== '') {
    level = parseLevel(levelFlag);
    if (!level) throw new UsageError('settings.badLevel', { value: levelFlag });
  }
  if (unit === '' && region === '' && !ctx.interactive) return null;
  if (unit === '') unit = await askText(ctx, { message: t('settings.askUnit'), flag: '--unit', validate: required });
  if (region === '') {
    if (!ctx.interactive) throw new UsageError('settings.needRegion');
    region = await askText(ctx, { message: t('settings.askRegion'), flag: '--region', validate: required });
  }
  level ??= levelOf(region);
  if (!level) {
    if (!ctx.interactive) throw new UsageError('settings.needLevel', { region });
    level = await askSelect(ctx, { message: t('settings.askLevel'), flag: '--level', choices: LEVELS.map((l) => ({ name: l, value: l })) });
  }
  return { unit, region, level };
}

export const run: Handler<'init'> = async (ctx, args, opts) => {
  const dirArg = args[0];
  if (dirArg === undefined || dirArg.trim() === '') throw new UsageError('error.missingFlag', { flag: 'DIR', hint: 'ssj init DIR' });
  const ws = workspacePaths(dirArg);
  checkFolder(ws.root);
  for (const d of WORKSPACE_DIRS) checkFolder(path.join(ws.root, d));
  const asked = await settingsFor(ctx, opts);
  // --force without settings flags keeps the settings already there (and fills the example plan with them).
  const settings = asked ?? (yes(opts.force) ? readSettings(ws.root) : null);
  const files = await workspaceFiles(ws, settings);
  if (asked && !opts.force && fs.existsSync(settingsPath(ws.root))) throw new UsageError('error.exists', { file: settingsPath(ws.root) });
  const { written, kept } = writeAllOrNothing(files, yes(opts.force));
  for (const d of WORKSPACE_DIRS) ensureDir(path.join(ws.root, d));
  if (asked) {
    // The settings change what every form says: written through the ledger (event kind settings), like every other workspace change.
    const file = settingsPath(ws.root);
    await appendEvent(ws, ctx.now, () => ({ event: { kind: 'settings', write: [{ path: file, data: settingsJson(asked) }] }, value: undefined }));
    written.push(file);
  }
  if (ctx.json) {
    ctx.out(JSON.stringify({ workspace: ws.root, folders: WORKSPACE_DIRS.map((d) => path.join(ws.root, d)), written, kept, settings }));
  } else {
    printFiles(ctx, written, kept);
    ctx.out(t('templates.out.initDone', { dir: shown(ws.root), readme: shown(path.join(ws.root, README)) }));
    if (settings) ctx.out(t('settings.saved', { ...settings, file: shown(settingsPath(ws.root)) }));
    else ctx.out(t('settings.none', { dir: shown(ws.root) }));
  }
  return 0;
};
