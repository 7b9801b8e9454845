/**
 * The results publications, so the monthly form counts them (抽查结果公示数量 /
 * 公示网站): the ledger's `publication` events (what "results"), after the
 * lines of reports/publications.jsonl that earlier versions of ssj wrote
 * (still read, no longer written). Counting de-duplicates inspections, so
 * publishing the same ones twice does not count them twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, IoError } from '../errors.js';
import type { PublicationRecord } from '../core/report.js';
import { isV2, type LedgerEvent } from '../core/events.js';
import { readLedgerLines } from './ledger-file.js';
import type { Workspace } from './workspace.js';

const publicationsPath = (ws: Workspace) => path.join(ws.reports, 'publications.jsonl');

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

/** Every recorded publication, in order: the legacy log (a damaged line is an error naming it), then the ledger's. */
export function loadPublications(ws: Workspace): PublicationRecord[] {
  return [...legacyPublications(ws), ...readLedgerLines(ws).flatMap((l) => (isV2(l) && l.kind === 'publication' && l.what === 'results' && l.interrupted !== true ? [fromEvent(l)] : []))];
}

function fromEvent(e: LedgerEvent): PublicationRecord {
  const inspections = Array.isArray(e.inspections) ? (e.inspections as { drawId: string; entity: string }[]) : [];
  return {
    format: 'ssj-publication/1',
    date: e.date,
    site: typeof e.site === 'string' ? e.site : '',
    count: typeof e.count === 'number' ? e.count : inspections.length,
    drawIds: [...new Set(inspections.map((i) => i.drawId))],
    inspections,
    file: e.files?.[0]?.path ?? '',
    recordedAt: e.at,
  };
}

function legacyPublications(ws: Workspace): PublicationRecord[] {
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

