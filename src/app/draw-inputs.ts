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
import type { Workspace } from '../io/workspace.js';
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

/**
 * The registries to re-run a record with: the files given by flag, else the
 * files the record names, looked up in the folders of the given files, the
 * workspace's registries/ folder, the workspace and the record's folder.
 */
export function recordedInputs(ws: Workspace, recorded: InputRef[], given: InputFiles, recordDir: string | null, only?: (keyof InputFiles)[], more: string[] = []): InputFiles {
  const givenPaths = GROUPS.flatMap(([k]) => given[k] ?? []);
  const dirs = [...new Set([...givenPaths.map((p) => path.dirname(p)), ws.registries, ws.root, ...(recordDir ? [recordDir] : []), ...more])];
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
      const found = dirs.map((d) => path.join(d, r.file)).find((p) => fs.existsSync(p));
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
