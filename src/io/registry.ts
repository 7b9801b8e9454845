/**
 * Loading registries for validate and the draw commands: each file read with
 * its role recognised (or given), every row checked, entities/inspectors/
 * conflicts built, duplicate keys found across all files, and each file's
 * InputRef with its content hash (SPEC draw step 9).
 */
import fs from 'node:fs';
import path from 'node:path';
import { conflictContentRows, contentSha256, insuredContentRows, inspectorContentRows } from '../core/content-hash.js';
import { entityContentSha256Aside } from './content-hash-aside.js';
import { emptyAccumulator, emptyRegistryIssues, ENTITY_ROLES, KeyIndex, REGISTRY_ROLES, registryHandler, sortedByKey, tableIssues, type RegistryAccumulator } from '../core/registry.js';
import { countBySeverity } from '../core/issues.js';
import { issue, nowhere } from '../core/issue-codes.js';
import { knobs } from '../knobs.js';
import { validatorFor } from '../core/validators.js';
import { InputError, IoError, SsjError, UsageError } from '../errors.js';
import type { Conflict, Entity, FileReport, InputRef, Inspector, Issue, Role, Table, TableRow, ValidateReport } from '../core/types.js';
import { sizeFor } from './registry-parallel-size.js';
import { phase } from './timing.js';
import { readTable } from './table.js';

export interface LoadedFile {
  table: Table;
  role: Role;
  input: InputRef;
  issues: Issue[];
}

export interface LoadedRegistries {
  files: LoadedFile[];
  entities: Entity[];
  inspectors: Inspector[];
  conflicts: Conflict[];
  inputs: InputRef[];
  issues: Issue[];
  /**
   * Settles when every input's contentSha256 is filled in: a large entity
   * registry's is computed on a worker thread (content-hash-aside.ts) and
   * is '' until then.
   */
  hashed: Promise<void>;
}

/**
 * Rows per registry file: twice the largest registry benchmarked (bench/RESULTS.md). A 1M-row
 * draw holds ~1.2 GB of heap; far above this, node runs out of heap and dies with a native
 * stack trace instead of a message, so the file is refused as it streams by.
 */
const MAX_ROWS = 2_000_000;
/** The cap in force (SSJ_MAX_REGISTRY_ROWS lowers it for tests). */
const maxRows = (): number => knobs().maxRegistryRows || MAX_ROWS;

/** `earlier`: rows kept from the files read before this one — the cap is for all of them together, and then splitting does not help. */
function countRow(file: string, rows: number, row: TableRow, earlier = 0): void {
  const limit = maxRows();
  if (rows <= limit) return;
  if (earlier > 0) throw new InputError('guard.tooManyRowsTogether', { file, limit, earlier, row: row.row });
  throw new InputError('io.tooManyRows', { file, limit, row: row.row });
}

/** A progress bar per file (TTY only; see render/progress.ts). */
export type FileProgress = (file: string) => { update(done: number, total: number): void; stop(): void };

export interface LoadOptions {
  role?: Role;
  progress?: FileProgress;
  /** YYYY-MM-DD: enables "date in the future" checks (validate passes ctx.today). */
  today?: string;
}

function contentRows(role: Role, acc: RegistryAccumulator): string[][] {
  if (role === 'inspectors') return inspectorContentRows(acc.inspectors);
  if (role === 'conflicts') return conflictContentRows(acc.conflicts);
  if (role === 'insured') return insuredContentRows(acc.entities);
  return [];
}

/** How one registry file is read: its role (if given), the checks' date, the command's key index, whether entities are kept, the issue cap, rows already kept by earlier files. */
interface FileReadOptions {
  role?: Role;
  today: string | null;
  keys: KeyIndex;
  keep: boolean;
  maxIssues: number | null;
  kept: number;
  onProgress?: (done: number, total: number) => void;
}

interface FileRead {
  table: Table;
  /** Non-blank rows read. */
  rows: number;
  acc: RegistryAccumulator;
  omitted: { errors: number; warnings: number; infos: number };
}

/**
 * One registry file read and checked: a large CSV by the parallel reader
 * (registry-parallel.ts), anything else — or whatever that one declines — by
 * the streaming reader. `kept` counts rows across files for the row cap.
 * Entities come in canonical key order (sortedByKey), from either reader.
 */
