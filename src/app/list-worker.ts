/** Encodes a long drawn list's CSV and HTML page off the main thread (see drawnListFiles). */
import { parentPort, workerData } from 'node:worker_threads';
import type { DrawnList } from '../core/drawn-list.js';
import type { CsvEncoding } from '../render/csv.js';
import { drawnListBytes } from '../render/drawn-list-files.js';

const { list, encoding } = workerData as { list: DrawnList; encoding: CsvEncoding };
const { csv, html } = drawnListBytes(list, encoding);
// Handed over, not copied, when each is the whole of its memory.
const own = (b: Uint8Array) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? [b.buffer] : []);
parentPort!.postMessage({ csv, html }, [...own(csv), ...own(html)]);
