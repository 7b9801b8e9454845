/**
 * Atomic file writes: a temp file in the same folder, fsync, then rename (or
 * link, when the target must not exist). A crash at any moment leaves either
 * the old file or the new one, never half of one; stray temp files are named
 * `.ssj-tmp-*` and ignored by every reader.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IoError } from '../errors.js';
import { confineWrite } from './confine.js';
import { crashPoint } from './crash-point.js';
import { ioError } from './errno.js';

let counter = 0;

function tempPath(target: string): string {
  counter += 1;
  // The target's name cut to 60 UTF-8 bytes: a long name stays within the file system's 255 bytes with the prefix.
  const base = Buffer.from(path.basename(target), 'utf8');
  const short = base.length <= 60 ? base.toString('utf8') : base.subarray(0, 60).toString('utf8').replace(/\ufffd+$/, '');
  return path.join(path.dirname(target), `.ssj-tmp-${process.pid}-${Date.now().toString(36)}-${counter}-${short}`);
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* directories cannot be fsynced on every platform; the rename is still atomic */
  }
}

export interface WriteOptions {
  /** Refuse when the target exists (records are never overwritten). */
  exclusive?: boolean;
}

/** Writes `data` to `target` atomically. With `exclusive`, throws IoError('error.recordExists') if it exists. */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  confineWrite(target);
  const tmp = tempPath(target);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    crashPoint();
    if (options.exclusive) {
      fs.linkSync(tmp, target); // fails with EEXIST: never replaces a record
      crashPoint();
      fs.unlinkSync(tmp);
    } else {
      fs.renameSync(tmp, target);
      crashPoint();
    }
    syncDir(path.dirname(target));
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    if (err instanceof IoError) throw err;
    throw ioError(err, target);
  }
}

/**
 * Writes several files as one step: all are written to temp files first, then
 * renamed. If any write fails, none of the targets is touched; if a rename
 * fails (a target that is a folder, a read-only one), the targets already
 * renamed are put back as they were. (A crash between two renames is covered
 * by the ledger, which is written last.) A copy (`from`) is checked against
 * its SHA-256 as it is made: a source changed since it was read is refused.
 */
/** A file to write: its bytes, or a copy of another file whose SHA-256 must be `sha256` (checked as it is copied). */
export type AtomicFile = { path: string; exclusive?: boolean } & ({ data: string | Uint8Array } | { from: string; sha256: string });

/**
 * Above this size a copy is made by the file system (fs.copyFileSync, a clone where it can) without hashing it
 * again: a national registry (185 MB) would add a second of hashing to the draw the witnesses wait for. Its
 * SHA-256 is still the one listed, so the next ledger check (every later command, verify --ledger) names it if
 * the source changed between the read and the copy.
 */
const HASHED_COPY_MAX = 64 * 1024 * 1024;

/** Copies `from` into the open `fd` in 1 MB pieces, hashing as it goes; a file that is not the one expected is refused. */
function copyChecked(from: string, fd: number, sha256: string): void {
  const src = fs.openSync(from, 'r');
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(src, buf, 0, buf.length, null)) > 0; ) {
      h.update(buf.subarray(0, n));
      fs.writeSync(fd, buf, 0, n);
    }
    if (h.digest('hex') !== sha256) throw new IoError('error.copyChanged', { file: from });
  } finally {
    fs.closeSync(src);
  }
}

interface Staged {
  tmp: string;
  target: string;
  exclusive: boolean;
}

/** A copy made by the file system, not hashed again (HASHED_COPY_MAX). */
function bigCopy(f: { path: string; from: string }): boolean {
  try {
    return fs.statSync(f.from).size > HASHED_COPY_MAX;
  } catch (err) {
    throw ioError(err, f.path);
  }
}

/** Writes one file's temp copy into the open `fd` (not yet synced). */
function writeStaged(f: AtomicFile, tmp: string, fd: number): void {
  if ('from' in f && bigCopy(f)) fs.copyFileSync(f.from, tmp, fs.constants.COPYFILE_FICLONE);
  else if ('from' in f) copyChecked(f.from, fd, f.sha256);
  else fs.writeFileSync(fd, f.data);
}

/** Opens a file's temp copy (after the checks), recording it in `staged` first so that a failure removes it. */
function openStaged(f: AtomicFile, staged: Staged[]): { tmp: string; fd: number } {
  if (f.exclusive && fs.existsSync(f.path)) throw new IoError('error.recordExists', { file: f.path });
  fs.mkdirSync(path.dirname(f.path), { recursive: true });
  const tmp = tempPath(f.path);
  staged.push({ tmp, target: f.path, exclusive: Boolean(f.exclusive) });
  return { tmp, fd: fs.openSync(tmp, 'wx') };
}

