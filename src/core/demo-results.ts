/**
 * The demo month's inspection results, made from a draw record so they always
 * match what was drawn: one results-table row per selected entity, with
 * plausible Wugang codes (mostly 1/9, some 5 and one 8), inspection dates
 * after the draw and within its month, and a publication date. Deterministic:
 * every choice comes from a hash of the draw id and the entity key. Pure.
 * Used by `ssj demo` (when the examples' results do not match the draw) and
 * by examples/make-examples.mjs (which writes examples/results-2024-06.xlsx).
 */
import { sha256Hex } from './hash.js';
import type { DrawRecord, PlanRow, SelectedEntity } from './types.js';

/** Results-table headers, as the results schema reads them. */
export const DEMO_RESULT_HEADERS = ['抽取编号', '统一社会信用代码', '名称', '检查日期', '检查结果', '处理情况', '公示日期', '公示网站', '备注'] as const;

export const DEMO_SITE = '宛丰县人民政府网（信息公开专栏）';

const HANDLING = new Map<number, string>([
  [1, '无'],
  [9, '无'],
  [5, '已当场责令整改，限期7日内提交整改报告'],
  [8, '移交医疗保障稽核中心进一步核查'],
]);

/** A stable number in [0, 1) for (draw, entity, purpose). */
function unit(drawId: string, key: string, purpose: string): number {
  return parseInt(sha256Hex(`${drawId}|${key}|${purpose}`).slice(0, 8), 16) / 0x100000000;
}

function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return t.toISOString().slice(0, 10);
}

/** The last day of the draw's month. */
function monthEnd(ymd: string): string {
  const [y, m] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
}

function planRowOf(draw: DrawRecord, e: SelectedEntity): PlanRow | undefined {
  const stratum = draw.strata.find((s) => s.number === e.stratum);
  return draw.plan.rows.find((r) => r.no === stratum?.planRow);
}

/** The entity's overall code: mostly no problem, a few found-and-fixed, one pending. */
function mainCode(draw: DrawRecord, e: SelectedEntity, index: number): number {
  if (index === 2) return 8;
  const u = unit(draw.drawId, e.key, 'code');
  return u < 0.2 ? 5 : e.objectType === '定点零售药店' ? 9 : 1;
}

function codesText(row: PlanRow | undefined, code: number): string {
  const departments = (row?.teamGroups ?? []).map((g) => g.department).filter((d) => d !== '');
  if (departments.length < 2) return String(code);
  // The second department (market supervision) checks drug quality: 9 合格 unless the main finding is its own.
  return departments.map((d, i) => `${d}:${i === 0 ? code : code === 5 ? 5 : 9}`).join('；');
}

/** One results-table row (cells in DEMO_RESULT_HEADERS order) per selected entity, in draw order. */
export function demoResultRows(draw: DrawRecord): string[][] {
  const last = monthEnd(draw.drawDate);
  const cap = addDays(last, -4);
  return draw.selected.map((e, i) => {
    let date = addDays(draw.drawDate, 1 + Math.floor(i / 2));
    if (date > cap) date = cap < draw.drawDate ? draw.drawDate : cap;
    const code = mainCode(draw, e, i);
    const published = code === 8 ? '' : addDays(cap, 2);
    return [
      draw.drawId,
      e.key,
      e.name,
      date,
      codesText(planRowOf(draw, e), code),
      HANDLING.get(code) ?? '无',
      published,
      published ? DEMO_SITE : '',
      code === 8 ? '待核查结论后公示' : '',
    ];
  });
}
