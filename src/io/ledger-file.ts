/**
 * The ledger file (ledger.jsonl) and its companion `.ssj-pending.json`:
 * reading every line, appending lines (the file rewritten atomically), the
 * SHA-256 of a workspace file. No decisions here: src/app/ledger.ts decides
 * what is appended and when.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, IoError } from '../errors.js';
import { ledgerLineProblem } from '../core/record-shape.js';
import type { AnyLine } from '../core/events.js';
import { writeFileAtomic } from './atomic.js';
import { sha256OfFile, type KnownDigests } from './file-hash.js';
import { ioError } from './errno.js';
import type { Workspace } from './workspace.js';

/** Every line of the ledger (v1 and v2), in order; a missing ledger is an empty one. */
export function readLedgerLines(ws: Workspace): AnyLine[] {
  let text: string;
  try {
    text = fs.readFileSync(ws.ledger, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new IoError('error.readFailed', { file: ws.ledger, reason: String((err as NodeJS.ErrnoException).code) });
  }
  const lines: AnyLine[] = [];
  text.replace(/^\ufeff/, '').split('\n').forEach((line, i) => { // a BOM (older Notepad) is accepted
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError('records.badLedgerLine', { file: ws.ledger, line: i + 1 });
    }
    const what = ledgerLineProblem(value);
    if (what !== null) throw new InputError('guard.badLedgerShape', { file: ws.ledger, line: i + 1, what });
    lines.push(value as AnyLine);
  });
  return lines;
}

/** Appends `text` (whole lines) to the ledger: the file is rewritten atomically (temp, fsync, rename). */
export function appendLedgerText(ws: Workspace, text: string): void {
  let before = '';
  try {
    before = fs.readFileSync(ws.ledger, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(err, ws.ledger, 'read');
  }
  if (before !== '' && !before.endsWith('\n')) before += '\n';
  writeFileAtomic(ws.ledger, before + text);
}

/** Workspace-relative POSIX path of a file inside the workspace. */
export function relPath(ws: Workspace, file: string): string {
  return path.relative(ws.root, path.resolve(ws.root, file)).split(path.sep).join('/');
}

/**
 * SHA-256 of a workspace file's bytes (path relative to the workspace), null when it is missing or not a file;
 * read in pieces (a listed snapshot is 129 MB), or taken from `known` when this command hashed the same file.
 */
export function workspaceFileSha256(ws: Workspace, rel: string, known?: KnownDigests): string | null {
  return sha256OfFile(path.join(ws.root, ...rel.split('/')), known);
}

/** What an appending command is about to write, kept until its event is in the ledger (a kill leaves it). */
export interface Pending {
  kind: string;
  drawId?: string;
  recordHash?: string;
  files: string[];
  /** The event's own members (not for records), to record it if the command was stopped mid-way. */
  payload?: Record<string, unknown>;
}

const pendingPath = (ws: Workspace) => path.join(ws.root, '.ssj-pending.json');

export function readPending(ws: Workspace): Pending | null {
  try {
    const value = JSON.parse(fs.readFileSync(pendingPath(ws), 'utf8')) as Pending;
    return value && typeof value === 'object' && Array.isArray(value.files) ? value : null;
  } catch {
    return null;
  }
}

export function writePending(ws: Workspace, pending: Pending): void {
  writeFileAtomic(pendingPath(ws), JSON.stringify(pending));
}

export function clearPending(ws: Workspace): void {
  fs.rmSync(pendingPath(ws), { force: true });
}

/** SHA-256 of any file's bytes (a source outside the workspace), null when it cannot be read. */
export function fileSha256(file: string): string | null {
  return sha256OfFile(file);
}
