/**
 * The announcement (抽取前公告), pure: the inputs, the plan and the strata
 * frozen before the seed exists, each entity's selection probability n/N as
 * an exact fraction, and the announcement's own hash. `ssj draw
 * --announcement` checks the draw's inputs and strata against it.
 *
 * Format /2 (issue 20) keeps the per-entity probabilities in a file of their
 * own beside it (`<id>-announcement-entities.jsonl`, one canonical JSON line
 * per entity), named in the announcement with its SHA-256, byte count and
 * line count: the announcement stays a few kilobytes whose hash is checked
 * at once, and the list (98 MB for a million entities) is checked by its
 * bytes, never parsed. Format /1 announcements (the list inline) are read and
 * checked as before.
 */
import { canonicalJson, sha256Hex } from './hash.js';
import { inPopulation } from './plan-filter.js';
import type { Algorithm, Entity, InputRef, Plan, Stratum } from './types.js';
import { compareInputs, type Difference } from './verify.js';

export const ANNOUNCEMENT_FORMAT = 'ssj-announcement/2' as const;
/** The first format: `entities` inline. Still read and verified. */
export const ANNOUNCEMENT_FORMAT_1 = 'ssj-announcement/1' as const;

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

/** Format /2: the per-entity probabilities' file beside the announcement, by base name, its SHA-256, size and line count. */
export interface EntityListRef {
  file: string;
  sha256: string;
  bytes: number;
  count: number;
}

export interface Announcement {
  format: typeof ANNOUNCEMENT_FORMAT | typeof ANNOUNCEMENT_FORMAT_1;
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
  /** Format /1 only: every entity's probability, inline. */
  entities?: EntityProbability[];
  /** Format /2 only: the file listing every entity's probability. */
  entityList?: EntityListRef;
  announcementHash: string;
}

export type AnnouncementFields = Omit<Announcement, 'format' | 'algorithm' | 'strata' | 'entities' | 'entityList' | 'announcementHash'>;

/** The entity list's file name beside the announcement. */
export const entityListName = (drawId: string) => `${drawId}-announcement-entities.jsonl`;

/**
 * The entity list's bytes: one line per entity, in the order of /1's `entities`, each the canonical JSON of
 * its entry (keys sorted: excluded, key, probability, stratum) and a line feed; UTF-8, no BOM.
 */
export function entityListText(list: EntityProbability[]): string {
  const lines = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as EntityProbability;
    // Built by hand (the same text as canonicalJson of the entry, tested): a million small objects through the generic path took seconds.
    lines[i] = `{${e.excluded !== undefined ? `"excluded":${JSON.stringify(e.excluded)},` : ''}"key":${JSON.stringify(e.key)},"probability":${JSON.stringify(e.probability)},"stratum":${JSON.stringify(e.stratum)}}\n`;
  }
  return lines.join('');
}

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

/** An announcement (format /2) and its entity list: the entries (for the printed sheet) and the file's bytes. */
export interface BuiltAnnouncement {
  announcement: Announcement;
  entities: EntityProbability[];
  list: { file: string; data: Uint8Array };
}

export function buildAnnouncement(fields: AnnouncementFields, strata: Stratum[], entities: Entity[], algorithm: Algorithm = 'ssj-draw/1'): BuiltAnnouncement {
  // 参保人 are not listed by key: the announcement is published (ssj-draw/2, D2-9); their stratum's counts are.
  const listed = entityProbabilities(fields.plan, strata, entities).filter((p) => strata[p.stratum - 1]?.objectType !== '参保人');
  const data = new TextEncoder().encode(entityListText(listed));
  const file = entityListName(fields.drawId);
  const base: Omit<Announcement, 'announcementHash'> = {
    format: ANNOUNCEMENT_FORMAT,
    algorithm,
    ...fields,
    strata: strata.map(({ selected: _none, ...s }) => ({ ...s, probability: s.eligible === 0 ? '0' : `${s.size}/${s.eligible}` })),
    entityList: { file, sha256: sha256Hex(data), bytes: data.length, count: listed.length },
  };
  return { announcement: { ...base, announcementHash: announcementHashOf(base) }, entities: listed, list: { file, data } };
}

/** A base name only: the entity list is looked for beside the announcement, never elsewhere. */
const isBaseName = (f: unknown): f is string => typeof f === 'string' && /^[^/\\.][^/\\]*$/.test(f) && f.length <= 200;

function isEntityListRef(v: unknown): v is EntityListRef {
  if (!v || typeof v !== 'object') return false;
  const r = v as Partial<EntityListRef>;
  return isBaseName(r.file) && typeof r.sha256 === 'string' && /^[0-9a-f]{64}$/.test(r.sha256) && Number.isSafeInteger(r.bytes) && Number.isSafeInteger(r.count);
}

/**
 * Whether a parsed value is an intact announcement (format and hash). A /2 one names its entity list
 * (whose bytes are checked apart: `entityListDiffers`); a /1 one carries the list inline.
 */
export function isIntactAnnouncement(value: unknown): value is Announcement {
  if (!value || typeof value !== 'object') return false;
  const a = value as Partial<Announcement>;
  if (a.format === ANNOUNCEMENT_FORMAT) {
    if (!isEntityListRef(a.entityList) || 'entities' in a) return false;
  } else if (a.format === ANNOUNCEMENT_FORMAT_1) {
    if (!Array.isArray(a.entities) || 'entityList' in a) return false;
  } else return false;
  return typeof a.announcementHash === 'string' && announcementHashOf(a) === a.announcementHash;
}

/** A /2 announcement's entity list against the SHA-256 and size of the file found (null: missing); none for /1. */
export function entityListDiffers(a: Announcement, found: { sha256: string; bytes: number } | null): Difference[] {
  const ref = a.entityList;
  if (!ref) return [];
  if (found && found.sha256 === ref.sha256 && found.bytes === ref.bytes) return [];
  return [{ field: 'entityList', expected: ref.sha256, found: found?.sha256 ?? null }];
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
