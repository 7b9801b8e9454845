/**
 * ssj publish (results, 公示): the publication CSV of a month's or a draw's
 * approved results. Each publication is a new file, publications/公示-<month
 * or draw>-第<n>次.csv, written exclusively (an earlier one is never
 * rewritten) and listed by one `publication` event with its SHA-256, so an
 * edit is caught by `verify --ledger`. The CSV's last line carries the ledger
 * head before its event. A preview (--dry-run) is written elsewhere, marked
 * 预览, and neither logged nor counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isV2, voidedDraws, type AnyLine } from '../core/events.js';
import { publicationRows, type PublicationOutput } from '../core/publish.js';
import type { AmendmentRecord, DrawRecord } from '../core/types.js';
import { InputError } from '../errors.js';
import { t, tf } from '../i18n/index.js';
import { writeFileAtomic } from '../io/atomic.js';
import { readLedgerLines } from '../io/ledger-file.js';
import { drawFromFlag, drawsInForce, isAmendment, listRecords, replacementsOf } from '../io/records.js';
import { loadResultsForReport } from '../io/report-inputs.js';
import type { Workspace } from '../io/workspace.js';
import { encodeCsv, type CsvEncoding } from '../render/csv.js';
import { heldBack } from './approve.js';
import { appendEvent, shortHead } from './ledger.js';

export const publicationsDir = (ws: Workspace) => path.join(ws.root, 'publications');
export const previewsDir = (ws: Workspace) => path.join(ws.root, 'previews');

/** What is published: the draws of a month, or one draw. */
export interface PublishScope {
  draws: DrawRecord[];
  amendments: AmendmentRecord[];
  /** The month (YYYY-MM) or the draw id: in the file name. */
  label: string;
  month?: string;
  drawId?: string;
}

/** The draws in scope: one draw (refused when voided), or every draw in force dated in the month. */
export function publishScope(ws: Workspace, by: { month: string } | { draw: string }): PublishScope {
  const records = listRecords(ws);
  const amendments = records.filter(isAmendment);
  const voided = voidedDraws(readLedgerLines(ws)); // a voided draw (作废) is not published
  if ('draw' in by) {
    const draw = drawFromFlag(ws, by.draw);
    if (voided.has(draw.drawId)) throw new InputError('ledger.void.voided', { id: draw.drawId, what: t('ledger.void.whatPublished') });
    return { draws: drawsInForce([draw, ...replacementsOf(records, draw.drawId)]), amendments, label: draw.drawId, drawId: draw.drawId };
  }
  // Each draw as it stands after its replacements (补抽): the replacement is published, not the replaced.
  const draws = drawsInForce(records, voided).filter((d) => d.drawDate.startsWith(by.month));
  return { draws, amendments, label: by.month, month: by.month };
}

export interface PublishRequest {
  encoding: CsvEncoding;
  site: string;
  today: string;
  now: Date;
  /** A preview: written to `out` (or previews/), not logged, not counted. */
  dryRun: boolean;
  out: string | null;
}

export interface Published extends PublicationOutput {
  file: string;
  /** The sequence of this publication of the same month (or draw); null for a preview. */
  n: number | null;
  preview: boolean;
  head: string | null;
  unapproved: ReturnType<typeof heldBack>['unapproved'];
}

const isResultsPublication = (l: AnyLine, scope: PublishScope): boolean => {
  if (!isV2(l) || l.kind !== 'publication' || l.what !== 'results') return false;
  return scope.drawId !== undefined ? l.drawId === scope.drawId && l.month === undefined : l.month === scope.month;
};

/** The next sequence number for the scope: one more than the publications of it in the ledger. */
export const nextSequence = (lines: AnyLine[], scope: PublishScope): number => lines.filter((l) => isResultsPublication(l, scope)).length + 1;

export const publicationFile = (ws: Workspace, label: string, n: number) => path.join(publicationsDir(ws), `公示-${label}-第${n}次.csv`);

function rowsOf(ws: Workspace, scope: PublishScope, today: string) {
  // Laiyuan 第二十五条: only results approved (ssj approve) are published; the others are named.
  const review = heldBack(ws, scope.draws);
  const results = loadResultsForReport(ws).filter((r) => !review.held.has(`${r.drawId}\u0000${r.entity}`));
  const out = publicationRows({ draws: scope.draws, amendments: scope.amendments, results, today });
  out.skipped = out.skipped.filter((s) => !review.held.has(`${s.drawId}\u0000${s.entity}`));
  if (out.rows.length === 0 && review.unapproved.length > 0) throw new InputError('after.pub.noneApproved', { scope: scope.label, count: review.unapproved.length });
  if (out.rows.length === 0) throw new InputError('report.pub.none', { scope: scope.label });
  return { out, unapproved: review.unapproved };
}

/** The CSV: the rows, a blank line, then one line saying what the file is (the ledger head, or 预览). */
const csvBytes = (out: PublicationOutput, footer: string, encoding: CsvEncoding) => encodeCsv(out.header, [...out.rows, [], [footer]], encoding);

export async function publishResults(ws: Workspace, scope: PublishScope, q: PublishRequest): Promise<Published> {
  const { out, unapproved } = rowsOf(ws, scope, q.today);
  if (q.dryRun) {
    const file = q.out ?? path.join(previewsDir(ws), `预览-公示-${scope.label}.csv`);
    writeFileAtomic(file, csvBytes(out, tf('publish.previewFooter', { date: q.today }), q.encoding));
    return { ...out, file, n: null, preview: true, head: null, unapproved };
  }
  const done = await appendEvent(ws, q.now, (state) => {
    const n = nextSequence(state.lines, scope);
    const file = publicationFile(ws, scope.label, n);
    if (fs.existsSync(file)) throw new InputError('publish.exists', { file, n });
    const footer = tf('publish.footer', { head: shortHead(state.head) || '—', n, date: q.today });
    return {
      value: { file, n },
      event: {
        kind: 'publication',
        ...(scope.drawId !== undefined ? { drawId: scope.drawId } : {}),
        write: [{ path: file, data: csvBytes(out, footer, q.encoding), exclusive: true }],
        payload: {
          what: 'results',
          ...(scope.month !== undefined ? { month: scope.month } : {}),
          n,
          ...(q.site ? { site: q.site } : {}),
          count: out.rows.length,
          inspections: out.inspections,
        },
      },
    };
  });
  return { ...out, file: done.value.file, n: done.value.n, preview: false, head: done.head, unapproved };
}
