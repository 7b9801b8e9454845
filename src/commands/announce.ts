/**
 * ssj announce: freeze the inputs before the seed exists. Writes
 * draws/<id>-announcement.json (plan, inputs with content hashes, strata,
 * its own hash), draws/<id>-announcement-entities.jsonl (each entity's
 * probability n/N, named with its SHA-256 in the announcement) and a
 * printable sheet; the id is the id the draw will take.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Handler } from '../cli.js';
import { TOOL_VERSION } from '../version.js';
import { buildAnnouncement } from '../core/announce.js';
import { planStrata } from '../core/draw.js';
import { planStrata2 } from '../core/draw2.js';
import { IoError } from '../errors.js';
import { t } from '../i18n/index.js';
import { fileProgress } from '../render/progress.js';
import { priorDraws } from '../app/prior-draws.js';
import { withDocument } from '../app/draw-inputs.js';
import { hashedSnapshot, makeSnapshot } from '../app/snapshot.js';
import { loadInputs } from '../io/inputs.js';
import { refuseOnErrors } from '../app/refuse.js';
import { nextDrawId, recordPath } from '../io/records.js';
import { appendEvent, shortHead, withHead } from '../app/ledger.js';
import { voidedDraws } from '../core/events.js';
import { openWorkspace } from '../io/workspace.js';
import { announcementHtml } from '../render/announcement.js';
import { checkedId, inputFiles } from './common/flags.js';

export const run: Handler<'announce'> = async (ctx, _args, opts) => {
  const ws = openWorkspace(ctx.workspace);
  const wanted = checkedId(opts.id);
  const loaded = await loadInputs(inputFiles(opts), { plan: true, entities: true, inspectors: true, drawDate: ctx.today }, fileProgress(ctx));
  refuseOnErrors(loaded.issues, ctx.err);
  const { plan, inputs } = withDocument(loaded, opts.document);
  const files = inputFiles(opts);
  // One `announcement` event lists the announcement, its sheet and its snapshot (with their SHA-256) in the ledger.
  const done = await appendEvent(ws, ctx.now, async (state) => {
    const id = wanted ?? nextDrawId(ws, ctx.today);
    const json = path.join(ws.draws, `${id}-announcement.json`);
    const html = path.join(ws.draws, `${id}-announcement.html`);
    for (const f of [json, recordPath(ws, id)]) if (fs.existsSync(f)) throw new IoError('drawcmd.announcementIdTaken', { id, file: f });
    const prior = priorDraws(ws, state.records, ctx.today, voidedDraws(state.lines));
    const input = { plan, entities: loaded.entities, inspectors: loaded.inspectors, conflicts: loaded.conflicts, prior, drawDate: ctx.today };
    const strata = loaded.algorithm === 'ssj-draw/2' ? planStrata2({ ...input, priorInspections: loaded.priorInspections }) : planStrata(input);
    // The inputs as validated, for `draw --announcement` to use when the files are unchanged (app/snapshot.ts).
    // ssj-draw/2 inputs (item list, prior inspections) are not in the snapshot: a /2 draw reads its files.
    const snap = loaded.algorithm === 'ssj-draw/1' ? makeSnapshot(id, ctx.today, files, loaded) : null;
    const snapshot = snap ? await hashedSnapshot(snap) : undefined;
    const built = buildAnnouncement(
      { tool: TOOL_VERSION, drawId: id, createdAt: ctx.nowIso, announceDate: ctx.today, plan, inputs, ...(snapshot ? { snapshot } : {}) },
      strata,
      loaded.entities,
      loaded.algorithm,
    );
    const ann = built.announcement;
    const snapFile = snap ? path.join(ws.draws, snap.ref.file) : null;
    return {
      event: {
        kind: 'announcement',
        drawId: id,
        write: [
          ...(snap && snapFile ? [{ path: snapFile, data: snap.data }] : []),
          { path: path.join(ws.draws, built.list.file), data: built.list.data, exclusive: true },
          { path: html, data: announcementHtml(ann, built.entities, ctx.lang) },
          { path: json, data: JSON.stringify(ann, null, 2) + '\n', exclusive: true },
        ],
        payload: { announcementHash: ann.announcementHash },
      },
      value: { ann, json, html, snapshot: snapFile },
    };
  });
  const a = done.value;
  if (ctx.json) {
    ctx.out(withHead(JSON.stringify(a.ann, null, 2) + '\n', done.head).trimEnd());
    return 0;
  }
  for (const s of a.ann.strata) {
    ctx.out(t('drawcmd.stratum', { number: s.number, label: s.label, population: s.population, eligible: s.eligible, size: s.size }) + t('drawcmd.probabilitySuffix', { p: s.probability }));
  }
  ctx.out(t('drawcmd.announced', { id: a.ann.drawId, hash: a.ann.announcementHash, file: a.json }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.announcement'), file: a.json }));
  ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.announcementSheet'), file: a.html }));
  if (a.snapshot) ctx.out(t('drawcmd.wrote', { what: t('drawcmd.out.snapshot'), file: a.snapshot }));
  ctx.out(t('ledger.head', { head: shortHead(done.head) }));
  return 0;
};
