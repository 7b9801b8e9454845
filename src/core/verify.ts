/**
 * Verification, pure: a recorded draw compared with its re-run, field by
 * field, and the ledger's hash chain. Every difference names where it is
 * (stratum, position, ledger line) and what was expected and found.
 */
import { recordHash } from './hash.js';
import type { AmendmentRecord, InputRef, InspectorExclusion, LedgerLine, LedgerRecord, SelectedEntity, Stratum, Team, TeamMember, ReplacementRecord } from './types.js';

export type Scalar = string | number | boolean | null;

export interface Difference {
  field: string;
  stratum?: number;
  position?: number;
  entity?: string;
  drawId?: string;
  line?: number;
  /** A workspace file (workspace-relative path) the difference is about. */
  file?: string;
  expected: Scalar;
  found: Scalar;
}

const diff = (field: string, expected: Scalar, found: Scalar, where: Omit<Difference, 'field' | 'expected' | 'found'> = {}): Difference => ({
  field,
  ...where,
  expected,
  found,
});

/** The stored hash against the hash recomputed from the record's canonical JSON. */
export function checkRecordHash(record: LedgerRecord): Difference[] {
  const found = recordHash(record);
  return found === record.recordHash ? [] : [diff('recordHash', record.recordHash ?? null, found, { drawId: record.drawId })];
}

/** Per role, the recorded content hashes against those of the files given now (file names and row order do not matter). */
export function compareInputs(recorded: InputRef[], current: InputRef[], roles?: ReadonlySet<string>): Difference[] {
  const byRole = (refs: InputRef[]) => {
    const m = new Map<string, string[]>();
    for (const r of refs) m.set(r.role, [...(m.get(r.role) ?? []), r.contentSha256]);
    return m;
  };
  const a = byRole(recorded);
  const b = byRole(current);
  const out: Difference[] = [];
  for (const role of new Set([...a.keys(), ...b.keys()])) {
    if (roles && !roles.has(role)) continue;
    const x = (a.get(role) ?? []).sort().join(',');
    const y = (b.get(role) ?? []).sort().join(',');
    if (x !== y) out.push(diff(`inputs.${role}.contentSha256`, x || null, y || null));
  }
  return out;
}

function compareExclusions(s: number, rec: Stratum['excluded'], run: Stratum['excluded']): Difference[] {
  // ssj-draw/2 adds the prior inspections counted (absent in /1 records: the same text as before).
  const text = (e: Stratum['excluded'][number]) => `${e.reason}:${[...e.draws].sort().join('+')}${e.inspections ? `|${e.inspections.join('+')}` : ''}`;
  const a = new Map(rec.map((e) => [e.key, text(e)]));
  const b = new Map(run.map((e) => [e.key, text(e)]));
  const out: Difference[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (a.get(key) !== b.get(key)) out.push(diff('excluded', a.get(key) ?? null, b.get(key) ?? null, { stratum: s, entity: key }));
  }
  return out;
}

function compareOrder(field: string, rec: string[], run: string[], where: Omit<Difference, 'field' | 'expected' | 'found'>): Difference[] {
  const out: Difference[] = [];
  for (let i = 0; i < Math.max(rec.length, run.length); i += 1) {
    if (rec[i] !== run[i]) out.push(diff(field, rec[i] ?? null, run[i] ?? null, { ...where, position: i + 1 }));
  }
  return out;
}

/** Strata: population, eligible, size, exclusions with reasons, and the selection order. */
export function compareStrata(rec: Stratum[], run: Stratum[]): Difference[] {
  const out: Difference[] = [];
  if (rec.length !== run.length) out.push(diff('strata.length', rec.length, run.length));
  for (let i = 0; i < Math.min(rec.length, run.length); i += 1) {
    const a = rec[i];
    const b = run[i];
    const s = a.number;
    for (const f of ['label', 'population', 'eligible', 'size'] as const) {
      if (a[f] !== b[f]) out.push(diff(f, a[f], b[f], { stratum: s }));
    }
    out.push(...compareExclusions(s, a.excluded ?? [], b.excluded ?? []));
    out.push(...compareOrder('selected', a.selected ?? [], b.selected ?? [], { stratum: s }));
  }
  return out;
}

/**
 * The selected entities in draw order, with every field frozen from the
 * registry (the witness sheet, the record sheets and the 公示 print them: an
 * edited address or 法定代表人 must not pass as the draw's).
 */
export function compareSelected(rec: SelectedEntity[], run: SelectedEntity[]): Difference[] {
  const out: Difference[] = [];
  for (let i = 0; i < Math.max(rec.length, run.length); i += 1) {
    const a = rec[i];
    const b = run[i];
    if (!a || !b || a.key !== b.key) {
      out.push(diff('selected.key', a?.key ?? null, b?.key ?? null, { position: i + 1, stratum: a?.stratum ?? b?.stratum }));
      continue;
    }
    for (const f of ['stratum', 'order', 'objectType', 'name', 'region', 'uscc', 'ybbm', 'address', 'legalRepresentative'] as const) {
      if (a[f] !== b[f]) out.push(diff(`selected.${f}`, a[f], b[f], { position: i + 1, entity: a.key }));
    }
  }
  return out;
}

