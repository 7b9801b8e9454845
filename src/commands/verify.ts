/**
 * ssj verify: a recorded draw re-run and compared (src/app/verify.ts), every
 * difference printed, or 一致; with --ledger, the whole hash chain checked.
 */
import type { Handler } from '../cli.js';
import { expectedFiles, isV2, lineOfHead, recordLines } from '../core/events.js';
import { checkWorkspaceLedger, shortHead } from '../app/ledger.js';
import { againstAnnouncement, verifyDraw, type UsedFile } from '../app/verify.js';
import { recordPlace } from '../app/verify-record.js';
import { verifyPackage } from '../app/verify-archive.js';
import path from 'node:path';
import { readLedgerLines } from '../io/ledger-file.js';
import type { AmendmentRecord, DrawRecord } from '../core/types.js';
import { compareInputs } from '../core/verify.js';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { differenceLines } from '../render/difference-lines.js';
import type { LoadedInputs } from '../io/inputs.js';
import { isDraw, readRecord } from '../io/records.js';
import { openWorkspace, type Workspace } from '../io/workspace.js';
import { roleLabel } from '../render/witness.js';
import { fileProgress } from '../render/progress.js';
import { drawFlag, inputFiles, yes } from './common/flags.js';


/** Amendments drawn with other inspectors or conflicts than the files given are re-run with the files given: say so. */
function noteAmendmentInputs(ctx: Ctx, amendments: AmendmentRecord[], inputs: LoadedInputs): void {
  for (const a of amendments) {
    for (const d of compareInputs(a.inputs, inputs.inputs, new Set(['inspectors', 'conflicts']))) {
      ctx.err(t('drawcmd.verify.amendmentInputs', { id: a.drawId, role: roleLabel(d.field.split('.')[1] ?? '') }));
    }
  }
}

/** Which files the re-run read (short SHA-256) and which substitutions it re-ran. */
function usedLines(files: UsedFile[], amendments: string[]): string[] {
  return [
    t('drawcmd.verify.filesUsed'),
    ...files.map((f) => t('drawcmd.verify.fileUsed', { role: f.role ? roleLabel(f.role) : '—', file: f.path, sha: f.sha256.slice(0, 12) || '—' })),
    amendments.length ? t('drawcmd.verify.amendmentsRerun', { ids: amendments.join('、') }) : t('drawcmd.verify.noAmendments'),
  ];
}

/** --expect-head: at least 16 hex characters. */
function expectedHead(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (!/^[0-9a-f]{16,64}$/.test(v)) throw new UsageError('ledger.verify.badHead', { value });
  return v;
}

function verifyLedger(ctx: Ctx, ws: Workspace, expect: string | null): number {
  const lines = readLedgerLines(ws);
  const check = checkWorkspaceLedger(ws, lines, { parseListed: true });
  const differences = [...check.differences];
  // The announcement each draw was made after, kept beside it: edited since (re-hashed or not) is a difference.
  recordLines(lines).forEach((l) => {
    if (l.amends !== undefined) return;
    let draw: DrawRecord;
    try {
      const r = readRecord(ws, l.drawId);
      if (!isDraw(r)) return;
      draw = r;
    } catch {
      return; // the ledger check names a missing or unreadable record
    }
    for (const d of againstAnnouncement(ws, draw)) differences.push({ ...d, drawId: l.drawId });
  });
  const headLine = expect === null ? null : lineOfHead(lines, expect);
  if (expect !== null && headLine === null) differences.push({ field: 'ledger.head', expected: expect, found: check.head });
  const match = differences.length === 0;
  const setAside = lines.flatMap((l, i) => (isV2(l) && Array.isArray(l.setAside) ? (l.setAside as { drawId: string }[]).map((s) => ({ line: i + 1, drawId: s.drawId })) : []));
  if (ctx.json) {
    ctx.out(JSON.stringify({ match, differences, lines: check.lines, interrupted: check.interrupted, ledgerHead: check.head, unusedAnnouncements: check.unusedAnnouncements, setAside }, null, 2));
    return match ? 0 : 1;
  }
  for (const id of check.interrupted) ctx.err(id.includes('/') ? t('ledger.verify.interruptedFile', { file: id }) : t('drawcmd.verify.interrupted', { id }));
  for (const s of setAside) ctx.err(t('ledger.verify.setAside', { line: s.line, id: s.drawId }));
  for (const id of check.unusedAnnouncements) ctx.err(t('ledger.verify.unusedAnnouncement', { id }));
  if (match) {
    const files = expectedFiles(lines).files.size;
    ctx.out(t('ledger.verify.ok', { lines: check.lines, records: recordLines(lines).length, files, head: shortHead(check.head) }));
    if (expect !== null && headLine !== null) ctx.out(t('ledger.verify.headOk', { head: expect.slice(0, 16), line: headLine, after: lines.length - headLine }));
  } else {
    ctx.out(t('drawcmd.verify.ledgerBad', { count: differences.length }));
    if (expect !== null && headLine === null) ctx.out(t('ledger.verify.headMissing', { expected: expect.slice(0, 16), found: shortHead(check.head) }));
    for (const line of differenceLines(differences)) ctx.out(line);
  }
  return match ? 0 : 1;
}

