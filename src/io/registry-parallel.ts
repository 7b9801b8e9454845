/**
 * The parallel reader for large CSV registries (issue #8: a million rows in
 * seconds on two cores). The file is read once into shared memory; the main
 * thread finds the header as the sequential reader does, splits the bytes at
 * a record boundary near the middle, reads the first range itself while a
 * worker thread reads the second, then checks every duplicate key in row
 * order and joins the two. The result is the sequential reader's: the same
 * rows, issues (in the same order), entities and hashes — tests compare the
 * two on the same files.
 *
 * Returns null whenever it cannot promise that (a small file, a workbook,
 * UTF-16, a header not found, a quote left open, a limit crossed, …): the
 * caller then reads sequentially, which also reports any problem with its
 * usual message. Nothing of the command's state (its KeyIndex) is touched
 * before both ranges are read.
 *
 * SSJ_PARALLEL=0 turns it off; SSJ_PARALLEL_MIN_BYTES and SSJ_PARALLEL_PIECE_BYTES
 * are for tests (tiny files through the parallel path).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import { sha256Hex } from '../core/hash.js';
import { ENTITY_ROLES, type KeyIndex, type RegistryAccumulator } from '../core/registry.js';
import type { Entity, Role, Table } from '../core/types.js';
import { getLang } from '../i18n/index.js';
import { detectEncoding, incompleteTail, type TextEncoding } from './read/encoding.js';
import { decodeRange, Fallback } from './read/csv-pieces.js';
import { HEADER_SCAN_ROWS, type RawRow } from './read/header.js';
import { scanRecords } from './read/ranges.js';
import { preambleOf } from './read/sink.js';
import { fromColumns, joinKeys, mergeByRow, readRange, dialectOf, type EntityColumns, type Omitted, type RangeRead, type RangeSetup, type WorkerRange } from './registry-range.js';
import { resolveHeader } from './table.js';

const env = (name: string, dflt: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && process.env[name] !== '' && process.env[name] !== undefined ? v : dflt;
};

/** Below this a worker's start-up (~50 ms) is not worth it. */
const MIN_BYTES = 4 * 1024 * 1024;
/** Above this the file is not held in memory: the streaming reader takes it. */
const MAX_BYTES = 1024 * 1024 * 1024;
/** Text parsed at a time: bounds the memory of decoded text and parsed rows. */
const PIECE_BYTES = 8 * 1024 * 1024;
/** The main thread's share of the bytes: it also joins the results afterwards. */
const MAIN_SHARE = 0.5;
const HEAD_BYTES = 1024 * 1024;

const trace = (msg: string): void => {
  if (process.env.SSJ_DEBUG_PARALLEL === '1') process.stderr.write(`ssj parallel: ${msg}\n`);
};

export interface ParallelOptions {
  role?: Role;
  today: string | null;
  keys: KeyIndex;
  keep: boolean;
  maxIssues: number | null;
  onProgress?: (done: number, total: number) => void;
}

export interface ParallelRead {
  table: Table;
  /** Non-blank rows read. */
  rows: number;
  acc: RegistryAccumulator;
  omitted: Omitted;
}

const WORKER = new URL('./registry-worker.js', import.meta.url);

function workerAvailable(): boolean {
  try {
    return WORKER.protocol === 'file:' && fs.existsSync(fileURLToPath(WORKER));
  } catch {
    return false;
  }
}

/** The whole file in memory shared with the worker; null when it cannot be read (the sequential reader says why). */
function readShared(file: string): Buffer | null {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size < env('SSJ_PARALLEL_MIN_BYTES', MIN_BYTES) || size > MAX_BYTES || size === 0) return null;
      const buf = Buffer.from(new SharedArrayBuffer(size));
      let off = 0;
      while (off < size) {
        const n = fs.readSync(fd, buf, off, size - off, off);
        if (n === 0) return null;
        off += n;
      }
      return buf;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

function looksLikeText(buf: Buffer, file: string): boolean {
  const probe = buf.subarray(0, 8192);
  if ((buf[0] === 0x50 && buf[1] === 0x4b) || probe.includes(0)) return false;
  if (buf.subarray(0, 4).toString('latin1') === '%PDF') return false;
  const html = /^\s*</.test(buf.subarray(0, 256).toString('latin1')) && !file.toLowerCase().endsWith('.csv');
  return !html;
}

/** The first rows, the delimiter and the line end, as papaparse guesses them from the file's first chunk. */
function headOf(buf: Buffer, encoding: TextEncoding): { rows: RawRow[]; delimiter: string; newline: string } | null {
  let end = Math.min(buf.length, HEAD_BYTES);
  if (end < buf.length) end = encoding === 'gb18030' ? buf.lastIndexOf(0x0a, end - 1) + 1 : end - incompleteTail(buf.subarray(0, end));
  if (end <= 0) return null;
  const text = decodeRange(buf, 0, end, encoding);
  const res = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'], preview: HEADER_SCAN_ROWS + 1 });
  if (res.data.length <= HEADER_SCAN_ROWS && end < buf.length) return null; // rows longer than the head: not worth guessing
  return { rows: res.data.slice(0, HEADER_SCAN_ROWS), delimiter: res.meta.delimiter, newline: res.meta.linebreak };
}

