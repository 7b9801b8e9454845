/** Computes a registry's content hash off the main thread (see entityContentSha256Aside). */
import { parentPort, workerData } from 'node:worker_threads';
import { entityContentSha256 } from '../core/content-hash.js';
import { inColumns, type EntityColumns } from './registry-range.js';

const { pieces, piece, row } = workerData as { pieces: EntityColumns[]; piece: Uint32Array; row: Uint32Array };
parentPort!.postMessage(entityContentSha256(inColumns(pieces, piece, row)));
