/**
 * Non-cooperation (Laiyuan 第二十二条): an entity that twice refused or
 * obstructed an inspection is published with its name, the number of
 * refusals, their dates and circumstances. A refusal is a result with code
 * 6 (不配合检查情节严重) from any department, counted per entity key across
 * every draw. An entity is due for the notice when it has two or more and
 * has not yet been published with that many. Pure.
 */
import { maskPersonal } from './publish.js';
import { inertText as neutralise } from './text.js';
import type { DrawRecord, InspectionResult } from './types.js';

export const REFUSAL_CODE = 6;
export const REFUSALS_TO_PUBLISH = 2;

export interface Refusal {
  drawId: string;
  date: string;
  circumstances: string;
}

export interface NonCooperating {
  entity: string;
  name: string;
  code: string;
  refusals: Refusal[];
}

/** Every entity's refusals (code 6), oldest first, with its name and code from the draw that selected it. */
export function refusalsByEntity(results: readonly InspectionResult[], draws: readonly DrawRecord[]): Map<string, NonCooperating> {
  const selected = new Map(draws.flatMap((d) => d.selected.map((e) => [`${d.drawId}\u0000${e.key}`, e] as const)));
  const out = new Map<string, NonCooperating>();
  for (const r of results) {
    if (!r.departments.some((d) => d.codes.includes(REFUSAL_CODE))) continue;
    const e = selected.get(`${r.drawId}\u0000${r.entity}`);
    const entry = out.get(r.entity) ?? { entity: r.entity, name: e?.name ?? '', code: e ? e.uscc || e.ybbm || e.key : r.entity, refusals: [] };
    const text = [r.handling, r.remarks].filter((s) => s !== '').join('；');
    entry.refusals.push({ drawId: r.drawId, date: r.inspectionDate, circumstances: maskPersonal(text, e?.legalRepresentative ? [e.legalRepresentative] : []) });
    out.set(r.entity, entry);
  }
  for (const e of out.values()) e.refusals.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** Entities with at least two refusals not yet published with that many (`published`: entity → count published). */
export function dueForNotice(refusals: ReadonlyMap<string, NonCooperating>, published: ReadonlyMap<string, number>): NonCooperating[] {
  return [...refusals.values()]
    .filter((e) => e.refusals.length >= REFUSALS_TO_PUBLISH && e.refusals.length > (published.get(e.entity) ?? 0))
    .sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
}

export const NON_COOPERATION_COLUMNS = ['序号', '单位名称', '统一社会信用代码/医保编码', '不配合检查次数', '时间', '情形', '公示日期'] as const;

/** The notice's CSV rows (allow-listed, formulas neutralised). */
export function nonCooperationRows(entries: readonly NonCooperating[], today: string): string[][] {
  return entries.map((e, i) => [
    String(i + 1),
    e.name,
    e.code,
    String(e.refusals.length),
    e.refusals.map((r) => r.date).join('、'),
    e.refusals.map((r) => `${r.date}：${r.circumstances || '不配合检查情节严重'}`).join('；'),
    today,
  ].map(neutralise));
}