type WorkerMessage = { kind: 'entities'; entities: EntityColumns } | { kind: 'done'; range: WorkerRange } | { kind: 'fallback'; reason: string };

/** Starts the worker on its range; its entities arrive piece by piece (onEntities), the rest at the end. */
function runWorker(setup: RangeSetup, buf: Buffer, onEntities: (c: EntityColumns) => void): { result: Promise<WorkerRange | string>; stop: () => void } {
  const worker = new Worker(WORKER, { workerData: { setup, bytes: buf.buffer, lang: getLang() } });
  const result = new Promise<WorkerRange | string>((resolve) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'entities') onEntities(m.entities);
      else resolve(m.kind === 'done' ? m.range : m.reason);
    });
    worker.once('error', (e) => resolve(`worker error: ${e.message}`));
    worker.once('exit', (code) => resolve(`worker exited (${code})`));
  });
  return { result, stop: () => void worker.terminate() };
}

/** Lets queued messages (the worker's pieces) in between two pieces of the main thread's own range. */
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Reads a CSV registry with two threads, or returns null (read it sequentially). */
export async function readRegistryParallel(file: string, opts: ParallelOptions): Promise<ParallelRead | null> {
  if (process.env.SSJ_PARALLEL === '0' || !workerAvailable()) return null;
  const t0 = performance.now();
  const lap = (what: string) => trace(`${what} ${Math.round(performance.now() - t0)} ms`);
  const buf = readShared(file);
  lap('read');
  if (!buf || !looksLikeText(buf, file)) return null;
  const bom = detectEncoding(buf.subarray(0, 3));
  if (bom === 'utf16le' || bom === 'utf16be') return null;
  const encoding: TextEncoding = bom === 'utf8-bom' ? bom : isUtf8(buf) ? 'utf8' : 'gb18030';
  lap('encoding');
  const head = headOf(buf, encoding);
  if (!head) return trace('no head'), null;
  if (encoding === 'gb18030' && head.delimiter === '|') return null; // `|` can be the second byte of a GB18030 character
  let found;
  try {
    found = resolveHeader(file, [{ sheet: null, rows: head.rows }], opts.role ? { role: opts.role } : {});
  } catch {
    return trace('header not found'), null;
  }
  const { match } = found;
  const role = opts.role ?? match.schema.role;
  if (!ENTITY_ROLES.includes(role)) return null;
  const setup: RangeSetup = {
    file, encoding, delimiter: head.delimiter, newline: head.newline, pieceBytes: env('SSJ_PARALLEL_PIECE_BYTES', PIECE_BYTES),
    start: 0, firstRow: 1, header: head.rows[match.index] as RawRow,
    match: { role: match.schema.role, index: match.index, fields: [...match.fields], matched: match.matched, signatureHits: match.signatureHits, signatureComplete: match.signatureComplete },
    role, sha256: '', preamble: preambleOf(head.rows.slice(0, match.index)), today: opts.today, keep: opts.keep, maxIssues: opts.maxIssues,
  };
  const scan = scanRecords(buf, 0, Math.max(1, Math.floor(buf.length * MAIN_SHARE)), dialectOf(setup), setup.pieceBytes);
  if (scan.open) return trace('open quote'), null;
  const toEof = scan.end >= buf.length;
  lap('scan');
  const theirEntities: Entity[] = [];
  const worker = toEof ? null : runWorker({ ...setup, start: scan.end, firstRow: scan.separators + 1 }, buf, (c) => fromColumns(c, file, theirEntities));
  // The file's hash while the worker starts (its copy of the table does not need it).
  setup.sha256 = sha256Hex(buf);
  lap('sha');
  try {
    const scale = buf.length / Math.max(1, scan.end);
    const mine = await readRange(buf, scan, scan.end, toEof, setup, (done) => {
      opts.onProgress?.(Math.round(done * scale), buf.length);
      return worker ? yieldToMessages() : undefined;
    });
    lap('main range');
    const theirs = worker ? await worker.result : null;
    lap('worker joined');
    if (typeof theirs === 'string') return trace(`fallback: ${theirs}`), null;
    trace(`used: ${mine.records} + ${theirs?.records ?? 0} records`);
    const joined = join(mine, theirs, theirEntities, opts);
    lap('join');
    return joined;
  } catch (err) {
    worker?.stop();
    if (err instanceof Fallback || (err instanceof Error && err.name === 'InputError')) return trace(`fallback: ${err.message}`), null;
    throw err;
  }
}

function join(mine: RangeRead, theirs: WorkerRange | null, theirEntities: Entity[], opts: ParallelOptions): ParallelRead {
  const { table, acc, omitted } = mine;
  const mineDups = joinKeys(mine.keys.data(), opts.keys, table);
  acc.issues = mergeByRow(acc.issues, mineDups);
  let rows = mine.count;
  if (theirs) {
    const dups = joinKeys(theirs.keys, opts.keys, table);
    for (const i of theirs.sinkIssues) table.issues.push(i);
    for (const i of mergeByRow(theirs.issues, dups)) acc.issues.push(i);
    omitted.errors += theirs.omitted.errors;
    omitted.warnings += theirs.omitted.warnings;
    omitted.infos += theirs.omitted.infos;
    for (const e of theirEntities) acc.entities.push(e);
    rows += theirs.count;
  }
  return { table, rows, acc, omitted };
}
