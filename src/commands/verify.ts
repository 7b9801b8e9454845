/**
 * ssj verify: re-run a recorded draw from its seed and normalised plan with
 * the registries and compare everything (record hash, ledger line, content
 * hashes, strata, selection order, teams, every amendment); or, with
 * --ledger, check the whole hash chain. Prints 一致 or every difference.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Handler } from '../cli.js';
import { checkAgainstAnnouncement, isIntactAnnouncement } from '../core/announce.js';
import { runDraw, substitute } from '../core/draw.js';
import { expectedFiles, isV2, lineOfHead, recordLines } from '../core/events.js';
import { checkWorkspaceLedger, shortHead } from '../app/ledger.js';
import { readLedgerLines } from '../io/ledger-file.js';
import { runDraw2 } from '../core/draw2.js';
import { substitute2 } from '../core/substitute2.js';
import type { AmendmentRecord, DrawRecord, LedgerLine } from '../core/types.js';
import {
  checkRecordHash,
  compareAmendment,
  compareDraw2Lists,
  compareInputs,
  compareSelected,
  compareStrata,
  compareTeams,
  inRecord,
  type Difference,
} from '../core/verify.js';
import type { Ctx } from '../context.js';
import { SsjError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { differenceLines, filesOf, priorDraws, recordedInputs, withDocument } from '../app/draw-io.js';
import { loadInputs, refuseOnErrors, type LoadedInputs } from '../io/inputs.js';
import { amendmentsOf, isAmendment, readDraw, readLedger, readRecord, readRecordFile, recordFromFlag } from '../io/records.js';
import { openWorkspace, type Workspace } from '../io/workspace.js';
import { roleLabel } from '../render/witness.js';
import { fileProgress } from '../render/progress.js';


const failure = (field: string, err: unknown): Difference => ({
  field,
  expected: null,
  found: t('drawcmd.verify.rerunFailed', { message: err instanceof SsjError ? t(err.key, err.params) : err instanceof Error ? err.message : String(err) }),
});

/** Amendments drawn with other inspectors or conflicts than the files given are re-run with the files given: say so. */
function noteAmendmentInputs(ctx: Ctx, amendments: AmendmentRecord[], inputs: LoadedInputs): void {
  for (const a of amendments) {
    for (const d of compareInputs(a.inputs, inputs.inputs, new Set(['inspectors', 'conflicts']))) {
      ctx.err(t('drawcmd.verify.amendmentInputs', { id: a.drawId, role: roleLabel(d.field.split('.')[1] ?? '') }));
    }
  }
}

/** --expect-head: at least 16 hex characters. */
function expectedHead(value: unknown): string | null {
  if (value === undefined || value === null || value === false) return null;
  const v = String(value).trim().toLowerCase();
  if (!/^[0-9a-f]{16,64}$/.test(v)) throw new UsageError('ledger.verify.badHead', { value: String(value) });
  return v;
}

