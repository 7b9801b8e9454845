/**
 * ssj-draw/2 inputs (issue 18; docs/ALGORITHM.md "ssj-draw/2"): the item list
 * (Puyang 附件1, 随机抽查事项清单), prior inspections made outside ssj, and the
 * 参保人 registry (Hongsipu 检查对象名录库).
 */
import type { TableSchema } from './types.js';

export const items: TableSchema = {
  role: 'items',
  title: '随机抽查事项清单',
  fields: [
    { field: 'seq', label: '序号', synonyms: ['编号'], required: false },
    { field: 'item', label: '抽查事项', synonyms: ['抽查事项名称', '检查事项', '事项名称'], required: true, note: '计划中的抽查事项名称须与此列一致（不得在清单之外设立或实施检查事项）' },
    { field: 'object', label: '检查对象', synonyms: ['抽查对象'], required: false, note: '定点医疗机构、定点零售药店或参保人' },
    { field: 'content', label: '抽查内容', synonyms: ['检查内容'], required: false, note: '按 一、二、三… 分项书写，每项为一个小项' },
    { field: 'category', label: '事项类别', synonyms: ['类别', '事项类型'], required: false, enum: ['重点', '一般'], note: '重点检查事项 或 一般检查事项' },
    { field: 'method', label: '检查方式', synonyms: ['抽查方式'], required: false },
    { field: 'department', label: '检查部门及实施层级', synonyms: ['检查部门', '实施层级', '检查主体'], required: false },
    { field: 'basis', label: '检查依据', synonyms: ['抽查依据', '依据'], required: false },
  ],
  signature: ['item', 'content', 'category'],
};

export const priorInspections: TableSchema = {
  role: 'prior-inspections',
  title: '既往检查记录',
  fields: [
    { field: 'seq', label: '序号', synonyms: ['编号'], required: false },
    { field: 'name', label: '检查对象名称', synonyms: ['名称', '对象名称', '单位名称'], required: false },
    { field: 'uscc', label: '统一社会信用代码', synonyms: ['社会信用代码', '信用代码'], required: false, note: '与医保编码、对象编码至少填一项' },
    { field: 'ybbm', label: '医保编码', synonyms: ['医保编号', '定点编码'], required: false },
    { field: 'code', label: '对象编码', synonyms: ['身份证号', '社会保障卡号', '检查对象代码'], required: false, note: '参保人填身份证号或社会保障卡号' },
    { field: 'date', label: '检查日期', synonyms: ['检查时间', '日期'], required: true, note: '日期，如 2024-03-05' },
    { field: 'authority', label: '实施机关', synonyms: ['检查机关', '实施单位', '检查部门'], required: true },
    { field: 'type', label: '类型', synonyms: ['检查类型', '检查方式'], required: true, note: '如 飞行检查、专项检查、省市检查、其他部门检查' },
    { field: 'individual', label: '个案', synonyms: ['是否个案', '个案核查'], required: false, enum: ['是', '否'], note: '是：投诉举报等个案核查，不计入每年抽查次数' },
    { field: 'remarks', label: '备注', synonyms: ['说明'], required: false },
  ],
  signature: ['date', 'authority', 'type'],
};

export const insured: TableSchema = {
  role: 'insured',
  title: '参保人名录库',
  fields: [
    { field: 'seq', label: '序号', synonyms: ['编号'], required: false },
    { field: 'name', label: '姓名', synonyms: ['参保人姓名'], required: true },
    { field: 'idcard', label: '身份证号', synonyms: ['公民身份号码', '身份证号码', '证件号码'], required: false, note: '18位，GB 11643；无则填社会保障卡号' },
    { field: 'card', label: '社会保障卡号', synonyms: ['社保卡号', '社会保障号码'], required: false },
    { field: 'region', label: '参保地区', synonyms: ['参保地', '参保统筹区'], required: true },
    { field: 'insurance', label: '险种', synonyms: ['参保险种'], required: false, note: '如 职工医保、居民医保' },
    { field: 'tags', label: '分类标注', synonyms: ['分类', '标签'], required: false, note: '如 异常报销、举报线索；多个用 、 分隔' },
    { field: 'remarks', label: '备注', synonyms: ['说明'], required: false },
  ],
  signature: ['name', 'idcard', 'region'],
};
