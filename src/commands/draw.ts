/**
 * ssj draw: load and check the inputs, take the seed, run ssj-draw/1 under
 * the workspace lock (the yearly limit and the chain read inside it), write
 * the witness sheet, the record and the ledger line, then the record sheets.
 * On screen only codes; names are on the printed witness sheet.
 */
import path from 'node:path';
import type { Handler, OptionsFor } from '../cli.js';
import { TOOL_VERSION } from '../version.js';
import { checkAgainstAnnouncement, type Announcement } from '../core/announce.js';
import { normaliseSeed, runDraw } from '../core/draw.js';
import { runDraw2 } from '../core/draw2.js';
import { maskedRecord } from '../core/mask.js';
import { listedItems } from '../core/items.js';
import { drawnListFiles, drawnListPaths } from '../app/publish-list.js';
import { noticeDocs, type NoticeDocs } from '../app/notices.js';
import { frequencyReached } from '../core/frequency.js';
import { drawRecordBase, hashedDrawRecord, recordFile } from '../core/record.js';
import type { DrawRecord, InputRef, InspectorExclusion, LedgerLine, Plan, SelectedEntity, Stratum, Team, TeamMember } from '../core/types.js';
import { compareInputs, type Difference } from '../core/verify.js';
import type { Ctx } from '../context.js';
import { CheckFailed, InputError, SsjError, UsageError } from '../errors.js';
import { t, type MsgKey } from '../i18n/index.js';
import { differenceLines } from '../render/difference-lines.js';
import { priorDraws, yearDraws } from '../app/prior-draws.js';
import { keptInputs, keptInputsDir, readAnnouncement, withDocument } from '../app/draw-inputs.js';
import { witnessEarly, witnessFiles, witnessPaths, type EarlyWitness } from '../app/witness.js';
import { sheetsAfterRecord } from '../app/sheets-in-force.js';
import { checkedId, inputFiles, optText, requireFlags, seedProblem, text } from './common/flags.js';
import { loadInputs, type InputFiles, type LoadedInputs } from '../io/inputs.js';
import { refuseOnErrors } from '../app/refuse.js';
import { nextDrawId, readLedger, recordPath } from '../io/records.js';
import { inputsFromSnapshot } from '../app/snapshot.js';
import type { KnownDigests } from '../io/file-hash.js';
import { appendRecord, readVoided, shortHead, type LedgerState } from '../app/ledger.js';
import { voidedDraws } from '../core/events.js';
import { repeatedRows } from '../core/repeat.js';
import { collectGarbage, COLLECT_ABOVE } from '../io/memory.js';
import { phase } from '../io/timing.js';
import { openWorkspace, type Workspace } from '../io/workspace.js';
import { missingFlag, flagOrAsk } from '../render/prompt.js';
import { fileProgress, startProgress, type Progress } from '../render/progress.js';

/** A stratum's fields as the witness and announcement sheets name them (总体, 可抽 N, 抽取 n). */
const STRATUM_FIELDS: Record<string, string> = { label: 'drawcmd.w.stratum', population: 'drawcmd.w.population', eligible: 'drawcmd.w.eligible', size: 'drawcmd.w.size' };

function refuseAnnouncement(ctx: Ctx, file: string, diffs: Difference[]): void {
  if (!diffs.length) return;
  for (const d of diffs) {
    if (d.field.startsWith('inputs.')) {
      const role = d.field.split('.')[1] ?? '';
      ctx.err(t('drawcmd.announcementChanged', { what: t(`drawcmd.role.${role}` as 'drawcmd.role.plan'), expected: String(d.expected), found: String(d.found) }));
    } else if (d.stratum !== undefined) {
      ctx.err(t('drawcmd.announcementStratum', { stratum: d.stratum, field: STRATUM_FIELDS[d.field] ? t(STRATUM_FIELDS[d.field] as MsgKey) : d.field, expected: String(d.expected), found: String(d.found) }));
    } else ctx.err(differenceLines([d]).join('\n'));
  }
  throw new CheckFailed('drawcmd.announcementRefused', { file, count: diffs.length });
}

