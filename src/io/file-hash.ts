/**
 * SHA-256 on a worker thread: of whole files, read in 1 MB pieces (no file is
 * held in memory: a million-row registry is 185 MB), and of bytes the main
 * thread has read into shared memory (the snapshot it decodes meanwhile: the
 * hash is of the very bytes decoded). A file that cannot be read gives null.
 */
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

/** The hashes of `files` (read by the worker) and of the bytes in `shared` (seen by both threads, not copied). */
export function sha256Aside(files: string[], shared: SharedArrayBuffer | null): Promise<{ files: (string | null)[]; shared: string | null }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { files, shared } });
    w.once('message', (hashes: { files: (string | null)[]; shared: string | null }) => resolve(hashes));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`file hash worker exited with ${code}`));
    });
  });
}