/** ssj verify FILE.zip: an evidence package checked on its own (src/app/verify-archive.ts). */
async function verifyZip(ctx: Ctx, file: string, expectHead: string | null): Promise<number> {
  const v = await verifyPackage(path.resolve(file), fileProgress(ctx), ctx.err, expectHead);
  if (ctx.json) {
    ctx.out(JSON.stringify(v, null, 2));
    return v.match ? 0 : 1;
  }
  if (v.match) {
    ctx.out(t('archive.zip.ok', { files: v.files, lines: v.lines, head: shortHead(v.ledgerHead), draws: v.draws.length, ids: v.draws.join('、') }));
    if (v.amendments.length) ctx.out(t('archive.zip.amendments', { ids: v.amendments.join('、') }));
    if (expectHead !== null && v.headLine !== null) ctx.out(t('ledger.verify.headOk', { head: expectHead.slice(0, 16), line: v.headLine, after: v.lines - v.headLine }));
  } else {
    ctx.out(t('archive.zip.bad.count', { count: v.differences.length }));
    if (expectHead !== null && v.headLine === null) ctx.out(t('ledger.verify.headMissing', { expected: expectHead.slice(0, 16), found: shortHead(v.ledgerHead) }));
    for (const line of differenceLines(v.differences)) ctx.out(line);
  }
  if (v.outside) ctx.err(t('archive.zip.outside', { n: v.outside }));
  return v.match ? 0 : 1;
}

export const run: Handler<'verify'> = async (ctx, args, opts) => {
  if (yes(opts.ledger)) return verifyLedger(ctx, openWorkspace(ctx.workspace), expectedHead(opts.expectHead));
  if (args[0] && /\.zip$/i.test(args[0])) return verifyZip(ctx, args[0], expectedHead(opts.expectHead));
  const place = recordPlace(ctx.workspace, args[0]);
  if (place.foundWorkspace) ctx.err(t('archive.verify.foundWorkspace', { dir: place.foundWorkspace }));
  const v = await verifyDraw(place.ws, args[0], { drawId: drawFlag(opts.draw), files: inputFiles(opts) }, fileProgress(ctx), ctx.err, { standalone: place.standalone, amendmentFiles: args.slice(1) });
  const { draw, amendments, inputs, files, differences } = v;
  if (place.standalone) ctx.err(t('archive.verify.standalone', { n: v.priorFromRecord }));
  noteAmendmentInputs(ctx, amendments, inputs);
  const match = differences.length === 0;
  if (ctx.json) ctx.out(JSON.stringify({ match, drawId: draw.drawId, amendments: amendments.map((a) => a.drawId), replacements: v.replacements.map((r) => r.drawId), files, differences, standalone: place.standalone }, null, 2));
  else {
    if (match) ctx.out(t('drawcmd.verify.match', { id: draw.drawId }));
    else {
      ctx.out(t('drawcmd.verify.mismatch', { id: draw.drawId, count: differences.length }));
      for (const line of differenceLines(differences, draw.drawId)) ctx.out(line);
    }
    for (const line of usedLines(files, [...amendments, ...v.replacements].map((a) => a.drawId))) ctx.out(line);
  }
  return match ? 0 : 1;
};
