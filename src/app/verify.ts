/**
 * Verifying one draw (ssj verify RECORD.json | --draw ID): re-run it from its
 * seed and recorded plan with the registries and compare everything (record
 * hash, ledger line, announcement, content hashes, strata, selection order,
 * teams, every amendment). Returns the differences; the command prints them.
 */
import { readLedgerLines } from '../io/ledger-file.js';
import { fileDigest } from '../io/file-hash.js';
import { recordLines, voidedDraws } from '../core/events.js';
import fs from 'node:fs';
import path from 'node:path';
import { checkAgainstAnnouncement, entityListDiffers, isIntactAnnouncement, type Announcement } from '../core/announce.js';
import { runDraw, substitute } from '../core/draw.js';
import { runDraw2 } from '../core/draw2.js';
import { substitute2 } from '../core/substitute2.js';
import type { AmendmentRecord, DrawRecord, LedgerLine, ReplacementRecord } from '../core/types.js';
import { drawInForce, replaceEntity } from '../core/replace.js';
import { checkRecordHash, compareAmendment, compareReplacement, compareDraw2Lists, compareInputs, compareSelected, compareStrata, compareTeams, inRecord, ownInputs, type Difference } from '../core/verify.js';
import { InputError, SsjError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { loadInputs, type InputFiles, type LoadedInputs } from '../io/inputs.js';
import { refuseRerunOnErrors } from './refuse.js';
import type { FileProgress } from '../io/registry.js';
import { amendmentsOf, isAmendment, isDraw, isReplacement, readDraw, readLedger, readRecord, readRecordFile, recordFromFlag, replacementsOf, safeId } from '../io/records.js';
import type { PriorDraw } from '../core/draw.js';
import type { Workspace } from '../io/workspace.js';
import { priorDraws } from './prior-draws.js';
import { recordedInputs, withDocument } from './draw-inputs.js';
import { algorithmOf, ledgerLineOf } from '../core/record.js';

const failure = (field: string, err: unknown): Difference => ({
  field,
  expected: null,
  found: t('drawcmd.verify.rerunFailed', { message: err instanceof SsjError ? t(err.key, err.params) : err instanceof Error ? err.message : String(err) }),
});

/** The draw to verify and where its file is: RECORD.json or --draw ID (an amendment leads to its draw). */
function target(ws: Workspace, recordFile: string | undefined, drawId: string | undefined, standalone: boolean): { draw: DrawRecord; dir: string | null } {
  if (recordFile) {
    const r = readRecordFile(recordFile);
    const dir = path.dirname(path.resolve(recordFile));
    if (isDraw(r)) return { draw: r, dir };
    if (!standalone) return { draw: readDraw(ws, r.amends), dir: ws.draws };
    // Outside a workspace, an amendment's draw is the record beside it.
    const drawFile = path.join(dir, `${safeId(r.amends)}.json`);
    if (!fs.existsSync(drawFile)) throw new UsageError('archive.verify.drawBesideMissing', { file: recordFile, id: r.amends, dir });
    const d = readRecordFile(drawFile);
    if (!isDraw(d)) throw new InputError('records.isAmendment', { id: d.drawId, amends: d.amends });
    return { draw: d, dir };
  }
  if (drawId !== undefined) {
    const r = recordFromFlag(ws, drawId, { unlisted: 'report' }); // not in the ledger: a difference it reports
    return { draw: isDraw(r) ? r : readDraw(ws, r.amends), dir: ws.draws };
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

/** A draw made after an announcement: the announcement file (when kept beside it, in `dir`) is intact and matches. */
export function againstAnnouncement(ws: Workspace, draw: DrawRecord, dir: string = ws.draws): Difference[] {
  if (!draw.announcementHash) return [];
  const file = path.join(dir, `${draw.drawId}-announcement.json`);
  if (!fs.existsSync(file)) return [];
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    value = null;
  }
  if (!isIntactAnnouncement(value)) return [{ field: 'announcement', expected: draw.announcementHash, found: null }];
  if (value.announcementHash !== draw.announcementHash) return [{ field: 'announcementHash', expected: draw.announcementHash, found: value.announcementHash }];
  return [...checkAgainstAnnouncement(value, draw.inputs, draw.strata), ...entityListAgainst(value, dir)].map((d) => ({ ...d, field: `announcement.${d.field}` }));
}

/** A /2 announcement's entity list, beside it: its bytes' SHA-256 and size as announced (read in pieces, never parsed). */
function entityListAgainst(a: Announcement, dir: string): Difference[] {
  if (!a.entityList) return [];
  return entityListDiffers(a, fileDigest(path.join(dir, a.entityList.file)));
}

/**
 * Without a ledger (a record verified outside any workspace) the earlier draws of the year cannot be read: the
 * draws the record's yearly-limit exclusions name stand in for them (each holding the entities it excluded), so
 * the re-run reproduces those exclusions as recorded — they are taken from the record, not checked.
 */
export function priorFromExclusions(draw: DrawRecord): PriorDraw[] {
  const byDraw = new Map<string, string[]>();
  for (const s of draw.strata) {
    for (const x of s.excluded) {
      if (x.reason !== 'yearly-limit') continue;
      for (const id of x.draws) byDraw.set(id, [...(byDraw.get(id) ?? []), x.key]);
    }
  }
  return [...byDraw].map(([drawId, selected]) => ({ drawId, drawDate: draw.drawDate, selected }));
}

function rerunDraw(ws: Workspace, draw: DrawRecord, lines: LedgerLine[], inputs: LoadedInputs, standalone: boolean): Difference[] {
  // The draws before it: up to its ledger line, or (not listed) up to the line its prevRecordHash names.
  const at = lines.findIndex((l) => l.drawId === draw.drawId);
  const prev = lines.findIndex((l) => l.recordHash === draw.prevRecordHash);
  const before = at >= 0 ? lines.slice(0, at) : prev >= 0 ? lines.slice(0, prev + 1) : draw.prevRecordHash === null ? [] : lines;
  // Draws voided (作废) before this one was made did not count for it; voids after it change nothing.
  const all = readLedgerLines(ws);
  const own = all.findIndex((l) => recordLines([l])[0]?.drawId === draw.drawId);
  const voided = voidedDraws(own >= 0 ? all.slice(0, own) : all);
  try {
    const prior = standalone ? priorFromExclusions(draw) : priorDraws(ws, before, draw.drawDate, voided);
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

/**
 * Each substitution (递补), in ledger order, re-run on the draw as it stood then: its replacements (补抽) listed
 * before it applied, so a substitution on an entity a replacement brought in re-runs on that entity's team.
 */
function rerunAmendments(draw: DrawRecord, lines: LedgerLine[], amendments: AmendmentRecord[], replacements: ReplacementRecord[], inputs: LoadedInputs, own: OwnInputs[]): Difference[] {
  const at = (id: string) => lines.findIndex((l) => l.drawId === id);
  const out: Difference[] = [];
  amendments.forEach((a, k) => {
    out.push(...checkRecordHash(a));
    const mine = own[k];
    if (mine instanceof Error) return out.push({ ...failure('substitution', mine), drawId: a.drawId });
    if (mine) out.push(...mine.differences.map((d) => ({ ...d, drawId: a.drawId })));
    const used = mine ? mine.loaded : inputs;
    try {
      const run = (draw.algorithm === 'ssj-draw/2' ? substitute2 : substitute)({
        draw: drawInForce(draw, replacements.filter((r) => at(r.drawId) < at(a.drawId))),
        amendments: amendments.slice(0, k),
        entity: a.substitution.entity,
        inspector: a.substitution.removed,
        inspectors: used.inspectors,
        conflicts: used.conflicts,
        seed: a.seed,
      });
      out.push(...compareAmendment(a, run));
    } catch (err) {
      out.push({ ...failure('substitution', err), drawId: a.drawId });
    }
  });
  return inRecord(draw.drawId, out);
}

/** A substitution's own registries (null: the draw's), their content checked against what it recorded; an Error when not found. */
type OwnInputs = { loaded: LoadedInputs; differences: Difference[]; files: UsedFile[] } | null | Error;

/**
 * The registries a substitution read when they are not the draw's (a registry updated since, given by flag; kept
 * under inputs/<its id>/): the roles it read differently from there (or as it names them), the others as the draw's.
 */
async function amendmentInputs(ws: Workspace, draw: DrawRecord, a: AmendmentRecord, drawFiles: InputFiles, dir: string | null): Promise<OwnInputs> {
  const own = ownInputs(draw, a);
  if (!own.length) return null;
  try {
    const found = recordedInputs(ws, { drawId: a.drawId, inputs: own }, {}, dir, ['inspectors', 'conflicts']);
    const files = { inspectors: found.inspectors ?? drawFiles.inspectors, conflicts: found.conflicts ?? drawFiles.conflicts };
    const loaded = await loadInputs(files, { plan: false, entities: false, inspectors: true, algorithm: algorithmOf(draw) });
    await loaded.hashed;
    const roles = new Set(own.map((i) => i.role));
    return { loaded, differences: compareInputs(a.inputs, loaded.inputs, roles), files: usedFiles(found, loaded).filter((f) => own.some((i) => i.role === f.role)) };
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/**
 * Each replacement (补抽), in ledger order, re-run from its record and the draw's registries: the team in force
 * is the draw's with the substitutions listed before it; the replacements before it are those of the record.
 */
function rerunReplacements(draw: DrawRecord, lines: LedgerLine[], amendments: AmendmentRecord[], replacements: ReplacementRecord[], inputs: LoadedInputs): Difference[] {
  const at = (id: string) => lines.findIndex((l) => l.drawId === id);
  const out: Difference[] = [];
  replacements.forEach((r, k) => {
    out.push(...checkRecordHash(r));
    try {
      const run = replaceEntity({
        draw,
        amendments: amendments.filter((a) => at(a.drawId) < at(r.drawId)),
        replacements: replacements.slice(0, k),
        entity: r.replacement.entity,
        entities: inputs.entities,
        inspectors: inputs.inspectors,
        conflicts: inputs.conflicts,
        seed: r.seed,
      });
      out.push(...compareReplacement(r, run));
    } catch (err) {
      out.push({ ...failure('replacement', err), drawId: r.drawId });
    }
  });
  return inRecord(draw.drawId, out);
}

/** An input file the re-run read: its role, where it was found, its SHA-256 as read now. */
export interface UsedFile {
  role: string;
  path: string;
  sha256: string;
}

export interface DrawVerification {
  draw: DrawRecord;
  amendments: AmendmentRecord[];
  /** The replacements (补抽) re-run. */
  replacements: ReplacementRecord[];
  inputs: LoadedInputs;
  /** The files read, in the order given (flags first, else found in the workspace as the record names them). */
  files: UsedFile[];
  differences: Difference[];
  /** Outside a workspace: the yearly-limit exclusions taken from the record (no ledger to check them against). */
  priorFromRecord: number;
}

/** Each file read paired with what the reader recorded of it (same base name, in order: two files of one name are taken in turn). */
function usedFiles(files: InputFiles, inputs: LoadedInputs): UsedFile[] {
  const refs = [...inputs.inputs];
  return Object.values(files).flatMap((paths: string[] | undefined) => paths ?? []).map((p) => {
    const i = refs.findIndex((r) => r.file === path.basename(p));
    const ref = i >= 0 ? refs.splice(i, 1)[0] : undefined;
    return { role: ref?.role ?? '', path: path.resolve(p), sha256: ref?.fileSha256 ?? '' };
  });
}

/**
 * Where the amendments of a draw verified outside a workspace come from: the substitution and replacement records
 * given after the record, and those kept beside it (`<id>-A<n>.json`, `<id>-R<n>.json`). Without a ledger their
 * order is their `createdAt` (then n): returned as the ledger lines they would have, in that order.
 */
function standaloneAmendments(draw: DrawRecord, dir: string, given: string[], first: string | undefined): { amendments: AmendmentRecord[]; replacements: ReplacementRecord[]; lines: LedgerLine[] } {
  const records = new Map<string, AmendmentRecord | ReplacementRecord>();
  const add = (file: string) => {
    const r = readRecordFile(file);
    if ((!isAmendment(r) && !isReplacement(r)) || r.amends !== draw.drawId) throw new UsageError('archive.verify.notAmendment', { file, id: draw.drawId });
    records.set(r.drawId, r);
  };
  for (const f of [...(first ? [first] : []), ...given]) add(f);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    /* the record's folder cannot be listed: only the amendments given */
  }
  const own = (n: string) => n.startsWith(`${draw.drawId}-`) && /^[AR]\d+\.json$/.test(n.slice(draw.drawId.length + 1));
  for (const n of names) if (own(n) && !records.has(n.slice(0, -'.json'.length))) add(path.join(dir, n));
  const nOf = (id: string) => Number(/-[AR](\d+)$/.exec(id)?.[1] ?? 0);
  const ordered = [...records.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : nOf(a.drawId) - nOf(b.drawId)));
  return {
    amendments: ordered.filter((r): r is AmendmentRecord => isAmendment(r)),
    replacements: ordered.filter((r): r is ReplacementRecord => isReplacement(r)),
    lines: [ledgerLineOf(draw), ...ordered.map(ledgerLineOf)],
  };
}

/**
 * RECORD.json (or --draw ID) verified against the registries given by flag or named in the record. `standalone`:
 * the record is outside any workspace (no ledger); `amendmentFiles` are amendment records given beside it.
 */
export async function verifyDraw(
  ws: Workspace, recordFile: string | undefined, flags: { drawId?: string; files: InputFiles }, progress: FileProgress | undefined, warn: (text: string) => void,
  source: { standalone?: boolean; amendmentFiles?: string[] } = {},
): Promise<DrawVerification> {
  const standalone = source.standalone === true;
  const { draw, dir } = target(ws, recordFile, flags.drawId, standalone);
  const lines = standalone ? [] : readLedger(ws);
  const given = flags.files;
  // The draw's inputs as it read them, kept under inputs/<id>/ in the workspace and in an evidence package unzipped, come first.
  const files = recordedInputs(ws, draw, given, dir);
  // A large registry's content hash is made on a worker thread while the draw is re-run here.
  const algorithm = algorithmOf(draw);
  const inputs = await loadInputs(files, { plan: false, entities: true, inspectors: true, deferHashes: true, algorithm, ...(algorithm === 'ssj-draw/2' ? { drawDate: draw.drawDate } : {}) }, progress);
  // Registries other than the draw's show as content differences below; a recusal row they do not hold is no reason to refuse.
  refuseRerunOnErrors(inputs.issues, warn);
  const rerun = rerunDraw(ws, draw, lines, inputs, standalone);
  await inputs.hashed;
  const roles = new Set(['pharmacies', 'institutions', 'inspectors', 'conflicts', 'items', 'prior-inspections', 'insured', ...(given.plan?.length ? ['plan'] : [])]);
  // A plan file given is compared with the recorded 实施文件 (--document at the draw) applied, as the draw hashed it.
  const current = inputs.plan ? withDocument(inputs, draw.plan.document).inputs : inputs.inputs;
  // Outside a workspace, the substitutions and replacements given or kept beside the record.
  const amending = standalone ? [] : lines.filter((l) => l.amends === draw.drawId).map((l) => readRecord(ws, l.drawId));
  const beside = standalone
    ? standaloneAmendments(draw, dir as string, source.amendmentFiles ?? [], recordFile && path.resolve(recordFile) !== path.join(dir as string, `${draw.drawId}.json`) ? recordFile : undefined)
    : null;
  const amendments = beside ? beside.amendments : amendmentsOf(amending, draw.drawId);
  const replacements = beside ? beside.replacements : replacementsOf(amending, draw.drawId);
  const own: OwnInputs[] = [];
  for (const a of amendments) own.push(await amendmentInputs(ws, draw, a, files, dir));
  const differences = [
    ...(draw.algorithm !== 'ssj-draw/1' && draw.algorithm !== 'ssj-draw/2' ? [{ field: 'algorithm', expected: 'ssj-draw/1', found: String(draw.algorithm) }] : []),
    ...checkRecordHash(draw),
    ...againstLedger(draw, lines, dir !== null && path.resolve(dir) === path.resolve(ws.draws)),
    ...againstAnnouncement(ws, draw, standalone ? (dir as string) : ws.draws),
    ...compareInputs(draw.inputs, current, roles),
    ...rerun,
    ...rerunAmendments(draw, beside ? beside.lines : lines, amendments, replacements, inputs, own),
    ...rerunReplacements(draw, beside ? beside.lines : lines, amendments, replacements, inputs),
  ];
  const priorFromRecord = standalone ? priorFromExclusions(draw).reduce((n, p) => n + p.selected.length, 0) : 0;
  // The files read: the draw's, then those a substitution read instead (inputs/<its id>/).
  const ownFiles = own.flatMap((o) => (o && !(o instanceof Error) ? o.files : []));
  return { draw, amendments, replacements, inputs, files: [...usedFiles(files, inputs), ...ownFiles], differences, priorFromRecord };
}