function compareMembers(field: string, entity: string, rec: TeamMember[], run: TeamMember[], position?: number): Difference[] {
  const out: Difference[] = [];
  const where = position === undefined ? { entity } : { entity, position };
  if (rec.length !== run.length) out.push(diff(`${field}.length`, rec.length, run.length, where));
  for (let m = 0; m < Math.min(rec.length, run.length); m += 1) {
    for (const f of ['key', 'name', 'unit', 'role', 'department'] as const) {
      if (rec[m][f] !== run[m][f]) out.push(diff(`${field}[${m + 1}].${f}`, rec[m][f], run[m][f], where));
    }
    if ((rec[m].category ?? null) !== (run[m].category ?? null)) out.push(diff(`${field}[${m + 1}].category`, rec[m].category ?? null, run[m].category ?? null, where));
  }
  return out;
}

/** Teams in draw order: the entity, then each member's key, name, unit, role (组长/组员) and department. */
export function compareTeams(rec: Team[], run: Team[]): Difference[] {
  const out: Difference[] = [];
  for (let i = 0; i < Math.max(rec.length, run.length); i += 1) {
    const a = rec[i];
    const b = run[i];
    if (!a || !b || a.entity !== b.entity) {
      out.push(diff('teams.entity', a?.entity ?? null, b?.entity ?? null, { position: i + 1 }));
      continue;
    }
    out.push(...compareMembers('teams.members', a.entity, a.members, b.members, i + 1));
  }
  return out;
}

/** An amendment against its re-run substitution. */
export function compareAmendment(rec: AmendmentRecord, run: { replacement: TeamMember; candidates: number; team: Team }): Difference[] {
  const where = { drawId: rec.drawId, entity: rec.substitution.entity };
  const out: Difference[] = [];
  if (rec.substitution.replacement.key !== run.replacement.key) {
    out.push(diff('substitution.replacement', rec.substitution.replacement.key, run.replacement.key, where));
  }
  if (rec.substitution.candidates !== run.candidates) out.push(diff('substitution.candidates', rec.substitution.candidates, run.candidates, where));
  out.push(...compareMembers('team.members', rec.substitution.entity, rec.team.members, run.team.members).map((d) => ({ ...d, drawId: rec.drawId })));
  return out;
}

/** A replacement (补抽) against its re-run: the new entity (key, stratum, order), m, the team. */
export function compareReplacement(rec: ReplacementRecord, run: { selected: SelectedEntity; candidates: number; team: Team }): Difference[] {
  const where = { drawId: rec.drawId, entity: rec.replacement.entity };
  const r = rec.replacement;
  const out: Difference[] = [];
  if (r.selected.key !== run.selected.key) out.push(diff('replacement.selected', r.selected.key, run.selected.key, where));
  if (r.selected.stratum !== run.selected.stratum) out.push(diff('replacement.stratum', r.selected.stratum, run.selected.stratum, where));
  if (r.selected.order !== run.selected.order) out.push(diff('replacement.order', r.selected.order, run.selected.order, where));
  if (r.candidates !== run.candidates) out.push(diff('replacement.candidates', r.candidates, run.candidates, where));
  out.push(...compareMembers('team.members', r.selected.key, rec.team.members, run.team.members).map((d) => ({ ...d, drawId: rec.drawId })));
  return out;
}

/** ssj-draw/2: the inspectors left out by licence dates and the marked codes, as recorded and as re-run. */
export function compareDraw2Lists(rec: { inspectorExclusions?: InspectorExclusion[]; markedCodes?: string[] }, run: { inspectorExclusions: InspectorExclusion[]; markedCodes: string[] }): Difference[] {
  const out: Difference[] = [];
  const show = (x: InspectorExclusion) => `${x.key}:${x.reason}:${x.date}`;
  const a = (rec.inspectorExclusions ?? []).map(show).join(',');
  const b = run.inspectorExclusions.map(show).join(',');
  if (a !== b) out.push(diff('inspectorExclusions', a || null, b || null));
  const c = (rec.markedCodes ?? []).join(',');
  const d = run.markedCodes.join(',');
  if (c !== d) out.push(diff('markedCodes', c || null, d || null));
  return out;
}

/** Tags every difference with the record it belongs to (for amendments listed under their draw). */
export const inRecord = (drawId: string, ds: Difference[]): Difference[] => ds.map((d) => ({ ...d, drawId: d.drawId ?? drawId }));

/** The inputs a substitution read that are not its draw's (a registry updated since, given by flag): it is re-run on those. */
export function ownInputs(draw: { inputs: InputRef[] }, a: { inputs: InputRef[] }): InputRef[] {
  return a.inputs.filter((i) => !draw.inputs.some((d) => d.role === i.role && d.fileSha256 === i.fileSha256));
}
