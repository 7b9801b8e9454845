/** The monthly activities sheet (Tangshan 附件2 items 1–3: meetings, documents, trainings). */
import type { TableSchema } from './types.js';

export const activities: TableSchema = {
  role: 'activities',
  title: '月度工作情况（会议、文件、培训）',
  fields: [
    { field: 'month', label: '月份', synonyms: ['所属月份', '年月'], required: true, note: 'YYYY-MM，如 2024-06' },
    { field: 'category', label: '类别', synonyms: ['类型', '事项类别'], required: true, enum: ['会议', '文件', '培训'] },
    { field: 'name', label: '名称', synonyms: ['会议名称', '文件名称', '培训班名称'], required: true },
    { field: 'date', label: '时间', synonyms: ['日期', '召开时间', '印发时间', '培训时间'], required: false, note: '日期，如 2024-06-05' },
    { field: 'docNumber', label: '文号', synonyms: ['文件文号', '发文字号'], required: false, note: '文件的文号，如 唐医保字〔2022〕15号' },
    { field: 'trainees', label: '培训人员数量', synonyms: ['培训人数', '参训人数'], required: false, note: '培训的人数（整数）' },
    { field: 'content', label: '内容', synonyms: ['培训内容', '主要内容'], required: false },
    { field: 'remarks', label: '备注', synonyms: ['说明'], required: false },
  ],
  signature: ['month', 'category', 'name'],
};
