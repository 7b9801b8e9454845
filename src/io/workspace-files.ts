/**
 * Finding a workspace's input files by what they are (the reader's role
 * recognition from the headers), so the wizard can offer them instead of
 * asking for paths.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../core/types.js';
import { readTable } from './table.js';
import { workspacePaths } from './workspace.js';

export interface FoundInputs {
  plan: string[];
  entities: string[];
  inspectors: string[];
  conflicts: string[];
  activities: string[];
}

const TABLE_EXT = /\.(xlsx|xls|ods|csv)$/i;

function listFiles(dir: string, ext: RegExp): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && ext.test(e.name) && !e.name.startsWith('.') && !e.name.startsWith('~$'))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** The role of a table file, or null when it is not readable or not recognised. */
async function roleOf(file: string): Promise<Role | null> {
  try {
    return (await readTable(file)).role;
  } catch {
    return null;
  }
}


/** Registries, plan and activities sheets in registries/, plans/ and reports/, by recognised role. */
export async function findInputs(root: string): Promise<FoundInputs> {
  const ws = workspacePaths(root);
  const found: FoundInputs = { plan: [], entities: [], inspectors: [], conflicts: [], activities: [] };
  const files = [...listFiles(ws.registries, TABLE_EXT), ...listFiles(ws.plans, TABLE_EXT), ...listFiles(ws.reports, /\.(xlsx|xls|ods)$/i)];
  for (const f of files) {
    const role = await roleOf(f);
    if (role === 'pharmacies' || role === 'institutions') found.entities.push(f);
    else if (role === 'inspectors' || role === 'conflicts' || role === 'plan' || role === 'activities') found[role === 'plan' ? 'plan' : role].push(f);
  }
  found.plan.push(...listFiles(ws.plans, /\.json$/i));
  return found;
}

/** Expands folders in a list of paths to the spreadsheets inside them (for importing results). */
export function expandFolders(paths: string[]): string[] {
  return paths.flatMap((p) => {
    try {
      return fs.statSync(p).isDirectory() ? listFiles(p, TABLE_EXT) : [p];
    } catch {
      return [p];
    }
  });
}

/** The newest draw's witness sheet and record-sheet folder, relative paths when they exist. */
export function drawOutputs(root: string, drawId: string): string[] {
  const ws = workspacePaths(root);
  const candidates = [path.join(ws.draws, `${drawId}-witness.html`), path.join(ws.draws, `${drawId}-witness.xlsx`), path.join(ws.sheets, drawId, 'all.html'), path.join(ws.sheets, drawId)];
  return candidates.filter((f) => fs.existsSync(f));
}
