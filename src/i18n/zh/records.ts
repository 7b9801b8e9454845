export const records = {
  'records.badRecord': '抽取记录文件 {file} 已损坏或不是 ssj 抽取记录（format 应为 ssj-draw-record/1）。',
  'records.unknownDraw': '没有编号为“{id}”的抽取记录（在 {dir} 中找不到）。ssj status 可列出全部抽取。',
  'records.isAmendment': '“{id}”是对抽取 {amends} 的递补记录，不是抽取本身。请使用 --draw {amends}。',
  'records.badLedgerLine': '台账 {file} 第 {line} 行已损坏（不是有效的 JSON）。请运行 ssj verify --ledger 检查。',
} as const;