function verifyLedger(ctx: Ctx, ws: Workspace, opts: Record<string, unknown>): number {
  const expect = expectedHead(opts.expectHead);
  const lines = readLedgerLines(ws);
  const check = checkWorkspaceLedger(ws, lines, { parseListed: true });
  const differences = [...check.differences];
  // The announcement each draw was made after, kept beside it: edited since (re-hashed or not) is a difference.
  recordLines(lines).forEach((l) => {
    if (l.amends !== undefined) return;
    let draw: DrawRecord;
    try {
      const r = readRecord(ws, l.drawId);
      if (isAmendment(r)) return;
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
  for (const id of check.interrupted) ctx.err(t('drawcmd.verify.interrupted', { id }));
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

/** The draw to verify and where its file is: RECORD.json or --draw ID (an amendment leads to its draw). */
function target(ws: Workspace, args: string[], opts: Record<string, unknown>): { draw: DrawRecord; dir: string | null } {
  if (args[0]) {
    const r = readRecordFile(args[0]);
    if (!isAmendment(r)) return { draw: r, dir: path.dirname(path.resolve(args[0])) };
    return { draw: readDraw(ws, r.amends), dir: ws.draws };
  }
  if (typeof opts.draw === 'string' && opts.draw !== '') {
    const r = recordFromFlag(ws, opts.draw, { unlisted: 'report' }); // not in the ledger: a difference it reports
    return { draw: isAmendment(r) ? readDraw(ws, r.amends) : r, dir: ws.draws };
  }
  throw new UsageError('error.missingFlag', { flag: t('drawcmd.verify.target'), hint: t('drawcmd.verify.targetHint') });
}

/** The record against its ledger line; a record in the workspace's draws/ must be listed. */
function againstLedger(draw: DrawRecord, lines: LedgerLine[], inWorkspace: boolean): Difference[] {
  const i = lines.findIndex((l) => l.drawId === draw.drawId);
  if (i < 0) return inWorkspace ? [{ field: 'ledger', drawId: draw.drawId, expected: draw.drawId, found: null }] : [];
  const line = lines[i];
  const out: Difference[] = [];
  if (line.recordHash !== draw.recordHash) out.push({ field: 'ledger.recordHash', line: i + 1, expected: line.recordHash, found: draw.recordHash });
  if (line.createdAt !== draw.createdAt) out.push({ field: 'createdAt', line: i + 1, expected: line.createdAt, found: draw.createdAt });
  return out;
}

/** A draw made after an announcement: the announcement file (when kept beside it) is intact and matches. */
function againstAnnouncement(ws: Workspace, draw: DrawRecord): Difference[] {
  if (!draw.announcementHash) return [];
  const file = path.join(ws.draws, `${draw.drawId}-announcement.json`);
  if (!fs.existsSync(file)) return [];
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    value = null;
  }
  if (!isIntactAnnouncement(value)) return [{ field: 'announcement', expected: draw.announcementHash, found: null }];
  if (value.announcementHash !== draw.announcementHash) return [{ field: 'announcementHash', expected: draw.announcementHash, found: value.announcementHash }];
  return checkAgainstAnnouncement(value, draw.inputs, draw.strata).map((d) => ({ ...d, field: `announcement.${d.field}` }));
}

function rerunDraw(ws: Workspace, draw: DrawRecord, lines: LedgerLine[], inputs: LoadedInputs): Difference[] {
  // The draws before it: up to its ledger line, or (not listed) up to the line its prevRecordHash names.
  const at = lines.findIndex((l) => l.drawId === draw.drawId);
  const prev = lines.findIndex((l) => l.recordHash === draw.prevRecordHash);
  const before = at >= 0 ? lines.slice(0, at) : prev >= 0 ? lines.slice(0, prev + 1) : draw.prevRecordHash === null ? [] : lines;
  try {
    const prior = priorDraws(ws, before, draw.drawDate);
    const input = { plan: draw.plan, entities: inputs.entities, inspectors: inputs.inspectors, conflicts: inputs.conflicts, prior, drawDate: draw.drawDate };
    if (draw.algorithm === 'ssj-draw/2') {
      const run2 = runDraw2({ ...input, priorInspections: inputs.priorInspections, markedCodes: inputs.markedCodes }, draw.seed);
      return [...compareStrata(draw.strata, run2.strata), ...compareSelected(draw.selected, run2.selected), ...compareTeams(draw.teams, run2.teams), ...compareDraw2Lists(draw, run2)];
    }
    const run = runDraw(input, draw.seed);
    return [...compareStrata(draw.strata, run.strata), ...compareSelected(draw.selected, run.selected), ...compareTeams(draw.teams, run.teams)];
  } catch (err) {
    return [failure('rerun', err)];
  }
}

function rerunAmendments(draw: DrawRecord, amendments: AmendmentRecord[], inputs: LoadedInputs): Difference[] {
  const out: Difference[] = [];
  amendments.forEach((a, k) => {
    out.push(...checkRecordHash(a));
    try {
      const run = (draw.algorithm === 'ssj-draw/2' ? substitute2 : substitute)({
        draw,
        amendments: amendments.slice(0, k),
        entity: a.substitution.entity,
        inspector: a.substitution.removed,
        inspectors: inputs.inspectors,
        conflicts: inputs.conflicts,
        seed: a.seed,
      });
      out.push(...compareAmendment(a, run));
    } catch (err) {
      out.push({ ...failure('substitution', err), drawId: a.drawId });
    }
  });
  return inRecord(draw.drawId, out);
}

export const run: Handler = async (ctx, args, opts) => {
  const ws = openWorkspace(ctx.workspace);
  if (opts.ledger) return verifyLedger(ctx, ws, opts);
  const { draw, dir } = target(ws, args, opts);
  const lines = readLedger(ws);
  const given = filesOf(opts);
  const files = recordedInputs(ws, draw.inputs, given, dir);
  // A large registry's content hash is made on a worker thread while the draw is re-run here.
  const algorithm = draw.algorithm === 'ssj-draw/2' ? 'ssj-draw/2' : 'ssj-draw/1';
  const inputs = await loadInputs(files, { plan: false, entities: true, inspectors: true, deferHashes: true, algorithm, ...(algorithm === 'ssj-draw/2' ? { drawDate: draw.drawDate } : {}) }, fileProgress(ctx));
  // Registries other than the draw's show as content differences below; a recusal row they do not hold is no reason to refuse.
  refuseOnErrors(inputs.issues.map((i) => (i.code === 'unknown-reference' ? { ...i, severity: 'warning' as const } : i)), ctx.err);
  const rerun = rerunDraw(ws, draw, lines, inputs);
  await inputs.hashed;
  const roles = new Set(['pharmacies', 'institutions', 'inspectors', 'conflicts', 'items', 'prior-inspections', 'insured', ...(given.plan?.length ? ['plan'] : [])]);
  // A plan file given is compared with the recorded 实施文件 (--document at the draw) applied, as the draw hashed it.
  const current = inputs.plan ? withDocument(inputs, draw.plan.document).inputs : inputs.inputs;
  const amendments = amendmentsOf(
    lines.filter((l) => l.amends === draw.drawId).map((l) => readRecord(ws, l.drawId)),
    draw.drawId,
  );
  const differences = [
    ...(draw.algorithm !== 'ssj-draw/1' && draw.algorithm !== 'ssj-draw/2' ? [{ field: 'algorithm', expected: 'ssj-draw/1', found: String(draw.algorithm) }] : []),
    ...checkRecordHash(draw),
    ...againstLedger(draw, lines, dir !== null && path.resolve(dir) === path.resolve(ws.draws)),
    ...againstAnnouncement(ws, draw),
    ...compareInputs(draw.inputs, current, roles),
    ...rerun,
    ...rerunAmendments(draw, amendments, inputs),
  ];
  noteAmendmentInputs(ctx, amendments, inputs);
  const match = differences.length === 0;
  if (ctx.json) ctx.out(JSON.stringify({ match, drawId: draw.drawId, amendments: amendments.map((a) => a.drawId), differences }, null, 2));
  else if (match) ctx.out(t('drawcmd.verify.match', { id: draw.drawId }));
  else {
    ctx.out(t('drawcmd.verify.mismatch', { id: draw.drawId, count: differences.length }));
    for (const line of differenceLines(differences, draw.drawId)) ctx.out(line);
  }
  return match ? 0 : 1;
};