function unstage(staged: Staged[], err: unknown, files: AtomicFile[]): never {
  for (const s of staged) fs.rmSync(s.tmp, { force: true });
  if (err instanceof IoError) throw err;
  throw ioError(err, staged.at(-1)?.target ?? files[0]?.path ?? '');
}

export function writeFilesAtomic(files: AtomicFile[]): void {
  const staged: Staged[] = [];
  for (const f of files) confineWrite(f.path);
  try {
    for (const f of files) {
      const { tmp, fd } = openStaged(f, staged);
      try {
        writeStaged(f, tmp, fd);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    crashPoint();
  } catch (err) {
    unstage(staged, err, files);
  }
  placeStaged(staged);
  for (const dir of new Set(staged.map((s) => path.dirname(s.target)))) syncDir(dir);
}

/** How many temp files are synced at once (and open at most) by writeFilesAtomicAsync. */
const SYNC_AT_ONCE = 8;

const fsyncClose = (fd: number): Promise<void> =>
  new Promise((resolve, reject) => fs.fsync(fd, (err) => fs.close(fd, (closeErr) => (err ?? closeErr ? reject(err ?? closeErr) : resolve()))));

/**
 * writeFilesAtomic with the temp files' fsyncs running side by side on the thread pool (a few at a time), not
 * one after another: every temp file is still on disk before the first rename, and the folders are synced
 * after the last (a results import of 21 sheets waited for 21 fsyncs in turn). Same steps and crash points.
 */
export async function writeFilesAtomicAsync(files: AtomicFile[]): Promise<void> {
  const staged: Staged[] = [];
  for (const f of files) confineWrite(f.path);
  const syncing = new Set<Promise<void>>();
  let failure: { err: unknown } | null = null;
  const track = (p: Promise<void>, target: string) => {
    const done: Promise<void> = p.then(
      () => void syncing.delete(done),
      (err: unknown) => {
        syncing.delete(done);
        failure ??= { err: err instanceof IoError ? err : ioError(err, target) };
      },
    );
    syncing.add(done);
  };
  try {
    // Large copies first: the thread pool copies them while the other files are written here.
    const big = new Set(files.filter((f) => 'from' in f && bigCopy(f)));
    for (const f of [...big, ...files.filter((f) => !big.has(f))]) {
      if (syncing.size >= SYNC_AT_ONCE) await Promise.race(syncing);
      if (failure) break;
      const { tmp, fd } = openStaged(f, staged);
      if (big.has(f) && 'from' in f) {
        track(fs.promises.copyFile(f.from, tmp, fs.constants.COPYFILE_FICLONE).then(() => fsyncClose(fd), (err: unknown) => fsyncClose(fd).then(() => Promise.reject(err))), f.path);
        continue;
      }
      try {
        writeStaged(f, tmp, fd);
      } catch (err) {
        fs.closeSync(fd);
        throw err;
      }
      track(fsyncClose(fd), f.path);
    }
    await Promise.all(syncing);
    if (failure) throw (failure as { err: unknown }).err;
    crashPoint();
  } catch (err) {
    await Promise.all(syncing); // every fd closed before the temps go
    unstage(staged, err, files);
  }
  placeStaged(staged);
  for (const dir of new Set(staged.map((s) => path.dirname(s.target)))) syncDir(dir);
}

/**
 * The renames of staged temp files into place. What each target held before is kept aside (a hard link, else
 * a copy) until every rename is done: a rename that fails part-way (a target that is a folder, a read-only
 * one) puts the earlier targets back as they were.
 */
function placeStaged(staged: Staged[]): void {
  const before = staged.map((s) => (!s.exclusive && isFile(s.target) ? keepAside(s.target) : null));
  let done = 0;
  try {
    for (const s of staged) {
      if (s.exclusive) {
        fs.linkSync(s.tmp, s.target);
        fs.unlinkSync(s.tmp);
      } else {
        fs.renameSync(s.tmp, s.target);
      }
      done += 1;
      if (done === 1 || done === staged.length) crashPoint(); // the first in place (part-way), then all of them
    }
  } catch (err) {
    for (let k = done - 1; k >= 0; k--) {
      const kept = before[k];
      try {
        if (kept) fs.renameSync(kept, (staged[k] as { target: string }).target);
        else fs.rmSync((staged[k] as { target: string }).target, { force: true });
      } catch {
        /* best effort: the error below names the file that failed */
      }
    }
    for (const r of staged) fs.rmSync(r.tmp, { force: true });
    for (const b of before) if (b) fs.rmSync(b, { force: true });
    throw ioError(err, staged[done]?.target ?? '');
  }
  for (const b of before) if (b) fs.rmSync(b, { force: true });
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A second name for a file's current content, for writeFilesAtomic to restore it. */
function keepAside(target: string): string {
  const aside = tempPath(target);
  try {
    fs.linkSync(target, aside);
  } catch {
    fs.copyFileSync(target, aside);
  }
  return aside;
}
