import type { replace as zh } from '../zh/replace.js';

export const replace: Record<keyof typeof zh, string> = {
  'replace.cmd': 'entity replacement: when a selected entity closed, left the scheme or cannot be inspected, draw another from the same stratum with a fresh witness seed (recorded in the ledger, with its own witness sheet)',
  'replace.opt.entity': 'the code of the entity to replace (one the draw selected)',
  'replace.opt.reason': 'why (closed, agreement ended, cannot be inspected…): in the record and on the sheet',
  'replace.opt.seed': 'a fresh seed the witnesses produced for this replacement (not one the draw, its substitutions or replacements used)',
  'replace.notSelected': 'Entity {entity} is not in the selection now in force of draw {id} (perhaps already replaced). Use a selected entity\'s code (witness sheet, or ssj status --draw {id}). Nothing was written.',
  'replace.noCandidate': 'Stratum "{stratum}" of draw {id} (population {population}) has no entity left to draw: the others are selected, excluded, or in conflict with / outside the area of a member of the team. Nothing was written.',
  'replace.hasResult': 'Entity {entity} (draw {id}) already has a result (inspected {date}, {file}): the inspection is done and cannot be replaced. Nothing was written. Correct the result and import it again; if the whole draw was wrong, ssj void --draw {id} --reason TEXT --force.',
  'replace.voided': 'Draw {id} was voided: no replacement. Nothing was written.',
  'replace.insured': 'Entity {entity} is an insured person (参保人): they are not replaced (their list is published by number only). Nothing was written.',
  'replace.seedReused': 'A replacement needs a fresh seed from the witnesses, not one draw {id}, its substitutions or replacements used. Nothing was written.',
  'replace.inputsChanged': '{role} differs from draw {id} (then {expected}, now {found}). A replacement is drawn from the same registry as the draw: give the files of the draw (--entities …). Nothing was written.',
  'replace.done': 'Replacement done: {id}  entity {entity} → {replacement} {name} (stratum {stratum}, {candidates} candidates)  record hash {hash}',
  'replace.sheetsNote': 'The new entity\'s record sheet and notice are written; the replaced entity\'s are void, do not use them.',
};