async function readRegistryFile(
  file: string,
  opts: FileReadOptions,
): Promise<FileRead> {
  const fast = sizeFor(file) === null ? null : await (await import('./registry-parallel.js')).readRegistryParallel(file, opts);
  if (fast && opts.kept + fast.rows <= maxRows()) return fast;
  const read = await readSequential(file, opts);
  read.acc.entities = sortedByKey(read.acc.entities);
  return read;
}

/** The streaming reader's side of readRegistryFile. */
async function readSequential(
  file: string,
  opts: FileReadOptions,
): Promise<FileRead> {
  const acc = emptyAccumulator();
  const omitted = { errors: 0, warnings: 0, infos: 0 };
  let rows = 0;
  let handle: ((row: TableRow) => void) | null = null;
  // Registry rows become entities/inspectors as they stream by; the raw rows are not kept
  // (a million-row CSV would otherwise sit in memory twice). Other roles keep their rows.
  const table = await readTable(file, {
    ...(opts.role ? { role: opts.role } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    onRow: (tb, row) => {
      rows += 1;
      countRow(file, opts.kept + rows, row, opts.kept);
      if (!REGISTRY_ROLES.includes(tb.role)) return true;
      handle ??= registryHandler(tb, { today: opts.today, keys: opts.keys, keep: opts.keep }, acc);
      handle(row);
      if (opts.maxIssues !== null && acc.issues.length > opts.maxIssues) capIssues(acc.issues, omitted);
      return false;
    },
  });
  return { table, rows, acc, omitted };
}

/** The same file named twice (say as --entities and --inspectors) would be read twice and every row reported as its own duplicate: refused first, by name. */
function refuseSameFileTwice(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const file of paths) {
    let id = path.resolve(file);
    try {
      id = fs.realpathSync(file);
    } catch {
      /* a missing file is reported when it is read */
    }
    if (seen.has(id)) throw new UsageError('io.sameFileTwice', { file });
    seen.add(id);
  }
}

/** Reads and checks every file in order; throws on the first file that cannot be read at all. */
export async function loadRegistries(paths: string[], opts: LoadOptions = {}): Promise<LoadedRegistries> {
  refuseSameFileTwice(paths);
  const keys = new KeyIndex();
  const out: LoadedRegistries = { files: [], entities: [], inspectors: [], conflicts: [], inputs: [], issues: [], hashed: Promise.resolve() };
  const hashing: Promise<void>[] = [];
  let kept = 0; // rows held in memory across all files: the cap applies to their sum
  for (const file of paths) {
    const bar = opts.progress?.(file);
    const read = readRegistryFile(file, {
      ...(opts.role ? { role: opts.role } : {}),
      ...(bar ? { onProgress: (done: number, total: number) => bar.update(done, total) } : {}),
      today: opts.today ?? null,
      keys,
      keep: true,
      maxIssues: null,
      kept,
    });
    const { table, rows, acc } = await read.finally(() => bar?.stop());
    kept += rows;
    const rowIssues = acc.issues.splice(0);
    for (const i of table.issues) acc.issues.push(i);
    if (REGISTRY_ROLES.includes(table.role)) for (const i of [...tableIssues(table), ...emptyRegistryIssues(table, rows)]) acc.issues.push(i);
    for (const i of rowIssues) acc.issues.push(i);
    phase(`${path.basename(file)} read`);
    const hash = ENTITY_ROLES.includes(table.role) ? entityContentSha256Aside(acc.entities) : contentSha256(contentRows(table.role, acc));
    const input: InputRef = { role: table.role, file: path.basename(file), fileSha256: table.fileSha256, contentSha256: typeof hash === 'string' ? hash : '', rows };
    if (typeof hash !== 'string') {
      hashing.push(
        hash.then((h) => {
          input.contentSha256 = h;
          phase(`${input.file} content hash (worker)`);
        }),
      );
    }
    out.files.push({ table, role: table.role, input, issues: acc.issues });
    // Loops, not push(...xs): a million-row registry overflows the call stack with spread arguments.
    for (const e of acc.entities) out.entities.push(e);
    for (const i of acc.inspectors) out.inspectors.push(i);
    for (const c of acc.conflicts) out.conflicts.push(c);
    out.inputs.push(input);
    for (const i of acc.issues) out.issues.push(i);
  }
  out.hashed = Promise.all(hashing).then(() => undefined);
  // Recusal rows can only be checked once every registry is read.
  for (const i of keys.referenceIssues()) {
    out.issues.push(i);
    out.files.find((f) => f.table.file === i.file)?.issues.push(i);
  }
  return out;
}

