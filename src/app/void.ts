/**
 * ssj void (作废): a draw withdrawn, as one `void` event with its own
 * one-page witness sheet (draws/<id>-void.html). From then on status, report,
 * publish and the yearly cap leave the draw out, and its plan rows may be
 * drawn again in the period. A void after results exist needs `force` and
 * the event names the results it hides.
 */
import path from 'node:path';
import type { PrintDoc } from '../core/print-doc.js';
import { voidedDraws } from '../core/events.js';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import { drawFromFlag } from '../io/records.js';
import { loadResults } from '../io/results-store.js';
import type { Workspace } from '../io/workspace.js';
import { docHtml } from '../render/witness.js';
import { appendEvent } from './ledger.js';

export interface VoidRequest {
  drawId: string;
  reason: string;
  force: boolean;
  now: Date;
  nowIso: string;
  lang: string;
}

export interface VoidDone {
  drawId: string;
  sheet: string;
  hidden: string[];
  head: string;
}

const w = (k: string, p: Record<string, string | number> = {}) => t(`ledger.void.w.${k}` as 'ledger.void.w.title', p);

/** The one-page void sheet; `head`: the ledger head before the void's event (first 16 hex), as on every witness sheet. */
function voidSheet(drawId: string, drawDate: string, reason: string, at: string, hidden: string[], head: string | null): PrintDoc {
  return {
    title: w('title'),
    meta: [
      [w('drawId'), drawId],
      [w('drawDate'), drawDate],
      [w('reason'), reason],
      [w('at'), at],
      ...(hidden.length ? ([[w('hidden'), hidden.join('、')]] as [string, string][]) : []),
      [t('drawcmd.w.ledgerHead'), head ? head.slice(0, 16) : t('drawcmd.w.ledgerEmpty')],
    ],
    tables: [],
    signatures: [w('sign1'), w('sign2'), w('sign3'), w('signDate')],
    footer: w('footer', { id: drawId }),
  };
}

export async function voidDraw(ws: Workspace, q: VoidRequest): Promise<VoidDone> {
  const draw = drawFromFlag(ws, q.drawId);
  const done = await appendEvent(ws, q.now, (state) => {
    if (voidedDraws(state.lines).has(draw.drawId)) throw new InputError('ledger.void.already', { id: draw.drawId });
    const hidden = loadResults(ws).filter((r) => r.drawId === draw.drawId).map((r) => r.entity).sort();
    if (hidden.length && !q.force) throw new InputError('ledger.void.hasResults', { id: draw.drawId, count: hidden.length, entities: hidden.join('、') });
    const sheet = path.join(ws.draws, `${draw.drawId}-void.html`);
    return {
      value: { sheet, hidden },
      event: {
        kind: 'void',
        drawId: draw.drawId,
        write: [{ path: sheet, data: docHtml(voidSheet(draw.drawId, draw.drawDate, q.reason, q.nowIso, hidden, state.head), q.lang), exclusive: true }],
        payload: { reason: q.reason, ...(q.force ? { force: true } : {}), ...(hidden.length ? { hidden } : {}) },
      },
    };
  });
  return { drawId: draw.drawId, sheet: done.value.sheet, hidden: done.value.hidden, head: done.head };
}
