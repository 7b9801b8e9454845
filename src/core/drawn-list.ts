/**
 * 抽取结果公示 — the drawn list made public right after the draw (Laiyuan
 * 第四条, Puyang 第五条: 抽取结果 is public). One row per selected entity,
 * from an explicit allow-list of fields (never a copy of the record): the
 * task, its type and items, the scope and counts of the stratum, the
 * inspection window, the authority, the entity's name and code, its
 * verification code, and the seed and hashes anyone needs to run
 * `ssj verify`. No person appears: not the legal representative, not the
 * team. Pure.
 */
import { sha256Hex } from './hash.js';
import { inertText } from './text.js';
import { planRowOf } from './record-sheet.js';
import { isExtraGroup } from './staff.js';
import type { DrawRecord, PlanRow, SelectedEntity, Stratum } from './types.js';

/**
 * The verification code (核验码) of one selected entity: the first 8 hex
 * digits, upper-case, of SHA-256 over `ssj-verify/1`, the record hash and
 * the entity key joined by `|`, written `XXXX-XXXX` (docs/RECORDS.md). It is
 * printed on the entity's 检查通知书 and in the drawn-list publication: the
 * entity compares the two to know the visiting team was really drawn.
 */
export function verificationCode(recordHash: string, entityKey: string): string {
  const hex = sha256Hex(`ssj-verify/1|${recordHash}|${entityKey}`).slice(0, 8).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}

/** The published columns, in order. */
export const DRAWN_LIST_COLUMNS = [
  '序号',
  '抽查任务编号',
  '抽查任务名称',
  '抽查类型',
  '抽查事项',
  '抽查对象范围',
  '对象总数',
  '可抽数量',
  '抽取数量',
  '检查期限',
  '检查机关',
  '检查对象名称',
  '统一社会信用代码/医保编码',
  '核验码',
  '随机种子',
  '公告哈希',
  '记录哈希',
] as const;

/** 定向 when the plan row filters its population (定向条件), else 不定向. */
export const drawTypeOf = (row: PlanRow | null): '定向' | '不定向' => (row && row.filter.length > 0 ? '定向' : '不定向');

/** 抽查对象范围: the object type, the directed conditions, the credit class of the stratum. */
export function scopeOf(row: PlanRow | null, stratum: Stratum | undefined): string {
  const parts: string[] = [];
  for (const f of row?.filter ?? []) parts.push(`${f.field}：${f.values.join('、')}`);
  if (stratum?.credit) parts.push(`信用等级${stratum.credit}`);
  const type = stratum?.objectType ?? row?.objectType ?? '';
  return parts.length ? `${type}（${parts.join('；')}）` : type;
}

/**
 * 检查机关: the plan row's 抽查主体 and the other departments of a joint team, none named twice; without a
 * 抽查主体, the first team group's department stands for it. 专家 and 辅助人员 seats are not an authority.
 */
export function authorityOf(row: PlanRow | null): string {
  const subject = row?.subject ?? '';
  const groups = (row?.teamGroups ?? []).slice(subject === '' ? 0 : 1).filter((g) => !isExtraGroup(g));
  const parts = [subject, ...groups.map((g) => g.department)];
  const out: string[] = [];
  for (const p of parts) if (p !== '' && !out.some((q) => q.includes(p))) out.push(p);
  return out.join('、');
}

/** 抽查任务名称: the plan's title, else the 实施文件. */
export const taskNameOf = (draw: DrawRecord): string => draw.plan.title || draw.plan.document || draw.drawId;

/** One published row, as data (the CSV and the HTML page both render it). */
export interface DrawnListEntry {
  order: number;
  drawType: '定向' | '不定向';
  item: string;
  scope: string;
  population: number;
  eligible: number;
  size: number;
  window: string;
  authority: string;
  name: string;
  code: string;
  verification: string;
}

export interface DrawnList {
  drawId: string;
  drawDate: string;
  taskName: string;
  document: string;
  seed: string;
  announcementHash: string;
  recordHash: string;
  entries: DrawnListEntry[];
}

function entryOf(draw: DrawRecord, e: SelectedEntity): DrawnListEntry {
  const row = planRowOf(draw, e);
  const stratum = draw.strata.find((s) => s.number === e.stratum);
  return {
    order: e.order,
    drawType: drawTypeOf(row),
    item: row?.item ?? '',
    scope: scopeOf(row, stratum),
    population: stratum?.population ?? 0,
    eligible: stratum?.eligible ?? 0,
    size: stratum?.size ?? 0,
    window: row?.window ?? '',
    authority: authorityOf(row),
    name: e.name,
    code: e.uscc || e.ybbm || e.key,
    verification: e.key === '' ? '' : verificationCode(draw.recordHash, e.key), // a 参保人 count line has no code
  };
}

/** The drawn list of a draw, in draw order. */
export function drawnList(draw: DrawRecord): DrawnList {
  return {
    drawId: draw.drawId,
    drawDate: draw.drawDate,
    taskName: taskNameOf(draw),
    document: draw.plan.document,
    seed: draw.seed,
    announcementHash: draw.announcementHash ?? '',
    recordHash: draw.recordHash,
    entries: [...draw.selected].sort((a, b) => a.order - b.order).map((e) => entryOf(draw, e)),
  };
}

/** The CSV table: header and rows, every cell neutralised (a spreadsheet takes no cell for a formula). */
export function drawnListTable(list: DrawnList): { header: string[]; rows: string[][] } {
  const rows = list.entries.map((e) => [
    String(e.order), list.drawId, list.taskName, e.drawType, e.item, e.scope, String(e.population), String(e.eligible), String(e.size),
    e.window, e.authority, e.name, e.code, e.verification, list.seed, list.announcementHash, list.recordHash,
  ].map(inertText));
  return { header: [...DRAWN_LIST_COLUMNS], rows };
}
