/**
 * Reading draw records and the ledger. Writing (append under the lock) is
 * added by the draw commands; readers here never modify anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, IoError } from '../errors.js';
import type { AmendmentRecord, DrawRecord, LedgerLine, LedgerRecord, Team } from '../core/types.js';
import type { Workspace } from './workspace.js';

export const recordPath = (ws: Workspace, id: string) => path.join(ws.draws, `${id}.json`);

export const isAmendment = (r: LedgerRecord): r is AmendmentRecord => 'amends' in r && typeof (r as AmendmentRecord).amends === 'string';

/** Reads and parses one record file; a missing or unparseable file is an error naming it. */
export function readRecordFile(file: string): LedgerRecord {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new IoError('error.fileNotFound', { file });
    if (code === 'EISDIR') throw new IoError('error.isDirectory', { file });
    throw new IoError('error.readFailed', { file, reason: String(code ?? err) });
  }
  try {
    const value = JSON.parse(text) as LedgerRecord;
    if (!value || typeof value !== 'object' || value.format !== 'ssj-draw-record/1') throw new Error('format');
    return value;
  } catch {
    throw new InputError('records.badRecord', { file });
  }
}

export function readRecord(ws: Workspace, id: string): LedgerRecord {
  const file = recordPath(ws, id);
  if (!fs.existsSync(file)) throw new InputError('records.unknownDraw', { id, dir: ws.draws });
  return readRecordFile(file);
}

/** A draw (not an amendment) by id. */
export function readDraw(ws: Workspace, id: string): DrawRecord {
  const r = readRecord(ws, id);
  if (isAmendment(r)) throw new InputError('records.isAmendment', { id, amends: r.amends });
  return r;
}

/** The ledger's lines in order; a missing ledger is an empty one. */
export function readLedger(ws: Workspace): LedgerLine[] {
  let text: string;
  try {
    text = fs.readFileSync(ws.ledger, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new IoError('error.readFailed', { file: ws.ledger, reason: String((err as NodeJS.ErrnoException).code) });
  }
  const lines: LedgerLine[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      lines.push(JSON.parse(line) as LedgerLine);
    } catch {
      throw new InputError('records.badLedgerLine', { file: ws.ledger, line: i + 1 });
    }
  });
  return lines;
}

/** Every record listed in the ledger, in ledger order. */
export function listRecords(ws: Workspace): LedgerRecord[] {
  return readLedger(ws).map((l) => readRecord(ws, l.drawId));
}

export function listDraws(ws: Workspace): DrawRecord[] {
  return listRecords(ws).filter((r): r is DrawRecord => !isAmendment(r));
}

/** The amendments of one draw, in ledger order. */
export function amendmentsOf(records: LedgerRecord[], drawId: string): AmendmentRecord[] {
  return records.filter((r): r is AmendmentRecord => isAmendment(r) && r.amends === drawId);
}

/** The team now in force for an entity: the last amendment's, else the draw's. */
export function effectiveTeam(draw: DrawRecord, amendments: AmendmentRecord[], entity: string): Team | undefined {
  const last = [...amendments].reverse().find((a) => a.substitution.entity === entity);
  return last ? last.team : draw.teams.find((t) => t.entity === entity);
}
