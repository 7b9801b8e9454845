/**
 * The parallel reader for large CSV registries (issue #8: a million rows in
 * seconds on two cores). The main thread finds the header as the sequential
 * reader does and a record end near the middle of the file; two worker
 * threads then read one half each, piece by piece from the file, while the
 * main thread hashes the file, keeps the columns they send (one view per entity),
 * and at the end joins duplicate keys across the halves and merges the two
 * key-sorted halves. The result is the sequential reader's: the same rows,
 * issues (in the same order), entities and hashes — tests compare the two on
 * the same files.
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
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import { emptyAccumulator, ENTITY_ROLES, mergeByKey, type KeyIndex, type RegistryAccumulator } from '../core/registry.js';
import type { Entity, Role, Table } from '../core/types.js';
import { getLang } from '../i18n/index.js';
import { detectEncoding, incompleteTail, scanTextFile, type TextEncoding } from './read/encoding.js';
import { decodeRange } from './read/csv-pieces.js';
import { HEADER_SCAN_ROWS, type RawRow } from './read/header.js';
import { scanRecords, type Dialect, type Scan } from './read/ranges.js';
import { preambleOf, RowSink } from './read/sink.js';
import { fromColumns, joinDict, joinKeys, mergeByRow, dialectOf, type EntityColumns, type Omitted, type RangeSetup, type WorkerRange } from './registry-range.js';
import { isCsvText, resolveHeader } from './table.js';
import { knobs } from '../knobs.js';
import { sizeFor } from './registry-parallel-size.js';


/** Text parsed at a time: bounds the memory of decoded text and parsed rows. */
const PIECE_BYTES = 2 * 1024 * 1024;
/** Where the bytes are split between the two workers, and how far past it a record end is looked for. */
const SPLIT = 0.5;
const SPLIT_MARGIN = 4 * 1024 * 1024;
const HEAD_BYTES = 1024 * 1024;

const trace = (msg: string): void => {
  if (knobs().debugParallel) process.stderr.write(`ssj parallel: ${msg}\n`);
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

/** The file's first `n` bytes (fewer at its end). */
/**
 * The split scan over the file's first `limit` bytes read in pieces into one reused buffer, each piece scanned
 * from a record start (a record cut by a piece's end is scanned again from its start in the next): the same result
 * as one scan of the whole prefix (a test keeps them equal), without holding 92 MB of a 185 MB file — first-touched
 * memory is slow. Null when a record is longer than a piece: the caller scans the whole prefix.
 */
export function scanPrefix(file: string, limit: number, stopAt: number, d: Dialect, pieceBytes = 4 << 20): Scan | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(Math.min(pieceBytes, Math.max(1, limit)));
    let pos = 0;
    let separators = 0;
    for (;;) {
      const want = Math.min(buf.length, limit - pos);
      let n = 0;
      while (n < want) {
        const got = fs.readSync(fd, buf, n, want - n, pos + n);
        if (got === 0) break;
        n += got;
      }
      const r = scanRecords(buf.subarray(0, n), 0, Math.max(0, stopAt - pos), d, Infinity);
      const last = n < want || pos + n >= limit; // the prefix (or the file) ends in this piece
      const stopped = r.end < n || (r.last === r.end && pos + r.end >= stopAt);
      if (stopped || last) return { starts: [0], before: [0], end: pos + r.end, separators: separators + r.separators, last: pos + r.last, open: r.open };
      if (r.last === 0) return null;
      separators += r.separators;
      pos += r.last;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readPrefix(file: string, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const got = fs.readSync(fd, buf, off, n - off, off);
      if (got === 0) break;
      off += got;
    }
    return buf.subarray(0, off);
  } finally {
    fs.closeSync(fd);
  }
}

/** The first rows, the delimiter and the line end, as papaparse guesses them from the file's first chunk (`whole`: the head is the whole file). */
function headOf(buf: Buffer, encoding: TextEncoding, whole: boolean): { rows: RawRow[]; delimiter: string; newline: string } | null {
  let end = buf.length;
  if (!whole) end = encoding === 'gb18030' ? buf.lastIndexOf(0x0a, end - 1) + 1 : end - incompleteTail(buf);
  if (end <= 0) return null;
  const text = decodeRange(buf, 0, end, encoding);
  const res = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'], preview: HEADER_SCAN_ROWS + 1 });
  if (res.data.length <= HEADER_SCAN_ROWS && !whole) return null; // rows longer than the head: not worth guessing
  return { rows: res.data.slice(0, HEADER_SCAN_ROWS), delimiter: res.meta.delimiter, newline: res.meta.linebreak };
}

type WorkerMessage =
  | { kind: 'entities'; entities: EntityColumns }
  | { kind: 'progress'; done: number }
  | { kind: 'done'; range: WorkerRange }
  | { kind: 'fallback'; reason: string };

interface RunningRange {
  result: Promise<WorkerRange | string>;
  entities: Entity[];
  stop: () => void;
}

/** Starts a worker on one range; its entities arrive piece by piece and become views over their columns here meanwhile. */
function runWorker(setup: RangeSetup, onProgress: (done: number) => void): RunningRange {
  const worker = new Worker(WORKER, { workerData: { setup, lang: getLang(), debug: knobs().debugParallel } });
  const entities: Entity[] = [];
  const tags = new Map<string, string[]>();
  const dict: string[] = [];
  let broken: string | null = null;
  const result = new Promise<WorkerRange | string>((resolve) => {
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'entities') {
        try {
          fromColumns(joinDict(m.entities, dict), entities, tags);
        } catch (err) {
          broken ??= (err as Error).message;
        }
      }
      else if (m.kind === 'progress') onProgress(m.done);
      else resolve(broken ?? (m.kind === 'done' ? m.range : m.reason));
    });
    worker.once('error', (e) => resolve(`worker error: ${e.message}`));
    worker.once('exit', (code) => resolve(`worker exited (${code})`));
  });
  return { result, entities, stop: () => void worker.terminate() };
}

