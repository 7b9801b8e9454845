/**
 * Where `ssj verify RECORD.json` reads from. In a workspace: its ledger and draws/. Outside one (an auditor's
 * folder): a copied workspace the record sits in (`…/draws/<id>.json` beside `…/ledger.jsonl`), else the record
 * alone — no ledger, the amendments given with it or kept beside it, the registries by flag or found by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isWorkspaceDir, openWorkspace, workspacePaths, type Workspace } from '../io/workspace.js';

export interface RecordPlace {
  ws: Workspace;
  /** No workspace and no ledger: the record verified on its own. */
  standalone: boolean;
  /** A copied workspace found around the record (not the current folder). */
  foundWorkspace: string | null;
}

export function recordPlace(cwd: string, recordFile: string | undefined): RecordPlace {
  if (!recordFile || isWorkspaceDir(cwd)) return { ws: openWorkspace(cwd), standalone: false, foundWorkspace: null };
  const dir = path.dirname(path.resolve(recordFile));
  const parent = path.dirname(dir);
  if (path.basename(dir) === 'draws' && fs.existsSync(path.join(parent, 'ledger.jsonl'))) {
    return { ws: workspacePaths(parent), standalone: false, foundWorkspace: parent };
  }
  return { ws: workspacePaths(dir), standalone: true, foundWorkspace: null };
}
