/** The plan sheet: Wugang 附件1 columns, then ssj's optional columns (SPEC "The plan"). */
import type { TableSchema } from './types.js';

export const plan: TableSchema = {
  role: 'plan',
  title: '抽查工作计划',
  fields: [
    { field: 'seq', label: '序号', synonyms: ['序号一', '编号'], required: true },
    { field: 'item', label: '抽查事项名称', synonyms: ['抽查事项', '检查事项名称'], required: true },
    { field: 'basis', label: '抽查依据', synonyms: ['检查依据', '依据'], required: false },
    { field: 'method', label: '抽查方式', synonyms: ['检查方式', '方式'], required: false },
    { field: 'subject', label: '抽查主体', synonyms: ['检查主体', '实施主体'], required: false },
    { field: 'objectType', label: '抽查对象', synonyms: ['检查对象', '对象类型'], required: true, enum: ['定点医疗机构', '定点零售药店'] },
    { field: 'ratio', label: '抽查比例', synonyms: ['比例', '抽取比例'], required: true, note: '20%、0.5%、10家，或按信用等级：低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)' },
    { field: 'frequency', label: '抽查频次', synonyms: ['频次', '检查频次'], required: false, note: '如 每年2次、上半年、下半年各一次' },
    { field: 'remarks', label: '备注', synonyms: ['说明'], required: false },
    { field: 'filter', label: '定向条件', synonyms: ['定向', '抽查条件'], required: false, optional: true, note: '字段=值，多个条件用；分隔，多个值用、分隔，如 所在地区=华龙区、开发区；类型=专科。空=不定向' },
    { field: 'teamSize', label: '检查组人数', synonyms: ['每组人数', '检查人员人数'], required: false, optional: true, note: '每组人数，不少于2，默认2' },
    { field: 'teamGroups', label: '检查组构成', synonyms: ['人员构成', '联合部门构成'], required: false, optional: true, note: '联合检查时各部门人数，如 医疗保障局2+市场监督管理局1，合计等于检查组人数' },
    { field: 'regionMatch', label: '区域匹配', synonyms: ['按区域匹配'], required: false, optional: true, enum: ['是', '否'], note: '是：检查人员须覆盖对象所在地区（执法区域）' },
    { field: 'maxPerEntity', label: '每年同一对象最多', synonyms: ['每年最多抽查次数', '同一对象每年最多'], required: false, optional: true, note: '同一对象每年最多被抽取次数，默认2（濮阳细则第十二条）' },
    { field: 'checkItems', label: '检查事项', synonyms: ['各部门检查事项'], required: false, optional: true, note: '记录表上各部门的检查事项，如 医疗保障局:对医疗保障基金使用情况进行监督检查；市场监督管理局:药品质量安全的监督检查' },
    { field: 'expertise', label: '专长要求', synonyms: ['专业要求', '业务专长要求'], required: false, optional: true, note: '检查组须有一名执法人员具备的业务专长，如 药学；可选其一用 | 分隔，如 医疗|财务（ssj-draw/2）' },
    { field: 'level', label: '执法层级', synonyms: ['执法级别', '实施层级'], required: false, optional: true, enum: ['省', '市', '县'], note: '执法席位只取该层级的人员（ssj-draw/2）' },
    { field: 'document', label: '实施文件', synonyms: ['抽查实施文件', '文件名称及文号'], required: false, optional: true, note: '本次抽查的实施文件名称及文号，用于月报表' },
    { field: 'window', label: '检查期限', synonyms: ['检查时间', '检查时限'], required: false, optional: true, note: '检查通知书和抽取结果公示上的检查期限，如 2024年6月10日至6月30日' },
    { field: 'materials', label: '需准备的材料', synonyms: ['需准备材料', '准备材料'], required: false, optional: true, note: '检查通知书上请被检查对象准备的材料，多项用；分隔' },
  ],
  signature: ['item', 'objectType', 'ratio'],
};
