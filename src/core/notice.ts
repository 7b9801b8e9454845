/**
 * 检查通知书 (one per selected entity) and 行政检查审批表 (one per draw) as
 * data. Pure: the shell gives the draw, its amendments, the year's earlier
 * draws and the contact line; render/notice-html.ts prints them.
 */
import { listedBasis } from './items.js';
import { authorityOf, taskNameOf, verificationCode } from './drawn-list.js';
import { planRowOf } from './record-sheet.js';
import { teamsInForce } from './team-in-force.js';
import type { AmendmentRecord, DrawRecord, ListedItem, PlanRow, SelectedEntity, TeamMember } from './types.js';

export interface NoticeItem {
  item: string;
  basis: string;
}

export interface NoticeModel {
  drawId: string;
  drawDate: string;
  /** 通知书编号: `<drawId>-<order>` (order zero-padded as the record sheets' file names). */
  number: string;
  taskName: string;
  document: string;
  authority: string;
  entity: SelectedEntity;
  code: string;
  items: NoticeItem[];
  method: string;
  window: string;
  team: TeamMember[];
  materials: string[];
  contact: string;
  /** How many draws of this calendar year, this one included, selected the entity. */
  timesThisYear: number;
  verification: string;
}

/** 检查事项 with 检查依据: one per department's 检查事项 (the plan row's item when none), the row's basis for each. */
export function noticeItems(row: PlanRow | null, list?: readonly ListedItem[]): NoticeItem[] {
  // The plan row's 抽查依据, else the item list's 检查依据 (ssj-draw/2 records keep it).
  const basis = row?.basis || listedBasis(list, row?.item ?? '');
  const items = row && row.checkItems.length ? row.checkItems : [row?.item ?? ''];
  const out: NoticeItem[] = [];
  for (const item of items) if (!out.some((o) => o.item === item)) out.push({ item, basis });
  return out;
}

/** 需准备的材料 split on ；;、 and line breaks. */
export const materialsOf = (row: PlanRow | null): string[] => (row?.materials ?? '').split(/[；;\n]+/).map((s) => s.trim()).filter((s) => s !== '');

/** Selections per entity key over `draws` (each draw counts once per entity). */
export function selectionCounts(draws: readonly DrawRecord[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const d of draws) for (const e of d.selected) n.set(e.key, (n.get(e.key) ?? 0) + 1);
  return n;
}

export interface NoticeInput {
  draw: DrawRecord;
  amendments: readonly AmendmentRecord[];
  /** The year's draws before this one (ledger order), for 本年度第 N 次. */
  earlier: readonly DrawRecord[];
  contact: string;
}

/** Every selected entity's notice, in draw order. */
export function noticeModels(input: NoticeInput): NoticeModel[] {
  const { draw } = input;
  const before = selectionCounts(input.earlier.filter((d) => d.drawDate.slice(0, 4) === draw.drawDate.slice(0, 4) && d.drawId !== draw.drawId));
  const width = Math.max(2, String(draw.selected.length).length);
  const teams = teamsInForce(draw, input.amendments);
  return [...draw.selected]
    .sort((a, b) => a.order - b.order)
    .map((e) => {
      const row = planRowOf(draw, e);
      return {
        drawId: draw.drawId,
        drawDate: draw.drawDate,
        number: `${draw.drawId}-${String(e.order).padStart(width, '0')}`,
        taskName: taskNameOf(draw),
        document: draw.plan.document,
        authority: authorityOf(row),
        entity: e,
        code: e.uscc || e.ybbm || e.key,
        items: noticeItems(row, draw.itemList),
        method: row?.method ?? '',
        window: row?.window ?? '',
        team: teams.get(e.key)?.members ?? [],
        materials: materialsOf(row),
        contact: input.contact,
        timesThisYear: (before.get(e.key) ?? 0) + 1,
        verification: verificationCode(draw.recordHash, e.key),
      };
    });
}

export interface ApprovalFormModel {
  drawId: string;
  drawDate: string;
  taskName: string;
  document: string;
  authority: string;
  items: NoticeItem[];
  methods: string[];
  windows: string[];
  entities: { order: number; name: string; code: string }[];
  /** Every inspector of the draw once, with how many entities they inspect. */
  inspectors: { member: TeamMember; entities: number }[];
  recordHash: string;
}

const unique = (xs: string[]) => [...new Set(xs.filter((x) => x !== ''))];

/** The 行政检查审批表 of a draw, pre-filled from the record (teams as now in force). */
export function approvalFormModel(draw: DrawRecord, amendments: readonly AmendmentRecord[]): ApprovalFormModel {
  const rows = draw.plan.rows;
  const items: NoticeItem[] = [];
  for (const r of rows) for (const i of noticeItems(r, draw.itemList)) if (!items.some((o) => o.item === i.item && o.basis === i.basis)) items.push(i);
  const inspectors = new Map<string, { member: TeamMember; entities: number }>();
  const ordered = [...draw.selected].sort((a, b) => a.order - b.order);
  const teams = teamsInForce(draw, amendments);
  for (const e of ordered) {
    for (const m of teams.get(e.key)?.members ?? []) {
      const seen = inspectors.get(m.key);
      if (seen) seen.entities += 1;
      else inspectors.set(m.key, { member: m, entities: 1 });
    }
  }
  return {
    drawId: draw.drawId,
    drawDate: draw.drawDate,
    taskName: taskNameOf(draw),
    document: draw.plan.document,
    authority: unique(rows.map((r) => authorityOf(r))).join('；'),
    items,
    methods: unique(rows.map((r) => r.method)),
    windows: unique(rows.map((r) => r.window ?? '')),
    entities: ordered.map((e) => ({ order: e.order, name: e.name, code: e.uscc || e.ybbm || e.key })),
    inspectors: [...inspectors.values()],
    recordHash: draw.recordHash,
  };
}
