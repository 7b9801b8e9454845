/**
 * Writing many printable documents at once (record sheets, notices): each
 * through a temp file and a rename, so no reader ever sees half a file, but
 * without an fsync per file — on this machine an fsync is 9 ms, 40,000 of
 * them six minutes. These documents are made again from the record at any
 * time (`ssj sheets`, `ssj notices`), so a crash can cost a rerun, never a
 * record: the record and the ledger keep their fsync. Writes run a few at a
 * time on libuv's pool; the folders are synced once at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ioError } from './errno.js';
import { confineWrite } from './confine.js';
import { crashPoint } from './crash-point.js';

let counter = 0;
const CONCURRENCY = 16;

export interface DocFile {
  path: string;
  data: string | Uint8Array;
}

async function writeOne(f: DocFile): Promise<void> {
  counter += 1;
  const tmp = path.join(path.dirname(f.path), `.ssj-tmp-${process.pid}-${counter}-${path.basename(f.path)}`);
  try {
    await fs.promises.writeFile(tmp, f.data, { flag: 'wx' });
    await fs.promises.rename(tmp, f.path);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw ioError(err, f.path);
  }
}

/** Writes `files` (temp + rename each, a few at once); the first failure is thrown after the others settle. */
export async function writeDocuments(files: readonly DocFile[]): Promise<void> {
  const dirs = new Map<string, string>();
  for (const f of files) if (!dirs.has(path.dirname(f.path))) dirs.set(path.dirname(f.path), f.path);
  // The one checked write path (io/confine.ts), once per folder: a folder a link takes outside the workspace is refused.
  for (const [d, first] of dirs) {
    confineWrite(first);
    fs.mkdirSync(d, { recursive: true });
  }
  let next = 0;
  let failure: unknown = null;
  let placed = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++] as DocFile;
      try {
        await writeOne(f);
        if (++placed === 1) crashPoint(); // part-way: the first document new, the others not yet
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  if (failure) throw failure;
}

/** Syncs the folders written (best effort: not every platform can fsync a folder). */
export function syncFolders(dirs: Iterable<string>): void {
  for (const d of dirs) {
    try {
      const fd = fs.openSync(d, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      /* nothing to do */
    }
  }
}
