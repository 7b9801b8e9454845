/**
 * ssj substitute (回避/缺席): a replacement inspector drawn with the
 * witnesses' fresh seed (SPEC step 8), recorded as an amendment in the ledger
 * under the lock with its own witness sheet; then the record sheets and the
 * 检查通知书 of the draw as it now stands. Refused, with nothing written, when
 * the inspector is not on the entity's team in force, the seed was used
 * before, the entity has a result, or its plan row's 检查期限 has ended.
 * The draw is taken as it stands (its replacements applied, ALGORITHM.md step
 * 8): an entity brought in by a 补抽 has its team substituted like any other;
 * the entity it replaced has none.
 * The same request again after a crash cut it off after its ledger line
 * stands as made (`made`): its sheets and notices are completed.
 */
import path from 'node:path';
import { substitute } from '../core/draw.js';
import { substitute2 } from '../core/substitute2.js';
import { algorithmOf, buildAmendment, nextAmendmentId, recordText, textOf } from '../core/record.js';
import { teamInForce } from '../core/team-in-force.js';
import { drawInForce } from '../core/draw-in-force.js';
import type { AmendmentRecord, DrawRecord, LedgerLine, ReplacementRecord } from '../core/types.js';
import { compareInputs, ownInputs, type Difference } from '../core/verify.js';
import { windowEnd } from '../core/window.js';
import { InputError, UsageError } from '../errors.js';
import { loadInputs, type LoadedInputs } from '../io/inputs.js';
import { readLedger } from '../io/records.js';
import { loadResults, resultPath } from '../io/results-store.js';
import type { Workspace } from '../io/workspace.js';
import { TOOL_VERSION } from '../version.js';
import { keptInputs, recordedInputs } from './draw-inputs.js';
import { appendRecord } from './ledger.js';
import { changesInLedger, type AmendRequest } from './amend.js';
import { noticesAfterAmendment } from './notices.js';
import { refuseOnErrors } from './refuse.js';
import { sheetsAfterRecord, sheetsAfterRecordChanged } from './sheets-in-force.js';
import { witnessFiles } from './witness.js';

export interface SubstituteRequest extends AmendRequest {
  draw: DrawRecord;
  inspector: string;
  /** China date of the act (YYYY-MM-DD): the 检查期限 rule. */
  today: string;
  /** An input that differs from the one the draw recorded (the amendment records what it read; said, not refused). */
  changedInput: (d: Difference) => void;
}

interface Done {
  record: AmendmentRecord;
  /** The record as stored (JSON text). */
  text: string;
  /** Record sheets written for the team in force ('failed' said through warn; null: not built). */
  sheets: { written: string[]; kept: string[] } | null | 'failed';
}

/** Drawn now (`again: false`), or made before by the same request, cut off after its ledger line (`again: true`). */
export type SubstituteDone =
  | (Done & {
      again: false;
      /** The ledger head at the end (after the notices' `documents` event, when they were written). */
      head: string;
      /** The record sheets and notices whose content changed: reprint them. */
      changedSheets: string[];
      changedNotices: string[];
    })
  | (Done & { again: true });

/** The draw as it stands in `lines` (its replacements applied) and its substitutions, in ledger order. */
function inForce(ws: Workspace, lines: LedgerLine[], draw: DrawRecord): { now: DrawRecord; amendments: AmendmentRecord[]; replacements: ReplacementRecord[] } {
  const { amendments, replacements } = changesInLedger(ws, lines, draw.drawId);
  return { now: drawInForce(draw, replacements), amendments, replacements };
}

/** The removed inspector must be on the entity's current team; the seed must be new. */
function checkRequest(draw: DrawRecord, now: DrawRecord, replacements: ReplacementRecord[], amendments: AmendmentRecord[], entity: string, inspector: string, seed: string): void {
  if (!now.selected.some((s) => s.key === entity)) {
    const by = replacements.find((r) => r.replacement.entity === entity);
    if (by) throw new InputError('drawcmd.sub.replacedAway', { entity, id: by.drawId, next: by.replacement.selected.key });
    throw new InputError('drawcmd.sub.unknownEntity', { entity, id: draw.drawId });
  }
  const team = teamInForce(now, amendments, entity);
  if (!team?.members.some((m) => m.key === inspector)) {
    throw new InputError('drawcmd.sub.notOnTeam', { inspector, entity, members: team ? team.members.map((m) => m.key).join('、') : '' });
  }
  if (seed === draw.seed || [...amendments, ...replacements].some((a) => a.seed === seed)) throw new UsageError('drawcmd.sub.seedReused', { id: draw.drawId });
}

/** Once the entity's inspection has a result, its team cannot be changed after the fact: the result is named, and what to do. */
function refuseAfterResult(ws: Workspace, drawId: string, entity: string): void {
  const done = loadResults(ws).find((r) => r.drawId === drawId && r.entity === entity);
  if (done) throw new InputError('ledger.sub.afterResult', { entity, id: drawId, date: done.inspectionDate, file: path.relative(ws.root, resultPath(ws, drawId, entity)) });
}

