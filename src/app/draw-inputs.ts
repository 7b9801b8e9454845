/**
 * The inputs of a draw and of its re-runs: the announcement file, the
 * registries a record names (found beside the given files, in the workspace,
 * beside the record), the plan with `--document` applied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isIntactAnnouncement, type Announcement } from '../core/announce.js';
import { isValidDrawId, planInput } from '../core/record.js';
import type { InputRef, Plan, Role } from '../core/types.js';
import { InputError, UsageError } from '../errors.js';
import type { InputFiles, LoadedInputs } from '../io/inputs.js';
import { readTextFile } from '../io/records.js';
import { safeFileName } from '../core/record-sheet.js';
import type { Workspace } from '../io/workspace.js';
import type { KeptFile } from './ledger.js';
import { roleLabel } from '../render/witness.js';

/**
 * An announcement lists every entity's probability, about 100 bytes each: a
 * 1,000,000-entity registry's is 98 MB (the bench's). 512 MB, as for a
 * registry file (io/table.ts MAX_FILE_BYTES), still refuses a bomb.
 */
const ANNOUNCEMENT_MAX_BYTES = 512 * 1024 * 1024;

/** Reads an announcement file; a damaged or edited one is refused. */
export function readAnnouncement(file: string): Announcement {
  const text = readTextFile(file, ANNOUNCEMENT_MAX_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new InputError('drawcmd.announcementBad', { file });
  }
  if (!isIntactAnnouncement(value)) throw new InputError('drawcmd.announcementBad', { file });
  // Its drawId names the record and witness files: it passes the --id check (a hash over a path is still a path).
  if (typeof value.drawId !== 'string' || !isValidDrawId(value.drawId)) throw new InputError('guard.badIdInFile', { file, id: String(value.drawId) });
  return value;
}

const GROUPS: [keyof InputFiles, readonly Role[], string][] = [
  ['entities', ['pharmacies', 'institutions', 'insured'], '--entities'],
  ['inspectors', ['inspectors'], '--inspectors'],
  ['conflicts', ['conflicts'], '--conflicts'],
  ['items', ['items'], '--items'],
  ['priorInspections', ['prior-inspections'], '--prior-inspections'],
];

/** Where a draw's inputs are kept as it read them: `inputs/<draw id>/` (the same place an evidence package holds them). */
export const keptInputsDir = (ws: Workspace, drawId: string): string => path.join(ws.root, 'inputs', safeFileName(drawId));

/**
 * The copies of a draw's input files to keep with its record, `inputs/<id>/<file name>` (a second file of the
 * same name gets its position as a prefix): each path given on the command line, matched to the record's
 * input of its name, with the SHA-256 it had when read (checked again as it is copied).
 */
export function keptInputs(ws: Workspace, record: { drawId: string; inputs: InputRef[] }, given: InputFiles): KeptFile[] {
  const paths = [...(given.plan ?? []), ...GROUPS.flatMap(([k]) => given[k] ?? [])];
  const used = new Set<string>();
  const names = new Set<string>();
  const out: KeptFile[] = [];
  record.inputs.forEach((ref, k) => {
    const from = paths.find((p) => !used.has(p) && path.basename(p) === ref.file);
    if (!from) return;
    used.add(from);
    const name = names.has(ref.file) ? `${k + 1}-${ref.file}` : ref.file;
    names.add(name);
    out.push({ from, path: path.join(keptInputsDir(ws, record.drawId), name), sha256: ref.fileSha256 });
  });
  return out;
}

/**
 * The registries to re-run a record with: the files given by flag, else the
 * files the record names, looked up in the folder where the draw's inputs are
 * kept (inputs/<id>/), the folders of the given files, the workspace's
 * registries/ folder, the workspace and the record's folder.
 */
export function recordedInputs(ws: Workspace, draw: { drawId: string; inputs: InputRef[] }, given: InputFiles, recordDir: string | null, only?: (keyof InputFiles)[]): InputFiles {
  const recorded = draw.inputs;
  const givenPaths = GROUPS.flatMap(([k]) => given[k] ?? []);
  const dirs = [...new Set([keptInputsDir(ws, draw.drawId), ...givenPaths.map((p) => path.dirname(p)), ws.registries, ws.root, ...(recordDir ? [recordDir] : [])])];
  const out: InputFiles = { plan: given.plan };
  for (const [key, roles, flag] of GROUPS) {
    if (only && !only.includes(key)) continue;
    if (given[key]?.length) {
      out[key] = given[key];
      continue;
    }
    const names = recorded.filter((r) => roles.includes(r.role));
    if (!names.length) continue;
    out[key] = names.map((r) => {
      const k = recorded.indexOf(r);
      const kept = path.join(dirs[0] as string, recorded.findIndex((x) => x.file === r.file) === k ? r.file : `${k + 1}-${r.file}`); // as keptInputs names it
      const found = [kept, ...dirs.slice(1).map((d) => path.join(d, r.file))].find((p) => fs.existsSync(p));
      if (!found) throw new UsageError('drawcmd.verify.inputMissing', { file: r.file, role: roleLabel(r.role), dirs: dirs.join('、'), flag });
      return found;
    });
  }
  return out;
}

/** The plan with `--document` applied, and the inputs with the plan's content hash of that plan. */
export function withDocument(loaded: LoadedInputs, document: unknown): { plan: Plan; inputs: InputRef[] } {
  const base = loaded.plan as Plan;
  const plan = typeof document === 'string' && document.trim() !== '' ? { ...base, document: document.trim() } : base;
  const inputs = loaded.inputs.map((i) => (i.role === 'plan' ? planInput(plan, i.file, i.fileSha256) : i));
  return { plan, inputs };
}
