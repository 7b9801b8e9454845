/** A draw with its 补抽 (replacements) applied, apart from replace.ts so that reading the records loads none of the drawing code (start-up, issue #20). */
import type { DrawRecord, ReplacementRecord } from './types.js';

/** The draw as it stands after its replacements: each replaced entity's place and team taken by its replacement. */
export function drawInForce(draw: DrawRecord, replacements: readonly ReplacementRecord[]): DrawRecord {
  const mine = replacements.filter((r) => r.amends === draw.drawId);
  if (mine.length === 0) return draw;
  let selected = draw.selected;
  let teams = draw.teams;
  let strata = draw.strata;
  for (const r of mine) {
    const old = r.replacement.entity;
    const next = r.replacement.selected;
    selected = selected.map((s) => (s.key === old ? next : s));
    teams = teams.map((tm) => (tm.entity === old ? r.team : tm)); // the team in force when replaced, under the new key
    strata = strata.map((st) => (st.number === next.stratum ? { ...st, selected: st.selected.map((k) => (k === old ? next.key : k)) } : st));
  }
  return { ...draw, selected, teams, strata };
}