/** Once the plan row's 检查期限 has ended (its last date before today), the inspection is over: no substitution. */
function refuseAfterWindow(draw: DrawRecord, entity: string, today: string): void {
  const sel = draw.selected.find((s) => s.key === entity); // the draw in force: a replacement's entity has its replaced one's stratum
  const stratum = draw.strata.find((s) => s.number === sel?.stratum);
  const window = draw.plan.rows.find((r) => r.no === stratum?.planRow)?.window;
  const end = windowEnd(window);
  if (end !== null && today > end) throw new InputError('ledger.sub.afterWindow', { entity, id: draw.drawId, window: window ?? '', end, today });
}

/** Every refusal, against the ledger as it is in `lines`; the draw as it stands then. */
function refuse(ws: Workspace, q: SubstituteRequest, lines: LedgerLine[]): { now: DrawRecord; amendments: AmendmentRecord[] } {
  const { now, amendments, replacements } = inForce(ws, lines, q.draw);
  checkRequest(q.draw, now, replacements, amendments, q.entity, q.inspector, q.seed);
  refuseAfterResult(ws, q.draw.drawId, q.entity);
  refuseAfterWindow(now, q.entity, q.today);
  return { now, amendments };
}

/** Inside the lock: the amendments as they are now, the substitution on the draw as it stands, the amendment record. */
function amendment(ws: Workspace, q: SubstituteRequest, loaded: LoadedInputs, lines: LedgerLine[]): AmendmentRecord {
  const { draw, entity, inspector, seed } = q;
  const { now, amendments } = refuse(ws, q, lines);
  const result = (draw.algorithm === 'ssj-draw/2' ? substitute2 : substitute)({ draw: now, amendments, entity, inspector, inspectors: loaded.inspectors, conflicts: loaded.conflicts, seed });
  return buildAmendment({
    tool: TOOL_VERSION,
    drawId: nextAmendmentId(draw.drawId, lines.map((l) => l.drawId)),
    amends: draw.drawId,
    createdAt: q.nowIso,
    seed,
    seedSource: q.seedSource,
    inputs: loaded.inputs,
    substitution: { entity, removed: inspector, reason: q.reason, candidates: result.candidates, replacement: result.replacement },
    team: result.team,
    prevRecordHash: lines.at(-1)?.recordHash ?? null,
  }, draw.algorithm);
}

/** A request made before (same entity, inspector and seed), cut off after its ledger line: it stands. */
function madeBefore(ws: Workspace, q: SubstituteRequest): AmendmentRecord | undefined {
  return [...changesInLedger(ws, readLedger(ws), q.draw.drawId).amendments].reverse().find((a) => a.substitution.entity === q.entity && a.substitution.removed === q.inspector && a.seed === q.seed);
}

export async function substituteInspector(ws: Workspace, q: SubstituteRequest): Promise<SubstituteDone> {
  const made = madeBefore(ws, q);
  if (made) {
    // A run cut off before its sheets and notices: they follow the team in force now.
    const sheets = await sheetsAfterRecord(ws, q.draw, made.drawId, q.warn);
    await noticesAfterAmendment(ws, inForce(ws, readLedger(ws), q.draw).now, q.now, q.warn);
    return { record: made, text: recordText(made), again: true, sheets };
  }
  refuse(ws, q, readLedger(ws));
  const files = recordedInputs(ws, q.draw, q.files, ws.draws, ['inspectors', 'conflicts']);
  const loaded = await loadInputs({ inspectors: files.inspectors, conflicts: files.conflicts }, { plan: false, entities: false, inspectors: true, algorithm: algorithmOf(q.draw) });
  refuseOnErrors(loaded.issues, q.warn, true);
  for (const d of compareInputs(q.draw.inputs, loaded.inputs, new Set(['inspectors', 'conflicts']))) q.changedInput(d);
  const { record, bytes, head } = await appendRecord<AmendmentRecord>(
    ws,
    q.now,
    (lines) => amendment(ws, q, loaded, lines),
    (r, state) => witnessFiles(ws, r, inForce(ws, state.records, q.draw).now, q.lang, state.head),
    undefined,
    {},
    () => [],
    // A registry other than the draw's (given by flag) is kept with the amendment, inputs/<amendment id>/: verify re-runs it on that one.
    { keep: (r) => keptInputs(ws, { drawId: r.drawId, inputs: ownInputs(q.draw, r) }, files) },
  );
  // The record sheets follow the team now in force (results never overwrite a filled sheet); the ones that changed are named.
  const { sheets, changed } = await sheetsAfterRecordChanged(ws, q.draw, record.drawId, q.warn);
  // The entity's 检查通知书 names the team: made again, listed by a `documents` event.
  const notices = await noticesAfterAmendment(ws, inForce(ws, readLedger(ws), q.draw).now, q.now, q.warn);
  return { record, text: textOf(bytes), head: notices.head ?? head, again: false, sheets, changedSheets: changed, changedNotices: notices.changed };
}
