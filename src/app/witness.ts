/**
 * The witness sheet (现场抽取记录, HTML + xlsx) of a draw or substitution: built
 * from the chained record, or started early with a stand-in for the record hash.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { maskedAmendment, maskedRecord } from '../core/mask.js';
import type { PrintDoc } from '../core/print-doc.js';
import type { DrawRecord, LedgerRecord } from '../core/types.js';
import { isAmendment, isReplacement, safeId, type Companion } from '../io/records.js';
import { Worker } from 'node:worker_threads';
import { printDocXlsx, replaceToken, type PendingHash } from '../io/witness-xlsx.js';
import type { Workspace } from '../io/workspace.js';
import { amendmentWitness, docHtmlBytes, drawWitness, replacementWitness } from '../render/witness.js';

export const witnessPaths = (ws: Workspace, id: string) => ({
  html: path.join(ws.draws, `${safeId(id)}-witness.html`),
  xlsx: path.join(ws.draws, `${id}-witness.xlsx`),
});

/** Sheets with more table rows than this are built on a worker thread (a national draw's has 150,000). */
const ASIDE_ROWS = 20_000;

const WORKER = new URL('./witness-worker.js', import.meta.url);

/**
 * The workbook and the HTML page: the workbook on a worker thread for a long sheet (a million-row draw's is
 * 1.5 s of CPU, while this thread hashes the record and makes this page — a second worker for the page took
 * more CPU and 120 MB more memory for no shorter wait), else here, zipped on the thread pool while the page is
 * made. The same bytes either way (a test).
 */
async function docFiles(doc: PrintDoc, paths: { html: string; xlsx: string }, lang: string, sheet: string, pending?: PendingHash): Promise<Companion[]> {
  const xlsx = doc.tables.reduce((n, tb) => n + tb.rows.length, 0) > ASIDE_ROWS ? witnessAside(doc, sheet, pending) : printDocXlsx(doc, sheet, pending);
  xlsx.catch(() => undefined); // awaited below; a failure while the HTML is built must not go unhandled
  // With a hash to come, the page is made once it is known (none is made for a draw that fails before).
  if (pending) await pending.hash;
  const html = docHtmlBytes(doc, lang);
  if (pending) replaceToken(html, pending.token, await pending.hash);
  return [
    { path: paths.html, data: html },
    { path: paths.xlsx, data: await xlsx },
  ];
}

/**
 * The workbook's bytes, built on a worker thread (app/witness-worker.ts). With `pending` the worker gets the
 * hash in a message when it is known. Rejects when the worker fails or no hash comes.
 */
export function witnessAside(doc: PrintDoc, sheetName: string, pending?: PendingHash): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // execArgv: [] — node's own flags (say `--input-type`, `--cpu-prof`) are not for this thread.
    const worker = new Worker(WORKER, { workerData: { doc, sheetName, token: pending?.token ?? null }, execArgv: [] });
    if (pending) {
      Promise.resolve(pending.hash).then(
        (hash) => worker.postMessage({ hash }),
        (err: unknown) => {
          reject(err instanceof Error ? err : new Error(String(err)));
          void worker.terminate();
        },
      );
    }
    worker.once('message', (bytes: Uint8Array) => {
      resolve(bytes);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`witness sheet worker exited with code ${code}`))); // no-op once resolved
  });
}

/** The witness sheet files (HTML + xlsx) of a record, built from the chained record. */
export async function witnessFiles(ws: Workspace, record: LedgerRecord, draw: DrawRecord | null, lang: string, ledgerHead?: string | null): Promise<Companion[]> {
  // 参保人 by masked key only (ssj-draw/2, D2-9): the witness sheet leaves the workspace.
  const doc = isAmendment(record)
    ? (({ amendment, draw: d }) => amendmentWitness(amendment, d, ledgerHead))(maskedAmendment(record, draw as DrawRecord))
    : isReplacement(record)
      ? replacementWitness(record, draw as DrawRecord, ledgerHead) // a 参保人 is never replaced (refused): nothing to mask
      : drawWitness(maskedRecord(record), ledgerHead);
  return docFiles(doc, witnessPaths(ws, record.drawId), lang, record.drawId);
}

export interface EarlyWitness {
  /** The files for the record as hashed (built afresh if it is not the record they were started from). */
  finish(record: DrawRecord): Promise<Companion[]>;
  /** Stops the work when no record comes (a failed draw). */
  cancel(): void;
}

/**
 * A draw's witness sheet started before its record is hashed: a million-row
 * draw's sheet lists some 150,000 rows, and the workbook takes longer to
 * build than the hash. The document is made with a random stand-in for the
 * record hash (64 hex characters, like the hash), replaced once the record is
 * hashed; the record must be `fields` as given, chained where they say.
 */
export function witnessEarly(ws: Workspace, fields: Omit<DrawRecord, 'recordHash'>, lang: string, ledgerHead?: string | null): EarlyWitness {
  const token = randomBytes(32).toString('hex');
  let settle: (hash: string) => void = () => undefined;
  let fail: (err: Error) => void = () => undefined;
  const hash = new Promise<string>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  hash.catch(() => undefined);
  const files = docFiles(drawWitness(maskedRecord({ ...fields, recordHash: token }), ledgerHead), witnessPaths(ws, fields.drawId), lang, fields.drawId, { token, hash });
  files.catch(() => undefined);
  return {
    finish(record) {
      if (record.drawId !== fields.drawId || record.prevRecordHash !== fields.prevRecordHash) {
        fail(new Error('witness sheet started for another record'));
        return witnessFiles(ws, record, null, lang, ledgerHead);
      }
      settle(record.recordHash);
      return files;
    },
    cancel: () => fail(new Error('no record')),
  };
}
