/**
 * 检查通知书 for every selected entity and the draw's 行政检查审批表:
 * notices/<drawId>/<NN>-<name>.html, all.html (to print them all) and
 * 审批表.html. Written by `ssj draw` after the record sheets and by
 * `ssj notices --draw ID` (again after a substitution changed a team), listed
 * by the ledger either way (the draw event, a `documents` event). The
 * teams are those in force; 本年度第 N 次 counts the year's draws in the ledger
 * up to this one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SsjError } from '../errors.js';
import { t } from '../i18n/index.js';
import { approvalFormModel, noticeModels, type NoticeModel } from '../core/notice.js';
import { fileStem, safeFileName } from '../core/record-sheet.js';
import type { AmendmentRecord, DrawRecord } from '../core/types.js';
import type { DocFile } from '../io/documents.js';
import { amendmentsOf, isDraw, listRecords } from '../io/records.js';
import type { Workspace } from '../io/workspace.js';
import { approvalFormHtml, noticeHtml, noticesHtml } from '../render/notice-html.js';
import { appendEvent } from './ledger.js';

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
  /** The ledger head after the `documents` event. */
  head: string;
}

export interface NoticeDocs {
  dir: string;
  notices: NoticeModel[];
  docs: DocFile[];
  all: string;
  approval: string;
}

/** The draws of the record's year before it in the ledger, and its amendments, from the workspace. */
export function noticeContext(ws: Workspace, draw: DrawRecord): { earlier: DrawRecord[]; amendments: AmendmentRecord[] } {
  const records = listRecords(ws);
  const at = records.findIndex((r) => r.drawId === draw.drawId);
  const earlier = records.slice(0, at < 0 ? records.length : at).filter(isDraw);
  return { earlier, amendments: amendmentsOf(records, draw.drawId) };
}

/** The notices, all.html and 审批表.html of a draw as files to write (in the forms' language). */
export function noticeDocs(ws: Workspace, draw: DrawRecord, opts: { contact?: string; earlier?: DrawRecord[]; amendments?: AmendmentRecord[] } = {}): NoticeDocs {
  const ctx = opts.earlier && opts.amendments ? { earlier: opts.earlier, amendments: opts.amendments } : noticeContext(ws, draw);
  const notices = noticeModels({ draw, amendments: ctx.amendments, earlier: ctx.earlier, contact: opts.contact ?? '' });
  const dir = noticesDir(ws, draw.drawId);
  const docs: DocFile[] = notices.map((n) => ({ path: path.join(dir, noticeFileName(n, draw.selected.length)), data: noticeHtml(n) }));
  const all = path.join(dir, 'all.html');
  const approval = path.join(dir, '审批表.html');
  docs.push({ path: all, data: noticesHtml(draw.drawId, notices) }, { path: approval, data: approvalFormHtml(approvalFormModel(draw, ctx.amendments)) });
  return { dir, notices, docs, all, approval };
}

/**
 * `ssj notices`: the notices made again (teams in force, contact line) and written through the ledger's one
 * append as a `documents` event listing them: the ledger is checked before any is replaced, so the last
 * listing of each notice is always what is on disk. (At draw time they are listed by the draw event.)
 */
export async function writeNotices(ws: Workspace, draw: DrawRecord, now: Date, opts: { contact?: string } = {}): Promise<NoticesWritten> {
  const done = await appendEvent(ws, now, () => {
    const made = noticeDocs(ws, draw, opts); // inside the lock: the amendments as they are now
    return { event: { kind: 'documents', drawId: draw.drawId, documents: made.docs, payload: { what: 'notices' } }, value: made };
  });
  const m = done.value;
  return { dir: m.dir, notices: m.notices, files: m.docs.map((d) => d.path), all: m.all, approval: m.approval, head: done.head };
}

/**
 * After a substitution the team on an entity's notice is out of date: the notices are made again and, when any
 * differs from what is on disk, written through one `documents` event (nothing appended when none changed, as
 * when a substitution cut off after its ledger line is run again). Returns the entity notices that changed:
 * reprint them.
 */
export async function refreshNotices(ws: Workspace, draw: DrawRecord, now: Date): Promise<NoticesRefreshed> {
  if (!fs.existsSync(noticesDir(ws, draw.drawId))) return { written: [], changed: [], head: null }; // never written (an old draw): ssj notices makes them
  const done = await appendEvent(ws, now, () => {
    const made = noticeDocs(ws, draw);
    const differs = (d: { path: string; data: string | Uint8Array }) => {
      try {
        return !fs.readFileSync(d.path).equals(Buffer.from(d.data));
      } catch {
        return true;
      }
    };
    const changed = made.docs.filter(differs).map((d) => d.path);
    if (changed.length === 0) return { event: null, value: { written: [] as string[], changed: [] as string[] } };
    const written = made.docs.map((d) => d.path);
    return { event: { kind: 'documents', drawId: draw.drawId, documents: made.docs, payload: { what: 'notices' } }, value: { written, changed: changed.filter((f) => f !== made.all && f !== made.approval) } };
  });
  return { ...done.value, head: done.events.length ? done.head : null };
}

export interface NoticesRefreshed {
  /** Every notice file written (all of them once any changed). */
  written: string[];
  /** The entities' notices that changed: to reprint. */
  changed: string[];
  /** The new ledger head, null when nothing was appended. */
  head: string | null;
}

/**
 * After an amendment (substitution, 补抽) the notices follow the draw in force. The amendment stands whatever
 * happens here: a failure is said through `warn` with the way out (ssj notices) and nothing is returned.
 */
export async function noticesAfterAmendment(ws: Workspace, draw: DrawRecord, now: Date, warn: (text: string) => void): Promise<NoticesRefreshed> {
  try {
    return await refreshNotices(ws, draw, now);
  } catch (err) {
    warn(t('after.notices.failed', { id: draw.drawId, reason: err instanceof SsjError ? t(err.key, err.params) : err instanceof Error ? err.message : String(err) }));
    return { written: [], changed: [], head: null };
  }
}
