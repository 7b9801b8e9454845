/** What the ledger says about earlier acts: the year's draws (for the yearly limit and 抽查频次), a draw's amendments. */
import type { PriorDraw } from '../core/draw.js';
import type { AmendmentRecord, DrawRecord, LedgerLine } from '../core/types.js';
import { isAmendment, isDraw, isReplacement, readRecord } from '../io/records.js';
import type { Workspace } from '../io/workspace.js';

/** The draws in `lines` (not amendments) dated in the calendar year of `date`. */
export function yearDraws(ws: Workspace, lines: LedgerLine[], date: string, voided: ReadonlySet<string> = new Set()): DrawRecord[] {
  const year = date.slice(0, 4);
  const out: DrawRecord[] = [];
  for (const line of lines) {
    if (line.amends !== undefined || voided.has(line.drawId)) continue; // a voided draw (作废) counts for nothing
    const r = readRecord(ws, line.drawId);
    if (isDraw(r) && r.drawDate.slice(0, 4) === year) out.push(r);
  }
  return out;
}

/**
 * Prior draws of the same calendar year as `date`, for the yearly limit: substitutions add no entities; a
 * replacement (补抽) listed in `lines` adds its entity to its draw's (the replaced one stays: it was selected too).
 */
export function priorDraws(ws: Workspace, lines: LedgerLine[], date: string, voided: ReadonlySet<string> = new Set()): PriorDraw[] {
  const extra = new Map<string, string[]>();
  for (const line of lines) {
    if (line.amends === undefined || voided.has(line.amends)) continue;
    const r = readRecord(ws, line.drawId);
    if (isReplacement(r)) extra.set(r.amends, [...(extra.get(r.amends) ?? []), r.replacement.selected.key]);
  }
  return yearDraws(ws, lines, date, voided).map((r) => ({ drawId: r.drawId, drawDate: r.drawDate, selected: [...r.selected.map((s) => s.key), ...(extra.get(r.drawId) ?? [])] }));
}

/** The amendments of a draw as the ledger lists them now, in ledger order. */
export function amendmentsInLedger(ws: Workspace, lines: LedgerLine[], drawId: string): AmendmentRecord[] {
  return lines.filter((l) => l.amends === drawId).map((l) => readRecord(ws, l.drawId)).filter((r): r is AmendmentRecord => isAmendment(r) && r.amends === drawId);
}
