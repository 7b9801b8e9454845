/**
 * 参保人 privacy (ssj-draw/2 decision D2-9; Puyang 第十五条 个人隐私): outside
 * the record a 参保人 is shown only by a masked key — the first 3 and last 4
 * characters kept, the rest `*` — and never by name; the drawn-list
 * publication gives their numbers only. Pure.
 */
import type { AmendmentRecord, DrawRecord, SelectedEntity } from './types.js';

export function maskKey(key: string): string {
  if (key.length >= 8) return key.slice(0, 3) + '*'.repeat(key.length - 7) + key.slice(-4);
  return '*'.repeat(Math.max(0, key.length - 2)) + key.slice(-2);
}

export const isInsured = (s: Pick<SelectedEntity, 'objectType'>): boolean => s.objectType === '参保人';

/** The record as shown on screen and on the witness sheet: 参保人 by masked key, without name. The record itself is unchanged. */
export function maskedRecord(r: DrawRecord): DrawRecord {
  const strata = new Set(r.strata.filter((s) => s.objectType === '参保人').map((s) => s.number));
  if (strata.size === 0) return r;
  const insured = new Set(r.selected.filter(isInsured).map((s) => s.key));
  const m = (k: string) => (insured.has(k) ? maskKey(k) : k);
  return {
    ...r,
    strata: r.strata.map((s) => (strata.has(s.number) ? { ...s, selected: s.selected.map(maskKey), excluded: s.excluded.map((e) => ({ ...e, key: maskKey(e.key) })) } : s)),
    selected: r.selected.map((s) => (isInsured(s) ? { ...s, key: maskKey(s.key), name: '' } : s)),
    teams: r.teams.map((tm) => ({ ...tm, entity: m(tm.entity) })),
  };
}

/** A substitution as shown outside the record, with its draw masked alike. */
export function maskedAmendment(a: AmendmentRecord, draw: DrawRecord): { amendment: AmendmentRecord; draw: DrawRecord } {
  const sel = draw.selected.find((s) => s.key === a.substitution.entity);
  if (!sel || !isInsured(sel)) return { amendment: a, draw };
  const k = maskKey(a.substitution.entity);
  return { amendment: { ...a, substitution: { ...a.substitution, entity: k }, team: { ...a.team, entity: k } }, draw: maskedRecord(draw) };
}

/**
 * The draw as the drawn-list publication sees it: each 参保人 stratum's
 * selections become one line giving their number only (no name, no code).
 */
export function countsOnlyRecord(r: DrawRecord): DrawRecord {
  if (!r.selected.some(isInsured)) return r;
  const out: SelectedEntity[] = [];
  const done = new Set<number>();
  for (const s of r.selected) {
    if (!isInsured(s)) out.push(s);
    else if (!done.has(s.stratum)) {
      done.add(s.stratum);
      const n = r.selected.filter((x) => x.stratum === s.stratum).length;
      out.push({ ...s, key: '', name: `参保人${n}名（个人信息不公开）`, region: '', uscc: '', ybbm: '', address: '', legalRepresentative: '' });
    }
  }
  const strata = r.strata.map((s) => (s.objectType === '参保人' ? { ...s, selected: [], excluded: [] } : s));
  return { ...r, strata, selected: out, teams: r.teams.filter((tm) => out.some((s) => s.key === tm.entity)) };
}
