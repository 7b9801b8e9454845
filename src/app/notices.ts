/**
 * 检查通知书 for every selected entity and the draw's 行政检查审批表:
 * notices/<drawId>/<NN>-<name>.html, all.html (to print them all) and
 * 审批表.html. Written by `ssj draw` after the record sheets and by
 * `ssj notices --draw ID` (again after a substitution changed a team). The
 * teams are those in force; 本年度第 N 次 counts the year's draws in the ledger
 * up to this one.
 */
import path from 'node:path';
import { approvalFormModel, noticeModels, type NoticeModel } from '../core/notice.js';
import { fileStem, safeFileName } from '../core/record-sheet.js';
import type { AmendmentRecord, DrawRecord } from '../core/types.js';
import { syncFolders, writeDocuments, type DocFile } from '../io/documents.js';
import { amendmentsOf, isAmendment, listRecords } from '../io/records.js';
import type { Workspace } from '../io/workspace.js';
import { approvalFormHtml, noticeHtml, noticesHtml } from '../render/notice-html.js';
import { fileRefs, listDocuments, type AfterEvent } from './after-events.js';

export const noticesDir = (ws: Workspace, drawId: string) => path.join(ws.root, 'notices', safeFileName(drawId));

/** `<NN>-<name>.html`, NN the draw order as the record sheets' names. */
export function noticeFileName(n: NoticeModel, total: number): string {
  const width = Math.max(2, String(total).length);
  return `${String(n.entity.order).padStart(width, '0')}-${safeFileName(fileStem(n.entity))}.html`;
}

export interface NoticesWritten {
  dir: string;
  notices: NoticeModel[];
  files: string[];
  all: string;
  approval: string;
  event: AfterEvent;
  /** The ledger head after the `documents` event (null when not recorded). */
  head: string | null;
}

/** The draws of the record's year before it in the ledger, and its amendments, from the workspace. */
export function noticeContext(ws: Workspace, draw: DrawRecord): { earlier: DrawRecord[]; amendments: AmendmentRecord[] } {
  const records = listRecords(ws);
  const at = records.findIndex((r) => r.drawId === draw.drawId);
  const earlier = records.slice(0, at < 0 ? records.length : at).filter((r): r is DrawRecord => !isAmendment(r));
  return { earlier, amendments: amendmentsOf(records, draw.drawId) };
}

/**
 * Writes the notices; with `record` (ssj notices) a `documents` event lists them. After a draw they are not
 * listed, as the record sheets are not: both are made again from the record at any time.
 */
export async function writeNotices(ws: Workspace, draw: DrawRecord, opts: { contact?: string; earlier?: DrawRecord[]; amendments?: AmendmentRecord[]; record?: Date } = {}): Promise<NoticesWritten> {
  const ctx = opts.earlier && opts.amendments ? { earlier: opts.earlier, amendments: opts.amendments } : noticeContext(ws, draw);
  const notices = noticeModels({ draw, amendments: ctx.amendments, earlier: ctx.earlier, contact: opts.contact ?? '' });
  const dir = noticesDir(ws, draw.drawId);
  const docs: DocFile[] = notices.map((n) => ({ path: path.join(dir, noticeFileName(n, draw.selected.length)), data: noticeHtml(n) }));
  const all = path.join(dir, 'all.html');
  const approval = path.join(dir, '审批表.html');
  docs.push({ path: all, data: noticesHtml(draw.drawId, notices) }, { path: approval, data: approvalFormHtml(approvalFormModel(draw, ctx.amendments)) });
  await writeDocuments(docs);
  syncFolders([dir]);
  const event: AfterEvent & { drawId: string } = { kind: 'documents', what: 'notices', drawId: draw.drawId, files: fileRefs(ws, docs) };
  const head = opts.record ? await listDocuments(ws, event, docs.map((d) => d.path), opts.record) : null;
  return { dir, notices, files: docs.map((d) => d.path), all, approval, event, head };
}
