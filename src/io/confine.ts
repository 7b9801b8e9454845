/**
 * The one check every write inside a workspace passes: the folder a file goes
 * into, followed through any symbolic link, is still inside the workspace.
 * `workspacePaths` registers each workspace root; a write whose path lies
 * lexically inside a registered root but whose real folder leaves it (a
 * `draws/`, `sheets/<id>/` or `results/<id>/` that is a link to elsewhere) is
 * refused before anything is created. A path given by the user outside every
 * workspace (`--out`, `--report`) is theirs to choose and is not checked here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IoError } from '../errors.js';

const roots = new Set<string>();

export function registerWorkspaceRoot(root: string): void {
  roots.add(path.resolve(root));
}

const inside = (parent: string, child: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return null;
  }
}

/** The deepest path on the way to `p` that exists (as a link or not), from `p` up. */
function deepestExisting(p: string): string {
  let cur = p;
  for (;;) {
    try {
      fs.lstatSync(cur);
      return cur;
    } catch {
      const up = path.dirname(cur);
      if (up === cur) return cur;
      cur = up;
    }
  }
}

/**
 * Throws IoError('guard.outsideWorkspace') when writing `target` (or creating
 * its folders) would land outside the workspace that lexically holds it: the
 * deepest existing folder on its way, links followed, must be inside the
 * workspace's real folder (a broken link is refused too). Writes replace the
 * target by rename, so a link at the target itself is replaced, not followed.
 */
export function confineWrite(target: string): void {
  const abs = path.resolve(target);
  for (const root of roots) {
    if (!inside(root, abs) || abs === root) continue;
    const realRoot = realOrNull(root);
    if (realRoot === null) continue; // the workspace is being created: nothing to follow yet
    const at = deepestExisting(path.dirname(abs));
    const real = realOrNull(at);
    if (real === null || !inside(realRoot, real)) throw new IoError('guard.outsideWorkspace', { file: abs, link: at, dir: root });
  }
}

/**
 * A symbolic link in the workspace whose target is missing (`draws/x.json` →
 * nowhere) is refused, naming it (IoError, exit 2): never read as an absent
 * file, a record without a ledger line or an internal error.
 */
export function refuseDangling(dir: string, entries: readonly fs.Dirent[]): void {
  for (const e of entries) {
    if (!e.isSymbolicLink()) continue;
    const link = path.join(dir, e.name);
    if (realOrNull(link) !== null) continue;
    let target = '?';
    try {
      target = fs.readlinkSync(link);
    } catch {
      /* vanished meanwhile: named all the same */
    }
    throw new IoError('guard.danglingLink', { file: link, target });
  }
}

/** Entries of `dir` (none when it does not exist), dangling links refused. */
export function checkedEntries(dir: string): fs.Dirent[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  refuseDangling(dir, entries);
  return entries;
}