/**
 * Reads a CSV registry with two worker threads (one per half), or returns
 * null (read it sequentially). The main thread only joins: its heap holds the
 * entities, not the text they were parsed from.
 */
export async function readRegistryParallel(file: string, opts: ParallelOptions): Promise<ParallelRead | null> {
  // One core: two workers would only take turns; the streaming reader is as fast and lighter.
  if (!knobs().parallel || availableParallelism() < 2 || !workerAvailable()) return null;
  const t0 = performance.now();
  const lap = (what: string) => trace(`${what} ${Math.round(performance.now() - t0)} ms`);
  const size = sizeFor(file);
  if (size === null) return null;
  const first = readPrefix(file, Math.min(size, HEAD_BYTES));
  if (!isCsvText(first, file)) return null;
  const bom = detectEncoding(first.subarray(0, 3));
  if (bom === 'utf16le' || bom === 'utf16be') return null;
  // A head that is not UTF-8 makes the file GB18030; otherwise the workers check every piece, and the
  // whole-file scan below must agree.
  const encoding: TextEncoding = bom === 'utf8-bom' ? bom : isUtf8(first.subarray(0, first.length - incompleteTail(first))) ? 'utf8' : 'gb18030';
  const head = headOf(first, encoding, first.length === size);
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
  const header = head.rows[match.index] as RawRow;
  const preamble = preambleOf(head.rows.slice(0, match.index));
  const setup: RangeSetup = {
    file, encoding, delimiter: head.delimiter, newline: head.newline, pieceBytes: knobs().parallelPieceBytes ?? PIECE_BYTES,
    start: 0, end: null, firstRow: 1, expectedRows: 0, header,
    match: { role: match.schema.role, index: match.index, fields: [...match.fields], matched: match.matched, signatureHits: match.signatureHits, signatureComplete: match.signatureComplete },
    role, preamble, today: opts.today, keep: opts.keep, maxIssues: opts.maxIssues,
  };
  // The split: the first half read once, to find a record end near the middle and count the records before it.
  const mid = Math.max(1, Math.floor(size * SPLIT));
  const limit = Math.min(size, mid + SPLIT_MARGIN);
  const split = scanPrefix(file, limit, mid, dialectOf(setup)) ?? scanRecords(readPrefix(file, limit), 0, mid, dialectOf(setup), Infinity);
  if (split.open) return trace('open quote'), null;
  lap('split');
  // A record end at or past the middle (not merely the end of what was read), and not the file's end.
  const halves = split.last === split.end && split.end >= mid && split.end < size;
  const rowsGuess = Math.round((split.separators * size) / Math.max(1, split.end));
  const ranges = halves
    ? [{ ...setup, end: split.end, expectedRows: split.separators }, { ...setup, start: split.end, firstRow: split.separators + 1, expectedRows: rowsGuess - split.separators }]
    : [{ ...setup, expectedRows: rowsGuess }];
  const done = ranges.map(() => 0);
  const running = ranges.map((r, i) =>
    runWorker(r, (bytes) => {
      done[i] = bytes - r.start;
      opts.onProgress?.(done.reduce((x, y) => x + y, 0), size);
    }),
  );
  const stop = () => running.forEach((r) => r.stop());
  // The file's hash and encoding as the sequential reader finds them, while the workers read.
  const scanned = await scanTextFile(file).catch(() => null);
  if (!scanned || scanned.encoding !== encoding || scanned.mixed) {
    stop();
    return trace(`fallback: encoding ${scanned?.encoding ?? "?"}${scanned?.mixed ? " (mixed)" : ""}, not ${encoding}`), null;
  }
  const table = new RowSink(file, null, role, match, header, match.index + 1, scanned.sha256, null, preamble).table;
  lap('sha');
  const results = await Promise.all(running.map((r) => r.result));
  lap('workers done');
  const failed = results.find((r): r is string => typeof r === 'string');
  if (failed !== undefined) {
    stop();
    return trace(`fallback: ${failed}`), null;
  }
  const joined = join(table, results as WorkerRange[], running.map((r) => r.entities), opts);
  trace(`used: ${(results as WorkerRange[]).map((r) => r.records).join(' + ')} records`);
  lap('join');
  return joined;
}

/** The ranges in file order: reader issues, row issues with their duplicate keys, entities. */
function join(table: Table, ranges: WorkerRange[], entities: Entity[][], opts: ParallelOptions): ParallelRead {
  const acc = emptyAccumulator();
  const omitted: Omitted = { errors: 0, warnings: 0, infos: 0 };
  let rows = 0;
  ranges.forEach((r, i) => {
    for (const issue of r.sinkIssues) table.issues.push(issue);
    for (const issue of mergeByRow(r.issues, joinKeys(r.keys, opts.keys, table))) acc.issues.push(issue);
    omitted.errors += r.omitted.errors;
    omitted.warnings += r.omitted.warnings;
    omitted.infos += r.omitted.infos;
    const sorted = Array.from(r.order, (k) => (entities[i] as Entity[])[k] as Entity);
    acc.entities = i === 0 ? sorted : mergeByKey(acc.entities, sorted);
    rows += r.count;
  });
  return { table, rows, acc, omitted };
}
