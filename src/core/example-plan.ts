/**
 * The example plan: Wugang's 2024 joint plan (舞医保〔2024〕19号, 附件1), its two
 * rows as the seed writes them, with ssj's optional columns filled in for the
 * joint inspection by the 医疗保障局 and the 市场监督管理局 (检查事项 from the
 * seed's 附件2 record sheet). Field names are those of src/core/schemas/plan.ts.
 */
import type { CellValue } from './template-defs.js';

const SUBJECT = '舞钢市医疗保障局和市市场监督管理局';
const ITEM = '对医疗保障基金使用情况进行监督检查';
const CHECK_ITEMS = '医疗保障局:医疗保障基金使用情况进行监督检查；市场监督管理局:药品质量安全的监督检查';
const JOINT = [
  ['teamSize', 3],
  ['teamGroups', '医疗保障局2+市场监督管理局1'],
  ['regionMatch', '否'],
  ['maxPerEntity', 2],
  ['checkItems', CHECK_ITEMS],
  ['document', '舞医保〔2024〕19号'],
] as const;

export const EXAMPLE_PLAN_ROWS: ReadonlyMap<string, CellValue>[] = [
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
    ['basis', '舞钢市城镇职工基本医疗保险定点零售药店服务协议'],
    ['method', '现场检查'],
    ['subject', SUBJECT],
    ['objectType', '定点零售药店'],
    ['ratio', '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)'],
    ['frequency', '每年2次'],
    ['remarks', ''],
    ...JOINT,
  ]),
];