/** Issues listed per file: a million-row file with a whole column wrong must not exhaust memory. */
export const MAX_ISSUES_PER_FILE = 50_000;

function capIssues(issues: Issue[], omitted: { errors: number; warnings: number; infos: number }): void {
  if (issues.length <= MAX_ISSUES_PER_FILE) return;
  const c = countBySeverity(issues.splice(MAX_ISSUES_PER_FILE));
  omitted.errors += c.errors;
  omitted.warnings += c.warnings;
  omitted.infos += c.infos;
}

const cellOrder = (cell: string | null): number => {
  const m = cell ? /^[A-Z]+/.exec(cell) : null;
  if (!m) return -1;
  let n = 0;
  for (const ch of m[0]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

/** Issues in the order a clerk reads the sheet: header first, then row by row, left to right. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0) || cellOrder(a.issue.cell) - cellOrder(b.issue.cell) || a.i - b.i)
    .map((x) => x.issue);
}

export function unreadable(file: string, err: SsjError): FileReport {
  return { file, role: null, rows: 0, issues: [issue('unreadable-file', nowhere(file), { message: { ref: err.key, params: err.params } })] };
}

/**
 * `ssj validate`: every file checked, one unreadable file does not stop the
 * others, duplicates found across files. Registry rows are checked as they
 * stream by and not kept, so a million-row CSV stays small in memory.
 * `ioFailed` is true when a file could not be opened at all (exit 2).
 */
export async function validateFiles(
  paths: string[],
  opts: { role?: Role; today: string; progress?: FileProgress },
): Promise<{ report: ValidateReport; ioFailed: boolean }> {
  refuseSameFileTwice(paths);
  const keys = new KeyIndex();
  const files: FileReport[] = [];
  let ioFailed = false;
  for (const file of paths) {
    const bar = opts.progress?.(file);
    try {
      const { table, rows, acc, omitted } = await readRegistryFile(file, {
        ...(opts.role ? { role: opts.role } : {}),
        ...(bar ? { onProgress: (done: number, total: number) => bar.update(done, total) } : {}),
        today: opts.today,
        keys,
        keep: false,
        maxIssues: MAX_ISSUES_PER_FILE,
        kept: 0,
      });
      const issues = [...table.issues, ...tableIssues(table), ...emptyRegistryIssues(table, rows), ...acc.issues];
      const validator = REGISTRY_ROLES.includes(table.role) ? undefined : await validatorFor(table.role);
      if (validator) issues.push(...validator(table, { today: opts.today }));
      capIssues(issues, omitted);
      const sorted = sortIssues(issues);
      if (omitted.errors + omitted.warnings + omitted.infos > 0) {
        const where = { file, sheet: table.sheet, row: null, column: null, cell: null, value: null };
        sorted.push(issue('more-issues', where, { shown: MAX_ISSUES_PER_FILE, ...omitted }));
      }
      files.push({ file, role: table.role, rows, issues: sorted, omitted });
    } catch (err) {
      if (!(err instanceof SsjError)) throw err;
      if (err instanceof IoError) ioFailed = true;
      files.push(unreadable(file, err));
    } finally {
      bar?.stop();
    }
  }
  for (const i of keys.referenceIssues()) {
    const f = files.find((x) => x.file === i.file);
    if (f) f.issues = sortIssues([...f.issues, i]);
  }
  const summary = countBySeverity(files.flatMap((f) => f.issues));
  for (const f of files) {
    summary.errors += f.omitted?.errors ?? 0;
    summary.warnings += f.omitted?.warnings ?? 0;
    summary.infos += f.omitted?.infos ?? 0;
  }
  return { report: { files, summary }, ioFailed };
}