function printCodes(ctx: Ctx, r: DrawRecord): void {
  const order = new Map(r.selected.map((x) => [x.key, x.order])); // not find() per key: O(n²) on a 39,000-entity draw
  for (const s of r.strata) {
    ctx.out(t('drawcmd.stratum', { number: s.number, label: s.label, population: s.population, eligible: s.eligible, size: s.size }));
    for (const key of s.selected) ctx.out(t('drawcmd.selectedLine', { order: order.get(key) ?? '', key }));
  }
  ctx.out(t('drawcmd.w.teams'));
  const role = (m: TeamMember) => t(m.role === '组长' ? 'drawcmd.leader' : 'drawcmd.member', { key: m.key });
  for (const tm of r.teams) ctx.out(t('drawcmd.teamLine', { entity: tm.entity, members: tm.members.map(role).join(t('drawcmd.listSep')) }));
  ctx.out(t('drawcmd.codesOnly'));
}

function printOutputs(ctx: Ctx, ws: Workspace, r: DrawRecord, head: string): void {
  const w = witnessPaths(ws, r.drawId);
  ctx.out(t('drawcmd.done', { id: r.drawId, hash: r.recordHash }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.record'), file: recordPath(ws, r.drawId) }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.witness'), file: w.html }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.witnessXlsx'), file: w.xlsx }));
  ctx.out(t('drawcmd.wrote', { what: t('after.out.list'), file: drawnListPaths(ws, r.drawId).csv }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.inputs'), file: keptInputsDir(ws, r.drawId) }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.ledger'), file: ws.ledger }));
  ctx.out(t('ledger.head', { head: shortHead(head) }));
}

/** ssj draw's flags, typed: read once here, checked before anything is read (input paths relative to the current folder). */
interface DrawFlags {
  id: string | undefined;
  seed: string | undefined;
  seedSource: string;
  announcement: string | undefined;
  /** `--no-announcement REASON`: the reason (undefined when not given or blank), and whether the flag was given. */
  noAnnouncement: { given: boolean; reason: string | undefined };
  again: string | undefined;
  document: string | undefined;
  place: string | undefined;
  sheets: boolean;
  /** `--no-notices`: the 检查通知书 and 审批表 are left for `ssj notices --draw ID` (a national draw's 39,000 pages). */
  notices: boolean;
  snapshot: boolean;
  files: InputFiles;
}

function drawFlags(ctx: Ctx, opts: OptionsFor<'draw'>): DrawFlags {
  const id = checkedId(opts.id);
  const announcement = optText(opts.announcement);
  requireFlags(ctx, opts, [['--seed', 'seed'], ...(announcement ? [] : ([['--plan', 'plan'], ['--entities', 'entities'], ['--inspectors', 'inspectors']] as const))]);
  const seed = optText(opts.seed);
  if (seed === undefined && !ctx.interactive) missingFlag('--seed');
  if (seed !== undefined) normaliseSeed(seed); // a bad seed is refused before anything is read
  return {
    id, seed, seedSource: text(opts.seedSource), announcement,
    noAnnouncement: { given: opts.noAnnouncement !== undefined, reason: optText(opts.noAnnouncement) },
    again: optText(opts.again), document: optText(opts.document), place: optText(opts.place),
    sheets: opts.sheets !== false, notices: opts.notices !== false, snapshot: opts.snapshot !== false, files: inputFiles(opts),
  };
}

async function seedOf(ctx: Ctx, f: DrawFlags): Promise<string> {
  const text = await flagOrAsk(ctx, f.seed, { message: t('drawcmd.seedPrompt'), flag: '--seed', validate: seedProblem });
  return normaliseSeed(text);
}

interface Prepared {
  ws: Workspace;
  id: string | undefined;
  announcement: Announcement | null;
  loaded: LoadedInputs;
  /** Digests of workspace files this draw has made (the snapshot's), for the ledger check. */
  known: KnownDigests;
  plan: Plan;
  inputs: InputRef[];
  seed: string;
  noAnnouncement: string | undefined;
}

/**
 * The inputs from the announcement's snapshot when every file is the one
 * announced (app/snapshot.ts), else read and checked from the files — and
 * then the reason is said.
 */
