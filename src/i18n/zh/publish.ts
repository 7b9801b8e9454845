/** Immutable publications, the report's ledger head, entity replacement (补抽): issue 15. */
export const publish = {
  'publish.opt.dryRun': '只写预览（标明“预览”，不写入 publications/，不记入台账，不计入公示次数）',
  'publish.opt.out': '与 --dry-run 同用：预览写到这个文件或目录（相对于当前目录；正式公示总是写入 publications/）',
  'publish.outNeedsDryRun': '正式公示总是写入 publications/（按月份和次数命名，写后不再改动），--out 只用于 --dry-run 预览。预览请加 --dry-run；正式公示请去掉 --out。',
  'publish.listNoDryRun': '--list（抽取结果公示）没有预览：它在抽取时已写入 reports/。请去掉 --dry-run。',
  'publish.exists':
    '公示文件 {file} 已存在（第 {n} 次公示的文件名），但台账中没有这次公示。已公示的文件不能改写，本次没有写入任何内容。请运行 ssj verify --ledger 检查，并把这个来历不明的文件移出 publications/ 后重试。',
  'publish.footer': '台账末端：{head}（第 {n} 次公示，{date}；本文件的 SHA-256 记入台账，可用 ssj verify --ledger 核对）',
  'publish.previewFooter': '预览：未正式公示，未记入台账（ssj publish --dry-run，{date}）',
  'publish.previewWrote': '已写入公示预览：{file}（{count} 条，编码 {encoding}）。这是预览：未记入台账，不计入公示次数和月报。',
  'publish.recorded': '已记入台账：第 {n} 次公示（{date}，{site}，{count} 条），月报表将计入。此文件今后不再改动。',
  'publish.reportHead': '台账末端：{head}（生成本报表之前；本报表的 SHA-256 记入其后的 report 事件）',
} as const;
