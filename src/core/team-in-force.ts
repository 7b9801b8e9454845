/**
 * The team in force for a drawn entity: the last substitution (递补) of that
 * draw for the entity, else the draw's own team. One rule for every reader:
 * substitution, record sheets, notices, publication, verify. Given a draw in
 * force (core/replace.ts drawInForce), an entity replaced away (补抽) has no
 * team: its team went on under the new entity's key.
 */
import type { AmendmentRecord, DrawRecord, Team } from './types.js';

/** Every entity's team in force, by entity key in draw order, built once (a find per entity is quadratic on a 40,000-entity draw). */
export function teamsInForce(draw: DrawRecord, amendments: readonly AmendmentRecord[]): Map<string, Team> {
  const out = new Map<string, Team>(draw.teams.map((t) => [t.entity, t]));
  for (const a of amendments) if (a.amends === draw.drawId && out.has(a.substitution.entity)) out.set(a.substitution.entity, a.team);
  return out;
}

/** One entity's team in force (undefined when the draw did not select it); amendments of other draws are ignored. */
export function teamInForce(draw: DrawRecord, amendments: readonly AmendmentRecord[], entity: string): Team | undefined {
  if (!draw.teams.some((t) => t.entity === entity)) return undefined;
  const last = amendments.findLast((a) => a.amends === draw.drawId && a.substitution.entity === entity);
  return last ? last.team : draw.teams.find((t) => t.entity === entity);
}
