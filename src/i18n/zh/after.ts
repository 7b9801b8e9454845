/** After the draw: drawn-list publication, notices, approval, follow-ups, non-cooperation, stats (issue 17). */
export const after = {
  'cli.opt.list': '公示抽取结果（抽取名单，与 --draw 同用），而非检查结果',
  'after.list.wrote': '已写入抽取结果公示：{csv}（{count} 个检查对象），打印版：{html}',
  'after.list.already': '抽取结果公示已存在，内容相同，未重复写入：{csv}',
  'after.list.failed': '警告：抽取记录 {id} 已保存，但抽取结果公示未能写入（{reason}）。请运行 ssj publish --draw {id} --list。',
  'after.list.drawOnly': '--list 只用于单次抽取：请写 ssj publish --draw 抽取编号 --list。',
  'after.out.list': '抽取结果公示',
  'after.out.notices': '检查通知书',
  'after.notices.wrote': '已写入检查通知书 {count} 份：{dir}（打印全部：{all}）；行政检查审批表：{approval}',
  'after.notices.failed': '警告：抽取记录 {id} 已保存，但检查通知书未能写入（{reason}）。请运行 ssj notices --draw {id}。',
} as const;
