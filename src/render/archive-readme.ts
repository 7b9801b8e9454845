/**
 * The README of an evidence package: how the 纪检 office (or anyone) checks it, in Chinese whatever --lang says
 * (it is a document handed over, like the witness sheet). Plain text, CRLF so Notepad shows it.
 */
import type { ArchiveDescription } from '../core/archive.js';

const ROLE: Record<string, string> = {
  plan: '抽查计划', pharmacies: '定点零售药店名录库', institutions: '定点医疗机构名录库', insured: '参保人名录库',
  inspectors: '检查人员名录库', conflicts: '回避名单', items: '抽查事项清单', 'prior-inspections': '既往检查记录',
};

const FLAG: Record<string, string> = {
  pharmacies: '--entities', institutions: '--entities', insured: '--entities', inspectors: '--inspectors', conflicts: '--conflicts',
  items: '--items', 'prior-inspections': '--prior-inspections',
};

/** The ssjdraw.py command re-running one draw from the files inside the package (paths relative to its root). */
export function independentCommand(d: ArchiveDescription, drawId: string): string {
  const byFlag = new Map<string, string[]>();
  for (const i of d.inputs.filter((x) => x.drawId === drawId && FLAG[x.role])) byFlag.set(FLAG[i.role] as string, [...(byFlag.get(FLAG[i.role] as string) ?? []), i.path]);
  const args = [...byFlag].map(([flag, paths]) => `${flag} ${paths.join(' ')}`).join(' ');
  return `python3 independent/ssjdraw.py verify draws/${drawId}.json ${args} --ledger-dir .`;
}

export function archiveReadme(d: ArchiveDescription, packageName: string): string {
  const scope = 'draw' in d.scope ? `抽取 ${d.scope.draw}` : `${d.scope.month} 月`;
  const lines = [
    '随机抽查证据包（ssj archive 生成）',
    '',
    `范围：${scope}；抽取 ${d.draws.length} 次（${d.draws.join('、') || '无'}）；递补/补抽 ${d.amendments.length} 次（${d.amendments.join('、') || '无'}）。`,
    `台账：ledger.jsonl，${d.ledgerLines} 行，台账末端 ${d.ledgerHead ?? '（空）'}（前 16 位应与见证单、公示、月报上印的一致）。`,
    '',
    '内容',
    '  MANIFEST.sha256      每个文件的 SHA-256（本文件除外）',
    '  ARCHIVE.json         本包的范围、抽取编号、输入文件清单（机器可读）',
    '  ledger.jsonl         台账（事件哈希链），打包时的全部内容',
    '  draws/               抽取记录（.json，含台账中全部抽取和递补的记录，供核对记录链和年度上限）、公告、见证单、作废单',
    '  inputs/<抽取编号>/   抽取当时所用的输入文件原样（名录库、检查人员、回避名单、计划等；SHA-256 与抽取记录所载一致）',
    '  results/ reports/ publications/ sheets/ notices/  台账登记的检查结果、公示、月报、检查记录表、通知书（属于本范围的）',
    '  independent/ssjdraw.py  独立复核程序（Python 3，不依赖 ssj；读 .xlsx 需 openpyxl）',
    '  vectors/             独立复核程序自检用的测试向量',
    '',
    '核对方法',
    `1. 整包：计算 ${packageName} 的 SHA-256（sha256sum ${packageName}，Windows：certutil -hashfile ${packageName} SHA256），`,
    '   与纸质移交单上抄写的值比对。',
    '2. 逐个文件：解压后在本目录运行  sha256sum -c MANIFEST.sha256  （每行应为“成功/OK”）。',
    `3. 全面复核（需安装 ssj）：在任意空文件夹运行  ssj verify ${packageName}`,
    '   它核对 MANIFEST、台账哈希链和台账登记的文件，并用包内输入文件重新抽取每一次抽取和递补；退出码 0 表示一致，',
    '   1 表示不一致（逐条列出，指明文件），2 表示用法或读取错误。',
    '4. 独立复核（不依赖 ssj）：解压后在本目录运行',
    ...d.draws.map((id) => `   ${independentCommand(d, id)}`),
    '   每一层应为 MATCH，检查组应全部一致（identical），退出码 0。',
    '5. 把台账末端与纸质见证单、公示、月报上印的“台账末端”逐一对照。',
    '',
    '说明：打包只读取工作目录，不改变它，也不写台账。',
    '',
  ];
  return lines.join('\r\n');
}