async function drawInputs(ctx: Ctx, f: DrawFlags, announcement: Announcement | null): Promise<{ loaded: LoadedInputs; known: KnownDigests }> {
  const files = f.files;
  if (announcement?.snapshot && f.snapshot && f.announcement) {
    const s = await inputsFromSnapshot(f.announcement, announcement, files, ctx.today);
    if ('loaded' in s) {
      ctx.err(t('drawcmd.snapshot.used', { file: announcement.snapshot.file }));
      return s;
    }
    ctx.err(t('drawcmd.snapshot.fallback', { reason: t(s.fallback, s.params) }));
  }
  return { loaded: await loadInputs(files, { plan: true, entities: true, inspectors: true, drawDate: ctx.today, deferHashes: true }, fileProgress(ctx)), known: new Map() };
}

/** Everything checked before the lock: id, seed, announcement, inputs (nothing written on any failure). */
async function prepare(ctx: Ctx, f: DrawFlags): Promise<Prepared> {
  const id = f.id;
  const ws = openWorkspace(ctx.workspace);
  const noAnnouncement = commitment(f);
  const announcement: Announcement | null = f.announcement ? readAnnouncement(f.announcement) : null;
  const { loaded, known } = await drawInputs(ctx, f, announcement);
  phase('inputs read and checked');
  refuseOnErrors(loaded.issues, ctx.err, true);
  // The 实施文件 announced is the draw's unless --document says otherwise (a different one is then refused below).
  const { plan, inputs } = withDocument(loaded, f.document ?? announcement?.plan.document);
  if (announcement) {
    await loaded.hashed;
    refuseAnnouncement(ctx, f.announcement ?? '', compareInputs(announcement.inputs, inputs));
  }
  for (const f of frequencyReached(plan, yearDraws(ws, readLedger(ws), ctx.today, readVoided(ws)))) {
    ctx.err(t('drawcmd.frequencyReached', { row: f.row, item: f.item, times: f.times, done: f.done, draws: f.draws.join('、') }));
  }
  return { ws, id, announcement, noAnnouncement, loaded, known, plan, inputs, seed: await seedOf(ctx, f) };
}

/**
 * A draw is announced (`--announcement`) or says why not (`--no-announcement REASON`, printed 未经事先公告):
 * neither is refused before anything is read, both is a usage error.
 */
function commitment(f: DrawFlags): string | undefined {
  const { given, reason } = f.noAnnouncement;
  if (f.announcement && given) throw new UsageError('ledger.announcementBoth', {});
  if (given && reason === undefined) throw new UsageError('ledger.noAnnouncementReason', {});
  if (!f.announcement && reason === undefined) throw new CheckFailed('ledger.noAnnouncement', {});
  return reason;
}

/** A plan row already drawn in its 抽查频次 period (not voided) is refused unless `--again REASON`; the reason and the earlier draws are recorded. */
function againOf(ctx: Ctx, f: DrawFlags, p: Prepared, state: LedgerState): { reason: string; draws: string[] } | undefined {
  const voided = voidedDraws(state.lines);
  const repeated = repeatedRows(p.plan, ctx.today, yearDraws(p.ws, state.records, ctx.today, voided));
  const reason = f.again;
  if (!repeated.length) return undefined; // --again with nothing drawn before in the period: nothing to record
  if (reason === undefined) {
    for (const r of repeated) ctx.err(t('ledger.repeatedRow', { row: r.row, item: r.item, objectType: r.objectType, period: r.period, draws: r.draws.join('、') }));
    throw new CheckFailed('ledger.repeatDraw', { draws: [...new Set(repeated.flatMap((r) => r.draws))].join('、') });
  }
  return { reason, draws: [...new Set(repeated.flatMap((r) => r.draws))] };
}

/**
 * Inside the lock: the yearly limit from the ledger as it is now, the draw,
 * the record. A large registry's content hash may still be on its worker
 * thread while the draw runs: it is awaited before the record is made.
 */
