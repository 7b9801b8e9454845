/**
 * The item list (随机抽查事项清单, Puyang 附件1; ssj-draw/2): read and checked
 * like a registry, and the plan checked against it before any seed — "不得在
 * 清单之外设立或实施检查事项" (Puyang 第五条). Pure.
 */
import { fieldText } from './checks/index.js';
import { enumValue } from './checks/enums.js';
import { placeOf } from './issues.js';
import { issue } from './issue-codes.js';
import { headerKey } from './normalize.js';
import { planIssue, planRowSource } from './plan-row.js';
import type { Issue, ListedItem, Plan, Table } from './types.js';

export interface Item {
  item: string; // 抽查事项
  object: string; // 检查对象
  content: string; // 抽查内容
  category: string; // 重点 / 一般 / ""
  method: string;
  department: string; // 检查部门及实施层级
  basis: string; // 检查依据
}

const CATEGORY = (v: string): string | null => enumValue('category', headerKey(v).replace(/(检查)?事项$/, ''), ['重点', '一般']);

export function parseItemsTable(tb: Table): { items: Item[]; issues: Issue[] } {
  const issues: Issue[] = []; // the reader's own issues are the caller's to report
  const items: Item[] = [];
  const seen = new Map<string, number>();
  for (const row of tb.rows) {
    const f = (field: string) => fieldText(tb, row, field);
    const name = f('item');
    if (name === '') {
      issues.push(issue('missing-value', placeOf(tb, row, 'item')));
      continue;
    }
    const k = headerKey(name);
    const first = seen.get(k);
    if (first !== undefined) {
      const col = tb.fields.get('item');
      issues.push(issue('duplicate-key', placeOf(tb, row, 'item'), { key: name, otherFile: tb.file, otherRow: first, otherCell: col ? `${col.letter}${first}` : '' }));
      continue;
    }
    seen.set(k, row.row);
    const catText = f('category');
    const category = catText === '' ? '' : CATEGORY(catText);
    if (category === null) issues.push(issue('bad-enum', placeOf(tb, row, 'category'), { allowed: '重点、一般' }));
    items.push({ item: name, object: f('object'), content: f('content'), category: category ?? catText, method: f('method'), department: f('department'), basis: f('basis') });
  }
  return { items, issues };
}

/** Content rows for the announcement and record hashes. */
export const itemsContentRows = (items: readonly Item[]): string[][] =>
  items.map((i) => [i.item, i.object, i.content, i.category, i.method, i.department, i.basis]);

/** Every plan row's 抽查事项名称 must be on the list (error naming the cell); a different 检查对象 is a warning. */
export function checkPlanItems(plan: Plan, items: readonly Item[], listFile: string): Issue[] {
  const byName = new Map(items.map((i) => [headerKey(i.item), i]));
  const out: Issue[] = [];
  plan.rows.forEach((row, index) => {
    const src = planRowSource(row);
    const at = src ?? { file: plan.source, sheet: null, row: null };
    const pos = src ? src.pos('item') : { cell: null, column: `rows[${index}].item` };
    const item = byName.get(headerKey(row.item));
    if (!item) {
      out.push(planIssue('plan-item-not-listed', at, pos, row.item, 'plan.itemNotListed', { items: listFile }));
      return;
    }
    const listed = headerKey(item.object);
    if (listed !== '' && !listed.includes(row.objectType)) {
      out.push(planIssue('plan-item-object', at, pos, row.item, 'plan.itemObject', { listed: item.object, objectType: row.objectType }));
    }
  });
  return out;
}

/** The list's rows named by the plan's rows, in plan-row order, each once (kept in a /2 record). */
export function listedItems(plan: Plan, items: readonly Item[]): ListedItem[] {
  const byName = new Map(items.map((i) => [headerKey(i.item), i]));
  const out: ListedItem[] = [];
  for (const row of plan.rows) {
    const i = byName.get(headerKey(row.item));
    if (i && !out.some((o) => o.item === i.item)) out.push({ item: i.item, category: i.category, basis: i.basis });
  }
  return out;
}

/** 检查依据 of a plan item from the record's item list ("" when not listed). */
export function listedBasis(list: readonly ListedItem[] | undefined, item: string): string {
  const k = headerKey(item);
  return list?.find((i) => headerKey(i.item) === k)?.basis ?? '';
}

/** 小项 of an item: the numbered parts of its 抽查内容 (一、二、…); 1 when it has none. */
export function subItemCount(item: Item): number {
  const parts = headerKey(item.content).match(/(?:^|[>。；;\s])[一二三四五六七八九十]+、/g);
  return parts && parts.length > 0 ? parts.length : 1;
}
