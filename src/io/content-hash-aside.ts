/**
 * A large registry's content hash (SPEC draw step 9) on a worker thread, so
 * the main thread reads the other registries, checks the plan and draws
 * meanwhile: on a million rows the hash is about a second of one core. The
 * worker sees the same entities (the parallel reader's columns, sent again)
 * and runs the same function, entityContentSha256. Anything else — few
 * rows, entities that are not column views, a worker that fails — is hashed
 * here, at once or when the worker fails.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { entityContentSha256 } from '../core/content-hash.js';
import type { Entity } from '../core/types.js';
import { knobs } from '../knobs.js';
import type { columnsOf } from './registry-range.js';

/** Below this many entities the hash (~1 µs a row) is not worth a thread; SSJ_HASH_ASIDE_ROWS for tests. */
const ASIDE_ROWS = 200_000;

const WORKER = new URL('./content-hash-worker.js', import.meta.url);

/** entityContentSha256(entities), computed on a worker thread when that pays; never rejects. */
export function entityContentSha256Aside(entities: readonly Entity[]): string | Promise<string> {
  if (entities.length < (knobs().hashAsideRows ?? ASIDE_ROWS) || !knobs().parallel || !fs.existsSync(fileURLToPath(WORKER))) return entityContentSha256(entities);
  return aside(entities);
}

/** The worker's side: worker_threads and the column views are loaded only here (start-up, issue #20). */
async function aside(entities: readonly Entity[]): Promise<string> {
  const [{ columnsOf }, { Worker }] = await Promise.all([import('./registry-range.js'), import('node:worker_threads')]);
  const columns = columnsOf(entities);
  if (!columns) return entityContentSha256(entities);
  // The hash reads key, name and the coded fields: the other texts stay here (a third less to copy).
  const slim = { ...columns, pieces: columns.pieces.map((c) => ({ ...c, ybbm: '', address: '', legal: '' })) };
  return onWorker(Worker, { entities }, slim);
}

/** Starts the worker; `data` is copied to it at once and not held here a moment longer. */
function onWorker(Worker: typeof import('node:worker_threads').Worker, box: { entities: readonly Entity[] | null }, data: NonNullable<ReturnType<typeof columnsOf>>): Promise<string> {
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { workerData: data, transferList: [data.piece.buffer, data.row.buffer], execArgv: [] });
  } catch {
    return Promise.resolve(entityContentSha256(box.entities ?? []));
  }
  return answerOf(worker, box);
}

/**
 * The worker's answer, or the hash made here when it fails. The entities are
 * held in a box emptied on settling: the worker's listeners outlive the
 * answer until the main thread next yields, and must not keep a million
 * entities from the collector meanwhile.
 */
function answerOf(worker: Worker, box: { entities: readonly Entity[] | null }): Promise<string> {
  return new Promise<string>((resolve) => {
    const settle = (hash: string | null) => {
      const entities = box.entities;
      if (entities === null) return;
      box.entities = null;
      if (knobs().debugParallel) process.stderr.write(`ssj parallel: content hash of ${entities.length} entities ${hash ? 'on a worker' : 'here (the worker failed)'}\n`);
      resolve(hash ?? entityContentSha256(entities));
    };
    worker.once('message', (hash: unknown) => {
      settle(typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : null);
      void worker.terminate();
    });
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
  });
}
