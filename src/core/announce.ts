/**
 * The announcement (抽取前公告), pure: the inputs, the plan and the strata
 * frozen before the seed exists, each entity's selection probability n/N as
 * an exact fraction, and the announcement's own hash. `ssj draw
 * --announcement` checks the draw's inputs and strata against it.
 */
import { canonicalJson, sha256Hex } from './hash.js';
import { inPopulation } from './plan-filter.js';
import type { Algorithm, Entity, InputRef, Plan, Stratum } from './types.js';
import { compareInputs, type Difference } from './verify.js';

export const ANNOUNCEMENT_FORMAT = 'ssj-announcement/1' as const;

export type AnnouncedStratum = Omit<Stratum, 'selected'> & { probability: string };

export interface EntityProbability {
  key: string;
  stratum: number;
  /** `n/N` over the eligible, exact; "0" when excluded (with the reason). */
  probability: string;
  excluded?: string;
}

/** The announcement's snapshot of its validated inputs (issue #20): a file beside it, by base name, its SHA-256 and size. */
export interface SnapshotRef {
  file: string;
  sha256: string;
  bytes: number;
}

export interface Announcement {
  format: typeof ANNOUNCEMENT_FORMAT;
  algorithm: Algorithm;
  tool: string;
  drawId: string;
  createdAt: string;
  announceDate: string;
  plan: Plan;
  inputs: InputRef[];
  /** Absent in announcements made before snapshots, or when none could be made. */
  snapshot?: SnapshotRef;
  strata: AnnouncedStratum[];
  entities: EntityProbability[];
  announcementHash: string;
}

export type AnnouncementFields = Omit<Announcement, 'format' | 'algorithm' | 'strata' | 'entities' | 'announcementHash'>;

/** SHA-256 of the canonical JSON without `announcementHash`. */
export function announcementHashOf(a: object): string {
  const { announcementHash: _omit, ...rest } = a as Record<string, unknown>;
  return sha256Hex(canonicalJson(rest));
}

/** Each population member of each stratum (in stratum order, then key order) with its probability. */
export function entityProbabilities(plan: Plan, strata: Stratum[], entities: Entity[]): EntityProbability[] {
  const out: EntityProbability[] = [];
  const sorted = [...entities].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const s of strata) {
    const row = plan.rows.find((r) => r.no === s.planRow);
    if (!row) continue;
    const excluded = new Map(s.excluded.map((e) => [e.key, e.reason]));
    const p = s.eligible === 0 ? '0' : `${s.size}/${s.eligible}`;
    for (const e of sorted) {
      if (!inPopulation(e, row, s.credit)) continue;
      const reason = excluded.get(e.key);
      out.push(reason ? { key: e.key, stratum: s.number, probability: '0', excluded: reason } : { key: e.key, stratum: s.number, probability: p });
    }
  }
  return out;
}

export function buildAnnouncement(fields: AnnouncementFields, strata: Stratum[], entities: Entity[], algorithm: Algorithm = 'ssj-draw/1'): Announcement {
  const base: Omit<Announcement, 'announcementHash'> = {
    format: ANNOUNCEMENT_FORMAT,
    algorithm,
    ...fields,
    strata: strata.map(({ selected: _none, ...s }) => ({ ...s, probability: s.eligible === 0 ? '0' : `${s.size}/${s.eligible}` })),
    // 参保人 are not listed by key: the announcement is published (ssj-draw/2, D2-9); their stratum's counts are.
    entities: entityProbabilities(fields.plan, strata, entities).filter((p) => strata[p.stratum - 1]?.objectType !== '参保人'),
  };
  return { ...base, announcementHash: announcementHashOf(base) };
}

/** Whether a parsed value is an intact announcement (format and hash). */
export function isIntactAnnouncement(value: unknown): value is Announcement {
  if (!value || typeof value !== 'object') return false;
  const a = value as Partial<Announcement>;
  return a.format === ANNOUNCEMENT_FORMAT && typeof a.announcementHash === 'string' && announcementHashOf(a) === a.announcementHash;
}

/** The draw's inputs and strata against the announced ones: every content hash, population, eligible count and size. */
export function checkAgainstAnnouncement(a: Announcement, inputs: InputRef[], strata: Stratum[]): Difference[] {
  const out = compareInputs(a.inputs, inputs);
  if (a.strata.length !== strata.length) out.push({ field: 'strata.length', expected: a.strata.length, found: strata.length });
  for (let i = 0; i < Math.min(a.strata.length, strata.length); i += 1) {
    for (const f of ['label', 'population', 'eligible', 'size'] as const) {
      if (a.strata[i][f] !== strata[i][f]) out.push({ field: f, stratum: a.strata[i].number, expected: a.strata[i][f], found: strata[i][f] });
    }
  }
  return out;
}