async function drawRecord(ctx: Ctx, f: DrawFlags, p: Prepared, state: LedgerState, progress: Progress, witness: { early: EarlyWitness | null }): Promise<DrawRecord> {
  const { ws, loaded, plan, announcement } = p;
  const lines = state.records;
  // One announcement, one draw: a second draw on it (say two started at once) is refused as such, before its
  // strata — changed by the first draw's selections — could be blamed instead.
  if (announcement && lines.some((l) => l.drawId === (p.id ?? announcement.drawId))) {
    throw new InputError('drawcmd.announcementUsed', { file: f.announcement ?? '', id: p.id ?? announcement.drawId });
  }
  const again = againOf(ctx, f, p, state);
  const prior = priorDraws(ws, lines, ctx.today, voidedDraws(state.lines));
  const input = { plan, entities: loaded.entities, inspectors: loaded.inspectors, conflicts: loaded.conflicts, prior, drawDate: ctx.today };
  phase('ledger read');
  const draw2 = loaded.algorithm === 'ssj-draw/2';
  const result: { strata: Stratum[]; selected: SelectedEntity[]; teams: Team[]; inspectorExclusions?: InspectorExclusion[]; markedCodes?: string[] } = draw2
    ? runDraw2({ ...input, priorInspections: loaded.priorInspections, markedCodes: loaded.markedCodes }, p.seed, (d, n) => progress.update(d, n))
    : runDraw(input, p.seed, (d, n) => progress.update(d, n));
  phase('drawn');
  await loaded.hashed;
  phase('content hashes in');
  // Past this point only the selected entities matter: a million registry objects go before the record and the witness sheet are built.
  const many = loaded.entities.length > COLLECT_ABOVE;
  loaded.entities = [];
  input.entities = [];
  if (many) collectGarbage();
  phase('registries released');
  if (announcement) refuseAnnouncement(ctx, f.announcement ?? '', checkAgainstAnnouncement(announcement, p.inputs, result.strata));
  const place = f.place;
  const base = drawRecordBase({
    tool: TOOL_VERSION,
    drawId: p.id ?? announcement?.drawId ?? nextDrawId(ws, ctx.today),
    createdAt: ctx.nowIso,
    drawDate: ctx.today,
    seed: p.seed,
    seedSource: f.seedSource,
    announcementHash: announcement?.announcementHash ?? null,
    ...(place !== undefined ? { place } : {}),
    ...(p.noAnnouncement !== undefined ? { noAnnouncement: p.noAnnouncement } : {}),
    ...(again ? { again } : {}),
    plan,
    inputs: p.inputs,
    strata: result.strata,
    selected: result.selected,
    teams: result.teams,
    ...(draw2 ? { inspectorExclusions: result.inspectorExclusions ?? [], markedCodes: result.markedCodes ?? [] } : {}),
    ...(loaded.items ? { itemList: listedItems(plan, loaded.items) } : {}),
    prevRecordHash: lines.at(-1)?.recordHash ?? null,
  }, loaded.algorithm);
  // The witness sheet is started before the record is hashed (a stand-in for the hash until it is known).
  witness.early = witnessEarly(ws, base, ctx.lang, state.head);
  phase('witness sheet started');
  const record = hashedDrawRecord(base);
  phase('record hashed');
  return record;
}

async function sheetsAfter(ctx: Ctx, ws: Workspace, record: DrawRecord): Promise<string[]> {
  const bar = startProgress(ctx, t('progress.sheets'), record.selected.length);
  const sheets = await sheetsAfterRecord(ws, record, record.drawId, (text) => {
    bar.stop();
    ctx.err(text);
  }, (done, total) => bar.update(done, total)).finally(() => bar.stop());
  if (sheets === 'failed') return [];
  if (!sheets) ctx.err(t('drawcmd.sheetsMissing', { id: record.drawId }));
  else if (!ctx.json) {
    ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.sheets'), file: path.join(ws.sheets, record.drawId) }));
    if (sheets.kept.length) ctx.out(t('drawcmd.sheetsKept', { count: sheets.kept.length }));
  }
  return sheets ? sheets.written : [];
}

/**
 * 检查通知书 and 审批表, written with the record and listed by its ledger event (so verify --ledger checks them);
 * one that cannot be made is said, and the draw stands without them (ssj notices makes them again).
 */
function noticesWith(ctx: Ctx, ws: Workspace, record: DrawRecord): NoticeDocs | null {
  try {
    return noticeDocs(ws, record);
  } catch (err) {
    const reason = err instanceof SsjError ? t(err.key, err.params) : err instanceof Error ? err.message : String(err);
    ctx.err(t('after.notices.failed', { id: record.drawId, reason: reason.replace(/[。.]$/, '') }));
    return null;
  }
}

