/** What substitution (递补) and replacement (补抽) share: the request's common part, the draw's changes in the ledger. */
import type { AmendmentRecord, LedgerLine, ReplacementRecord } from '../core/types.js';
import type { InputFiles } from '../io/inputs.js';
import { isAmendment, isReplacement, readRecord } from '../io/records.js';
import type { Workspace } from '../io/workspace.js';

/** A change to a draw asked for with a fresh witness seed. */
export interface AmendRequest {
  /** Normalised already (normKey). */
  entity: string;
  reason: string;
  /** Normalised already (step 1). */
  seed: string;
  seedSource: string;
  /** Registries given by flag (else the ones the record names, looked up as `recordedInputs` does). */
  files: InputFiles;
  now: Date;
  nowIso: string;
  lang: string;
  warn: (text: string) => void;
}
/** A draw's substitutions (递补) and replacements (补抽) as the ledger lists them in `lines`, each in ledger order. */
export function changesInLedger(ws: Workspace, lines: LedgerLine[], drawId: string): { amendments: AmendmentRecord[]; replacements: ReplacementRecord[] } {
  const records = lines.filter((l) => l.amends === drawId).map((l) => readRecord(ws, l.drawId));
  return {
    amendments: records.filter((r): r is AmendmentRecord => isAmendment(r) && r.amends === drawId),
    replacements: records.filter((r): r is ReplacementRecord => isReplacement(r) && r.amends === drawId),
  };
}
