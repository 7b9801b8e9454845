/** ssj replace: a drawn entity that cannot be inspected replaced by a new draw (补抽). */
export const replace = {
  'replace.cmd': '检查对象补抽：抽中的对象已注销、退出或无法检查时，用见证人新产生的种子从同一层另抽一家（记入台账，打印补抽记录单）',
  'replace.opt.entity': '被替换的检查对象代码（抽中名单中的）',
  'replace.opt.reason': '补抽原因（如：已注销、已解除协议、无法检查），记入记录并印在补抽记录单上',
  'replace.opt.seed': '见证人在确定补抽后新产生的种子（不能与该次抽取或其递补、补抽的种子相同）',
  'replace.notSelected': '对象 {entity} 不在抽取 {id} 现行的抽中名单中（也许已被补抽替换）。请用抽中对象的代码（见见证单，或 ssj status --draw {id}）。本次没有写入任何内容。',
  'replace.noCandidate': '抽取 {id} 的“{stratum}”层（总体 {population} 家）中已没有可补抽的对象：其余对象或已抽中、或已被排除、或与该对象检查组成员有回避关系/不在其执法区域。本次没有写入任何内容。',
  'replace.hasResult': '对象 {entity}（抽取 {id}）已有检查结果（检查日期 {date}，{file}），检查已经完成，不能补抽替换，本次没有写入任何内容。如结果有误，请修改结果后重新导入；如整次抽取有误，请用 ssj void --draw {id} --reason 原因 --force 作废。',
  'replace.voided': '抽取 {id} 已作废，不能补抽。本次没有写入任何内容。',
  'replace.insured': '对象 {entity} 是参保人，参保人不做补抽（其名单只按号码公开）。本次没有写入任何内容。',
  'replace.seedReused': '补抽必须使用见证人新产生的种子，不能与抽取 {id} 或其递补、补抽用过的种子相同。本次没有写入任何内容。',
  'replace.inputsChanged': '{role} 的内容与抽取 {id} 时不同（抽取时 {expected}，现为 {found}）。补抽须从抽取时的同一名录中抽取：请用抽取时的文件（--entities …），本次没有写入任何内容。',
  'replace.done': '补抽完成：{id}　对象 {entity} → {replacement} {name}（第 {stratum} 层，候选 {candidates} 家）　记录哈希 {hash}',
  'replace.sheetsNote': '新对象的检查记录表和检查通知书已生成；被替换对象的记录表和通知书作废，不要再使用。',
} as const;
