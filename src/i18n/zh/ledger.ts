/** The event ledger: append, verify --ledger, void, replace, archive (issue 15). */
export const ledger = {
  'ledger.opt.expectHead': '与 --ledger 同用：台账必须到达这个末端（此前命令输出的“台账末端”），否则不一致',
  'ledger.verify.atFile': '文件 {file} ',
  'ledger.opt.noAnnouncement': '没有事先公告时必填：未经公告而抽取的原因（记入抽取记录，见证单印“未经事先公告：原因”）',
  'ledger.opt.again': '同一计划行在本期（按抽查频次）已抽过时，仍要再抽的原因（记入抽取记录并印在见证单上）',
  'ledger.noAnnouncement':
    '抽取前没有公告：请用 --announcement 指定 ssj announce 生成的公告文件；确实未经公告的，请用 --no-announcement 原因 说明（原因记入抽取记录并印在见证单上）。本次没有抽取，也没有写入任何内容。',
  'ledger.noAnnouncementReason': '--no-announcement 需要写明原因，例如 --no-announcement "系统故障，公告未能按时发布"。',
  'ledger.announcementBoth': '--announcement 与 --no-announcement 只能用一个。',
  'ledger.repeatedRow': '计划第 {row} 行（{item}，{objectType}）在本期 {period} 已由 {draws} 抽取过。',
  'ledger.repeatDraw':
    '同一计划行在本期已经抽取过（{draws}），再次抽取被拒绝，没有写入任何内容。如果前次抽取有误，请先作废：ssj void --draw 编号 --reason 原因；确需再抽一次，请用 --again 原因 说明（记入记录并印在见证单上）。',
  'drawcmd.w.noAnnouncement': '未经事先公告',
  'drawcmd.w.again': '本期再次抽取',
  'drawcmd.w.againEarlier': '此前：',
  'ledger.wizard.noAnnouncement': '本次抽取没有事先公告。请写明原因（将记入抽取记录并印在见证单上）：',
  'ledger.status.voided': '注意：抽取 {id} 已作废，不再计入统计、月报和公示。',
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
