/** The results table (one row per inspection), SPEC "Inspection record sheets and results". */
import type { TableSchema } from './types.js';

export const results: TableSchema = {
  role: 'results',
  title: '检查结果表',
  fields: [
    { field: 'drawId', label: '抽取编号', synonyms: ['抽取批次', '批次编号'], required: true },
    { field: 'entity', label: '统一社会信用代码', synonyms: ['医保编码', '统一社会信用代码或医保编码', '社会信用代码', '对象编码'], required: true },
    { field: 'name', label: '名称', synonyms: ['检查对象名称', '机构名称'], required: false },
    { field: 'date', label: '检查日期', synonyms: ['检查时间'], required: true },
    { field: 'codes', label: '检查结果', synonyms: ['检查结果编号', '结果代码'], required: true, note: '编号 1–10，多个用 , 分隔；联合检查可写 医疗保障局:1；市场监督管理局:9' },
    { field: 'handling', label: '处理情况', synonyms: ['处理结果'], required: false, freeText: true },
    { field: 'pubDate', label: '公示日期', synonyms: ['公示时间'], required: false },
    { field: 'pubSite', label: '公示网站', synonyms: ['公示平台'], required: false },
    { field: 'remarks', label: '备注', synonyms: ['说明'], required: false, freeText: true },
    { field: 'fuMeasure', label: '后续处置措施', synonyms: ['处置措施', '后续处置'], required: false, optional: true, note: '责令整改、移送、抄告、追回、行政处罚、其他' },
    { field: 'fuAmount', label: '追回金额（元）', synonyms: ['追回金额', '追回金额(元)'], required: false, optional: true, note: '追回医保基金的金额，单位元' },
    { field: 'fuDeadline', label: '整改期限', synonyms: ['处置期限', '办结期限'], required: false, optional: true, note: '如 2024-07-15' },
    { field: 'fuRecheckDate', label: '复查日期', synonyms: ['复查时间'], required: false, optional: true },
    { field: 'fuRecheckOutcome', label: '复查结果', synonyms: ['复查情况'], required: false, optional: true, freeText: true },
    { field: 'fuClosedDate', label: '完结日期', synonyms: ['办结日期', '完结时间'], required: false, optional: true, note: '后续处置全部完成的日期；空 = 尚未完结' },
  ],
  signature: ['drawId', 'date', 'codes'],
};
