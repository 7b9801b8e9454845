/** The event ledger: append, verify --ledger, void, replace, archive (issue 15). */
export const ledger = {
  'ledger.opt.expectHead': '与 --ledger 同用：台账必须到达这个末端（此前命令输出的“台账末端”），否则不一致',
  'ledger.verify.atFile': '文件 {file} ',
  'ledger.head': '台账末端 {head}（请记下，复核时用 ssj verify --ledger --expect-head {head}）',
  'ledger.damaged':
    '台账 {file} 或其登记的文件与记录不符（共 {count} 处），为保护记录，本次没有写入任何内容：{first}。请运行 ssj verify --ledger 查看全部差异；被改动或删除的文件请从存档（ssj archive 生成的证据包或备份）恢复后再操作。',
  'ledger.verify.ok': '台账一致：{lines} 行事件（其中 {records} 条抽取记录），哈希链完整，登记的 {files} 个文件均未改动。台账末端 {head}',
  'ledger.verify.headOk': '台账包含所给的末端 {head}（第 {line} 行），之后还有 {after} 行。',
  'ledger.verify.headMissing': '台账没有到达所给的末端 {expected}：现在的末端是 {found}。台账末尾可能被删除或整个台账被替换。',
  'ledger.verify.badHead': '--expect-head 应为至少 16 位十六进制的台账末端（抽取等命令输出的“台账末端”），而不是“{value}”。',
  'ledger.verify.unusedAnnouncement': '注意：公告 {id} 已发布但尚未据此抽取（也未作废）。',
  'ledger.verify.setAside': '注意：第 {line} 行的事件把中断的记录 {id} 移到了 draws/interrupted/（该次操作未完成，不是有效的抽取）。',
} as const;