export const run: Handler<'draw'> = async (outer, _args, opts) => {
  // With --json the warnings said on stderr are also listed in the output, with every file written.
  const warnings: string[] = [];
  const ctx: Ctx = outer.json ? { ...outer, err: (line) => { warnings.push(line); outer.err(line); } } : outer;
  const f = drawFlags(ctx, opts);
  const p = await prepare(ctx, f);
  const progress = startProgress(ctx, t('drawcmd.progress'), 1);
  let record: DrawRecord;
  let bytes: Uint8Array;
  let head: string;
  const witness: { early: EarlyWitness | null } = { early: null };
  let notices: NoticeDocs | null = null;
  try {
    ({ record, bytes, head } = await appendRecord<DrawRecord>(
      p.ws,
      ctx.now,
      (_lines, state) => drawRecord(ctx, f, p, state, progress, witness),
      // The drawn list (抽取结果公示, Laiyuan 第四条) is written and listed with the record: one event, one command.
      async (r, state) => {
        // The witness workbook's worker gets the record hash first and zips while the drawn list (0.5 s for 39,036 entities), then the witness page, are made here.
        const sheets = witness.early ? witness.early.finish(r) : witnessFiles(p.ws, r, null, ctx.lang, state.head);
        sheets.catch(() => undefined); // awaited below; a failure while the list is made must not go unhandled
        const list = drawnListFiles(p.ws, r);
        return [...(await sheets), ...list];
      },
      undefined,
      {},
      (r) => (f.notices ? (notices = noticesWith(ctx, p.ws, r))?.docs ?? [] : []),
      { known: p.known, keep: (r) => keptInputs(p.ws, r, f.files) }, // the inputs as read, kept under inputs/<id>/ with the record
    ));
  } finally {
    progress.stop();
    witness.early?.cancel(); // no-op once finished; a draw that failed after starting its sheet stops it
  }
  phase('record, witness sheet and ledger line written');
  if (!ctx.json) {
    printCodes(ctx, maskedRecord(record));
    printOutputs(ctx, p.ws, record, head);
  }
  const written = [path.join(p.ws.draws, `${record.drawId}.json`), path.join(p.ws.draws, `${record.drawId}-witness.html`), path.join(p.ws.draws, `${record.drawId}-witness.xlsx`),
    ...Object.values(drawnListPaths(p.ws, record.drawId)), ...keptInputs(p.ws, record, f.files).map((k) => k.path)]; // the paths only: the list's bytes were made once, with the record
  if (f.sheets) written.push(...(await sheetsAfter(ctx, p.ws, record)));
  const made = notices as NoticeDocs | null;
  if (made) {
    if (!ctx.json) ctx.out(t('drawcmd.wrote', { what: t('after.out.notices'), file: made.dir }));
    written.push(...made.docs.map((d) => d.path));
  }
  // The record as stored (a 参保人's number masked and name left out, issue 18: the full record stays in the
  // workspace file listed under "files"), the new ledger head, then the files written and the warnings said.
  const shown = maskedRecord(record);
  if (ctx.json) for (const part of jsonOutput(shown === record ? bytes : recordFile(shown), head, written.map((f) => path.resolve(p.ws.root, f)), warnings)) ctx.out(part);
  return 0;
};

/**
 * The record's file with the ledger head, the files written and the warnings added as last members, as two
 * parts written one after the other: the file's bytes up to its closing brace (a view, not a copy — a national
 * draw's record is 28 MB, which as text was decoded, escaped for the screen and encoded again), then the added
 * members.
 */
function jsonOutput(file: Uint8Array, head: string, files: string[], warnings: string[]): (string | Uint8Array)[] {
  const end = file.lastIndexOf(0x7d); // }
  const tail = `,\n  "ledgerHead": "${head}",\n  "files": ${JSON.stringify(files)},\n  "warnings": ${JSON.stringify(warnings)}\n}\n`;
  return [file.subarray(0, end), tail]; // the part before the brace ends with a line break (canonical lines)
}
