/**
 * Publications recorded by `ssj publish` in reports/publications.jsonl, so
 * the monthly form counts them (抽查结果公示数量 / 公示网站). The file only
 * grows: each run appends one line, under the workspace lock, by an atomic
 * rewrite (never a half-written line). Counting de-duplicates inspections,
 * so publishing the same ones twice does not count them twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, IoError } from '../errors.js';
import type { PublicationRecord } from '../core/report.js';
import { writeFileAtomic } from './atomic.js';
import { withLock, type Workspace } from './workspace.js';

export const publicationsPath = (ws: Workspace) => path.join(ws.reports, 'publications.jsonl');

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return '';
    throw new IoError('error.readFailed', { file, reason: String(code ?? err) });
  }
}

function isRecord(v: unknown): v is PublicationRecord {
  const r = v as PublicationRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.format === 'ssj-publication/1' &&
    typeof r.date === 'string' &&
    typeof r.site === 'string' &&
    Array.isArray(r.inspections) &&
    r.inspections.every((i) => typeof i?.drawId === 'string' && typeof i?.entity === 'string')
  );
}

/** Every recorded publication, in order; a missing file is none. A damaged line is an error naming it. */
export function loadPublications(ws: Workspace): PublicationRecord[] {
  const file = publicationsPath(ws);
  const out: PublicationRecord[] = [];
  readText(file)
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = null;
      }
      if (!isRecord(value)) throw new InputError('report.badPublicationLine', { file, line: i + 1 });
      out.push(value);
    });
  return out;
}

export interface PublicationInputRecord {
  date: string;
  site: string;
  count: number;
  drawIds: string[];
  inspections: { drawId: string; entity: string }[];
  file: string;
  recordedAt: string;
}

/** Appends one publication to reports/publications.jsonl (atomic, under the workspace lock). */
export async function recordPublication(ws: Workspace, p: PublicationInputRecord, writeOutput: () => void): Promise<PublicationRecord> {
  const record: PublicationRecord = { format: 'ssj-publication/1', ...p };
  await withLock(ws, () => {
    const file = publicationsPath(ws);
    loadPublications(ws); // refuse to append to a damaged file
    // The CSV is written only once the log is known to be whole and the lock held: a refusal leaves both as they were.
    writeOutput();
    const before = readText(file);
    const sep = before === '' || before.endsWith('\n') ? '' : '\n';
    writeFileAtomic(file, `${before}${sep}${JSON.stringify(record)}\n`);
  });
  return record;
}
