/**
 * The example plan: the two rows of Wugang's 2024 joint plan (附件1) as the
 * seed writes them, with ssj's optional columns filled in for the joint
 * inspection by the 医疗保障局 and the 市场监督管理局 (检查事项 from the seed's
 * 附件2 record sheet) — in the workspace's own names: 抽查主体 is the unit
 * of the workspace settings, never Wugang's. Field names are those of
 * src/core/schemas/plan.ts.
 */
import type { CellValue } from './template-defs.js';
import type { WorkspaceSettings } from './settings.js';

const ITEM = '对医疗保障基金使用情况进行监督检查';
const CHECK_ITEMS = '医疗保障局:对医疗保障基金使用情况进行监督检查；市场监督管理局:药品质量安全的监督检查';
const jointRows = (document: string) => [
  ['teamSize', 3],
  ['teamGroups', '医疗保障局2+市场监督管理局1'],
  ['regionMatch', '否'],
  ['maxPerEntity', 2],
  ['checkItems', CHECK_ITEMS],
  ['document', document],
] as const;

/** 抽查主体 of the joint example: the unit and the same level's 市场监督管理局 (without settings, a placeholder to replace). */
function subjectOf(s: WorkspaceSettings | null): string {
  return s ? `${s.unit}和${s.level}市场监督管理局` : '本单位医疗保障局和市场监督管理局';
}

/** The example plan's rows for a workspace (null: no settings yet — no place names at all). */
export function examplePlanRows(s: WorkspaceSettings | null): ReadonlyMap<string, CellValue>[] {
  const SUBJECT = subjectOf(s);
  const JOINT = jointRows('');
  return [
  new Map<string, CellValue>([
    ['seq', 1],
    ['item', ITEM],
    ['basis', '定点医疗机构协议'],
    ['method', '现场检查'],
    ['subject', SUBJECT],
    ['objectType', '定点医疗机构'],
    ['ratio', '20%'],
    ['frequency', '每年2次'],
    ['remarks', ''],
    ...JOINT,
  ]),
  new Map<string, CellValue>([
    ['seq', 2],
    ['item', ITEM],
    ['basis', `${s?.region ?? ''}城镇职工基本医疗保险定点零售药店服务协议`],
    ['method', '现场检查'],
    ['subject', SUBJECT],
    ['objectType', '定点零售药店'],
    ['ratio', '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)'],
    ['frequency', '每年2次'],
    ['remarks', ''],
    ...JOINT,
  ]),
];
}
