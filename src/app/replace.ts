/**
 * ssj replace (补抽): an entity of a draw that closed, left the scheme or
 * cannot be inspected is replaced by one drawn with the witnesses' fresh
 * seed from the same stratum (core/replace.ts, docs/ALGORITHM.md "Step 9").
 * Recorded like a substitution: its own record (draws/<id>-R<n>.json,
 * chained by prevRecordHash), its one-page witness sheet, one `replacement`
 * event; then the record sheets and notices of the draw as it now stands.
 * Refused, with nothing written, when the entity is not in the draw's
 * selection in force, already has a result, is a 参保人, or the draw is voided.
 */
import path from 'node:path';
import { voidedDraws } from '../core/events.js';
import { normKey } from '../core/normalize.js';
import { algorithmOf, buildReplacement, nextReplacementId, textOf } from '../core/record.js';
import { drawInForce, replaceEntity } from '../core/replace.js';
import type { DrawRecord, LedgerLine, ReplacementRecord } from '../core/types.js';
import { compareInputs } from '../core/verify.js';
import { InputError, UsageError } from '../errors.js';
import { loadInputs, type LoadedInputs } from '../io/inputs.js';
import { readLedgerLines } from '../io/ledger-file.js';
import { drawFromFlag, readLedger, type Companion } from '../io/records.js';
import { loadResults, resultPath } from '../io/results-store.js';
import type { Workspace } from '../io/workspace.js';
import { roleLabel } from '../render/witness.js';
import { TOOL_VERSION } from '../version.js';
import { recordedInputs } from './draw-inputs.js';
import { sheetsAfterRecord } from './sheets-in-force.js';
import { witnessFiles } from './witness.js';
import { appendRecord } from './ledger.js';
import { changesInLedger, type AmendRequest } from './amend.js';
import { noticesAfterAmendment } from './notices.js';
import { refuseRerunOnErrors } from './refuse.js';

export interface ReplaceRequest extends AmendRequest {
  drawId: string;
}

export interface ReplaceDone {
  record: ReplacementRecord;
  text: string;
  /** The ledger head at the end (after the notices' `documents` event, when they were written). */
  head: string;
  /** The draw as it now stands (the new entity in the replaced one's place). */
  draw: DrawRecord;
  /** Record sheets and notices written for the draw as it stands ('failed' said on stderr; null: not built). */
  sheets: { written: string[]; kept: string[] } | null | 'failed';
  notices: string[];
}

const ENTITY_ROLES = new Set(['pharmacies', 'institutions', 'insured', 'inspectors', 'conflicts']);

/** Every refusal, checked before the registries are read and again inside the lock. */
function refuse(ws: Workspace, draw: DrawRecord, lines: LedgerLine[], q: ReplaceRequest): void {
  if (voidedDraws(readLedgerLines(ws)).has(draw.drawId)) throw new InputError('replace.voided', { id: draw.drawId });
  const { amendments, replacements } = changesInLedger(ws, lines, draw.drawId);
  const sel = drawInForce(draw, replacements).selected.find((s) => s.key === q.entity);
  if (!sel) throw new InputError('replace.notSelected', { entity: q.entity, id: draw.drawId });
  if (sel.objectType === '参保人') throw new InputError('replace.insured', { entity: q.entity });
  const done = loadResults(ws).find((r) => r.drawId === draw.drawId && r.entity === q.entity);
  if (done) throw new InputError('replace.hasResult', { entity: q.entity, id: draw.drawId, date: done.inspectionDate, file: path.relative(ws.root, resultPath(ws, draw.drawId, q.entity)) });
  if (q.seed === draw.seed || [...amendments, ...replacements].some((a) => a.seed === q.seed)) throw new UsageError('replace.seedReused', { id: draw.drawId });
}

/** The registries the draw read, as recorded (a replacement is drawn from the same ones; a different one is refused). */
async function drawInputs(ws: Workspace, draw: DrawRecord, q: ReplaceRequest): Promise<LoadedInputs> {
  const files = recordedInputs(ws, draw, q.files, ws.draws, ['entities', 'inspectors', 'conflicts']);
  const algorithm = algorithmOf(draw);
  const loaded = await loadInputs(files, { plan: false, entities: true, inspectors: true, algorithm, ...(algorithm === 'ssj-draw/2' ? { drawDate: draw.drawDate } : {}) });
  refuseRerunOnErrors(loaded.issues, q.warn);
  await loaded.hashed;
  const d = compareInputs(draw.inputs, loaded.inputs, ENTITY_ROLES)[0];
  if (d) {
    const role = d.field.split('.')[1] ?? '';
    throw new InputError('replace.inputsChanged', { role: roleLabel(role), id: draw.drawId, expected: String(d.expected ?? '—'), found: String(d.found ?? '—') });
  }
  return loaded;
}

export async function replace(ws: Workspace, q: ReplaceRequest): Promise<ReplaceDone> {
  const draw = drawFromFlag(ws, q.drawId);
  const entity = normKey(q.entity);
  const req = { ...q, entity };
  refuse(ws, draw, readLedger(ws), req);
  const loaded = await drawInputs(ws, draw, req);
  const { record, bytes, head } = await appendRecord<ReplacementRecord>(
    ws,
    q.now,
    (lines) => {
      refuse(ws, draw, lines, req); // the ledger as it is inside the lock
      const { amendments, replacements } = changesInLedger(ws, lines, draw.drawId);
      const run = replaceEntity({ draw, amendments, replacements, entity, entities: loaded.entities, inspectors: loaded.inspectors, conflicts: loaded.conflicts, seed: q.seed });
      return buildReplacement({
        tool: TOOL_VERSION,
        drawId: nextReplacementId(draw.drawId, lines.map((l) => l.drawId)),
        amends: draw.drawId,
        createdAt: q.nowIso,
        seed: q.seed,
        seedSource: q.seedSource,
        inputs: loaded.inputs.filter((i) => ENTITY_ROLES.has(i.role)),
        replacement: { entity, reason: q.reason, candidates: run.candidates, selected: run.selected },
        team: run.team,
        prevRecordHash: lines.at(-1)?.recordHash ?? null,
      }, draw.algorithm);
    },
    (r, state): Promise<Companion[]> => witnessFiles(ws, r, draw, q.lang, state.head),
    'replacement',
  );
  const { replacements } = changesInLedger(ws, readLedger(ws), draw.drawId);
  const now = drawInForce(draw, replacements);
  // The new entity's record sheet and notice (the draw stands whatever happens here; a failure is said).
  const sheets = await sheetsAfterRecord(ws, now, record.drawId, q.warn);
  const notices = await noticesAfterAmendment(ws, now, q.now, q.warn); // its own `documents` event
  return { record, text: textOf(bytes), head: notices.head ?? head, draw: now, sheets, notices: notices.written };
}

