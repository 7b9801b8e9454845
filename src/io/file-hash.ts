/**
 * SHA-256 on a worker thread: of whole files, read in 1 MB pieces (no file is
 * held in memory: a million-row registry is 185 MB), and of bytes the main
 * thread has read into shared memory (the snapshot it decodes meanwhile: the
 * hash is of the very bytes decoded). A file that cannot be read gives null.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const out = [];
const buf = Buffer.allocUnsafe(1 << 20);
const { files, shared } = workerData;
for (const file of files) {
  let fd = null;
  try {
    fd = fs.openSync(file, 'r');
    const h = createHash('sha256');
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
    out.push(h.digest('hex'));
  } catch {
    out.push(null);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
const own = shared ? createHash('sha256').update(new Uint8Array(shared)).digest('hex') : null;
parentPort.postMessage({ files: out, shared: own });
`;

/**
 * Below this many bytes in all the hashes are made on the calling thread: a worker takes some 30–60 ms to
 * start, more than hashing a few megabytes (the examples' draw hashes 60 KB; a national registry, 185 MB, still
 * goes to the worker).
 */
export const ASIDE_MIN_BYTES = 8 * 1024 * 1024;

function totalBytes(files: string[], shared: SharedArrayBuffer | null): number {
  let total = shared?.byteLength ?? 0;
  for (const f of files) {
    try {
      total += fs.statSync(f).size;
    } catch {
      /* unreadable: hashed as null either way */
    }
  }
  return total;
}

/**
 * The hashes of `files` (read by the worker) and of the bytes in `shared` (seen by both threads, not copied);
 * made here instead, before returning, when there are fewer than ASIDE_MIN_BYTES (`minBytes`) of them.
 */
export function sha256Aside(files: string[], shared: SharedArrayBuffer | null, minBytes = ASIDE_MIN_BYTES): Promise<{ files: (string | null)[]; shared: string | null }> {
  if (totalBytes(files, shared) < minBytes) {
    return Promise.resolve({ files: files.map((f) => sha256OfFile(f)), shared: shared ? createHash('sha256').update(new Uint8Array(shared)).digest('hex') : null });
  }
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { files, shared } });
    w.once('message', (hashes: { files: (string | null)[]; shared: string | null }) => resolve(hashes));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`file hash worker exited with ${code}`));
    });
  });
}

/**
 * Digests this command made of files it read, by absolute path, with the file's stamp at the time (device,
 * inode, size, modification and change times in ns): a later check of the same file in the same command takes
 * the digest instead of reading it again when the stamp is unchanged (issue 20: the draw hashed the 129 MB
 * snapshot, then the ledger check read and hashed it again). Kept per command, never on disk.
 */
export type KnownDigests = Map<string, { stamp: string; sha256: string }>;

export const fileStamp = (st: fs.BigIntStats): string => `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;

const piece = Buffer.allocUnsafe(1 << 20);

/**
 * SHA-256 of a file's bytes read in 1 MB pieces (constant memory, whatever the size), or null when it is
 * missing or not a regular file; `known` gives a digest this command already made of the same, unchanged file.
 */
export function sha256OfFile(file: string, known?: KnownDigests): string | null {
  return fileDigest(file, known)?.sha256 ?? null;
}

/** The SHA-256 and size of a file (as sha256OfFile). */
export function fileDigest(file: string, known?: KnownDigests): { sha256: string; bytes: number } | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const st = fs.fstatSync(fd, { bigint: true });
    if (!st.isFile()) return null;
    const memo = known?.get(path.resolve(file));
    if (memo && memo.stamp === fileStamp(st)) return { sha256: memo.sha256, bytes: Number(st.size) };
    const h = createHash('sha256');
    let bytes = 0;
    for (let n; (n = fs.readSync(fd, piece, 0, piece.length, null)) > 0; bytes += n) h.update(piece.subarray(0, n));
    return { sha256: h.digest('hex'), bytes };
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
