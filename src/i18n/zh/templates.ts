/** Templates and init: the 说明 sheet, drop-down messages, the workspace README, command output. */
export const templates = {
  'templates.sheet.notes': '说明',
  'templates.notes.title': '填表说明：{title}',
  'templates.notes.fill': '请在“{sheet}”工作表第 {row} 行起逐行填写，每行一条。不要修改、删除或移动表头行，不要合并单元格；表头上方的标题行可以修改或删除。',
  'templates.notes.required': '表头为橙色的列必须填写，其余列可以留空。',
  'templates.notes.text': '代码类列（{columns}）已设为文本格式。请不要改成“常规”或“数值”格式，否则 Excel 会把长代码显示成 4.1E+17 并丢失位数；从别处粘贴时请用“选择性粘贴 → 数值”。',
  'templates.notes.dropdown': '带下拉箭头的列（{columns}）只能填写列表中的值。',
  'templates.notes.optional': '{columns} 是本工具在原表样之外增加的可选列（表头为绿色），可以留空，也可以删除。',
  'templates.notes.validate': '填好后在工作目录中运行：ssj validate {file}，按提示逐项修改，直到没有错误。',
  'templates.notes.head.letter': '列',
  'templates.notes.head.label': '列名',
  'templates.notes.head.required': '是否必填',
  'templates.notes.head.values': '填写要求',
  'templates.notes.head.desc': '说明',
  'templates.notes.mandatory': '必填',
  'templates.notes.optionalValue': '选填',
  'templates.notes.oneOf': '与{other}二选一',
  'templates.notes.values.enum': '下拉选择：{values}',
  'templates.notes.values.text': '文本',
  'templates.notes.values.whole': '整数，不小于 {min}',
  'templates.notes.values.unrestricted': '不限',
  'templates.dv.title': '输入值无效',
  'templates.dv.enum': '请从下拉列表中选择：{values}',
  'templates.dv.whole': '请填写不小于 {min} 的整数。',
  'templates.intro.pharmacies': '定点零售药店名录库（濮阳附件2表样），每行一家药店，应包括本统筹区全部定点零售药店。',
  'templates.intro.institutions': '定点医疗机构名录库（濮阳附件3表样），每行一家机构，应包括本统筹区全部定点医疗机构。',
  'templates.intro.inspectors': '检查人员名录库（濮阳附件4表样），每行一人，应包括所有具有行政执法资格、从事监管工作的人员；联合检查时其他部门的人员也填在这里。',
  'templates.intro.conflicts': '回避名单：每行一对“检查人员—检查对象”，抽取时该人员不会被派往该对象。工作单位与对象名称相同的人员会自动回避，不必填写。',
  'templates.intro.plan': '抽查工作计划（附件1表样），每行一个抽查事项。已预填两行联合抽查计划作示例（抽查主体为本单位），请按本单位计划修改；抽取时每行按“抽查比例”分层抽取。示例是联合检查（检查组构成 医疗保障局2+市场监督管理局1），检查人员名录库中须有两个部门的人员；只由本局检查时，把检查组人数改为 2、检查组构成清空。',
  'templates.intro.activities': '月度工作情况：本月召开的会议、印发的文件、组织的培训，每行一项，用于月报表附件2第1–3项。',
  'templates.col.seq': '序号，可以留空。',
  'templates.col.region': '所在县（区）等地区名称，如 华龙区。写法要与检查人员“执法区域”一致，按区域匹配时用到。',
  'templates.col.pharmacies.name': '药店名称（与营业执照一致）。',
  'templates.col.institutions.name': '医疗机构名称（与执业许可证一致）。',
  'templates.col.uscc': '18 位统一社会信用代码（GB 32100-2015），会核对校验位。村卫生室等没有的可以留空，但必须填医保编码。',
  'templates.col.ybbm': '医保定点编码。没有统一社会信用代码的对象以它作为编码，不能重复。',
  'templates.col.pharmacies.license': '营业执照编号。',
  'templates.col.drugLicense': '药品经营许可证编号。',
  'templates.col.pharmacies.address': '营业（执业）场所地址，会印在检查记录表上。',
  'templates.col.institutions.address': '机构地址，会印在检查记录表上。',
  'templates.col.legal': '法定代表人（负责人）姓名和 18 位身份证号，中间空一格，如：张三 410901198001011237。身份证号只用于核对，不会出现在记录表和公示中。',
  'templates.col.contact': '联系人姓名。',
  'templates.col.phone': '手机号（11 位）或座机号（如 0393-1234567）。',
  'templates.col.remarks': '备注，可以留空。',
  'templates.col.credit': '信用等级：A 低风险、B 中风险、C 中高风险、D 高风险。计划按信用等级分层抽取时，该类对象每一个都必须填写。',
  'templates.col.tags': '分类标注，多个用 、 分隔，如 社区药店、连锁；可用于定向抽查。',
  'templates.col.nature': '公立 或 民营。',
  'templates.col.kind': '综合 或 专科。',
  'templates.col.grade': '医院等级，如 三级甲等、二级、一级、未定级。',
  'templates.col.founded': '成立日期，如 2015-03-05，不能晚于今天。',
  'templates.col.inspectors.name': '检查人员姓名。',
  'templates.col.gender': '男 或 女。',
  'templates.col.unit': '工作单位全称，如 濮阳市医疗保障局。联合检查按单位名称中的部门（如 医疗保障局、市场监督管理局）分组；工作单位与检查对象名称相同的人员自动回避。',
  'templates.col.education': '专业和学历，如 临床医学 本科。',
  'templates.col.post': '所在部门（科室）和岗位。',
  'templates.col.title': '职务或职称。',
  'templates.col.inspectors.license': '行政执法证号，是人员的唯一编码，不能重复。没有执法证号的人员不参与抽取。',
  'templates.col.area': '可执法的地区（写法与“所在地区”一致），多个用 、 分隔；填 全市、全县、全区 或 全部 表示不限。',
  'templates.col.expertise': '业务专长，如 医保基金审核、药品管理。',
  'templates.col.status': '在岗 或 不可用（长期病假、借调等）；不可用的人员不参与抽取。空白视为在岗。',
  'templates.col.conflicts.license': '需要回避的检查人员的执法证号。',
  'templates.col.conflicts.entity': '该人员须回避的检查对象的统一社会信用代码（没有的填医保编码）。',
  'templates.col.conflicts.reason': '回避原因，如 近亲属在该机构任职。',
  'templates.col.plan.seq': '计划行序号（1、2、3…）。',
  'templates.col.plan.item': '抽查事项名称，如 对医疗保障基金使用情况进行监督检查。',
  'templates.col.plan.basis': '抽查依据（法规、服务协议）。',
  'templates.col.plan.method': '抽查方式，如 现场检查、书面检查。',
  'templates.col.plan.subject': '抽查主体（实施检查的部门）。',
  'templates.col.plan.objectType': '定点医疗机构 或 定点零售药店。',
  'templates.col.plan.ratio': '抽取比例：20%、0.5%；或数量，如 10家；或按信用等级分层：低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)。样本量按比例向上取整。',
  'templates.col.plan.frequency': '每年抽查几次，如 每年2次、上半年、下半年各一次。',
  'templates.col.plan.remarks': '备注，可以留空。',
  'templates.col.plan.filter': '定向抽查条件：字段=值，多个条件用 ； 分隔，多个值用 、 分隔，如 所在地区=华龙区、开发区；类型=专科。字段可用 所在地区、性质、类型、等级、分类标注。留空即不定向。',
  'templates.col.plan.teamSize': '每个检查组的人数，不少于 2，留空为 2。',
  'templates.col.plan.teamGroups': '联合检查时各部门的人数，用 + 连接，如 医疗保障局2+市场监督管理局1，合计等于检查组人数。部门名称须包含在检查人员的工作单位中。留空即不分部门。',
  'templates.col.plan.regionMatch': '是：检查人员的执法区域须覆盖对象所在地区；否或留空：不限。',
  'templates.col.plan.maxPerEntity': '同一对象一年内最多被抽取几次，留空为 2（濮阳细则第十二条：原则上不超过两次）。',
  'templates.col.plan.checkItems': '检查记录表上各部门的检查事项，写成 部门:事项，多个部门用 ； 分隔。留空时用抽查事项名称。',
  'templates.col.plan.document': '本次抽查的实施文件名称及文号，会填入月报表。',
  'templates.col.plan.window': '检查通知书和抽取结果公示上的检查期限，如 2024年6月10日至6月30日。',
  'templates.col.plan.materials': '检查通知书上请被检查对象事先准备的材料，多项用；分隔，如 医保结算清单；进销存台账。',
  'templates.col.activities.month': '所属月份，写成 YYYY-MM，如 2024-06。',
  'templates.col.activities.category': '会议、文件 或 培训（月报表附件2第1–3项）。',
  'templates.col.activities.name': '会议名称、文件名称或培训名称。',
  'templates.col.activities.date': '召开、印发或培训的日期，如 2024-06-05。',
  'templates.col.activities.docNumber': '文件的文号，如 唐医保字〔2022〕15号（类别为文件时填写）。',
  'templates.col.activities.trainees': '培训人员数量（类别为培训时填写，整数）。',
  'templates.col.activities.content': '主要内容，可以留空。',
  'templates.col.activities.remarks': '备注，可以留空。',
  'templates.out.wrote': '已写出：{file}',
  'templates.out.kept': '已保留（已有文件，不会覆盖你填写的数据）：{file}',
  'templates.out.templatesDone': '已写出 {count} 个模板到 {dir}。',
  'templates.out.initDone': '工作目录已创建：{dir}。每月的操作步骤见 {readme}。',
  'templates.readme': `ssj 工作目录（“双随机、一公开”抽查）
========================================

先在命令行中进入本文件所在的文件夹（cd 到这里），再运行下列命令；命令中的文件路径都是相对这个文件夹写的。
所有命令加 --help 可查看用法，加 --lang en 显示英文。

文件夹
  templates/   空白模板（可随时用 ssj templates --force 重新生成）
  registries/  名录库：{pharmacies}、{institutions}、{inspectors}、{conflicts}
  plans/       抽查工作计划：{plan}（已预填示例，请按本单位计划修改）
  draws/       抽取公告、抽取记录和见证单（自动生成，不要手工修改）
  inputs/      每次抽取所读名录库和计划的副本（自动保存，不要改动；名录库可以照常更新，复核仍用这里的副本）
  sheets/      检查记录表（自动生成）
  results/     导入的检查结果（自动生成）
  reports/     月报表和公示文件；{activities} 在这里填写本月会议、文件、培训

每月步骤
--------
1. 填写或更新名录库和计划（用 Excel 或 WPS 打开 registries/ 和 plans/ 中的文件）。
   示例计划是医疗保障局与市场监督管理局的联合检查；只由本局检查时，把计划中的检查组人数改为 2、检查组构成清空。

2. 检查名录库和计划，按提示修改到没有错误：
   ssj validate {regPharmacies} {regInstitutions} {regInspectors} {regConflicts} {planFile}

3. 抽取前公告（冻结名录库内容和各层样本量，打印或公开）：
   ssj announce --plan {planFile} --entities {regPharmacies} {regInstitutions} --inspectors {regInspectors} --conflicts {regConflicts}

4. 现场产生种子：由监督人（人大代表、政协委员、纪检监察等）依次掷骰子，按签字顺序把点数连成至少 20 位数字。

5. 抽取（抽取编号见第 3 步的输出，如 20240601-1）：
   ssj draw --plan {planFile} --entities {regPharmacies} {regInstitutions} --inspectors {regInspectors} --conflicts {regConflicts} --announcement draws/抽取编号-announcement.json --seed 种子数字 --seed-source "监督人现场掷骰"

6. 打印见证单 draws/抽取编号-witness.html（或 .xlsx），抽取人和监督人当场签字。
   抽取结果公示 reports/抽取结果-抽取编号.csv（及 .html）已随抽取写出，请及时公开；
   检查通知书和行政检查审批表在 notices/抽取编号/ 中（需要重新生成时：ssj notices --draw 抽取编号）。

7. 检查人员需要回避或无法参加时，由监督人重新掷骰得到新种子，递补：
   ssj substitute --draw 抽取编号 --entity 对象代码 --inspector 执法证号 --reason 回避原因 --seed 新种子数字 --inspectors {regInspectors} --conflicts {regConflicts}

8. 开展检查：检查记录表在 sheets/抽取编号/ 中，打印后现场填写；需要重新生成时运行：
   ssj sheets --draw 抽取编号

9. 导入检查结果（填好的检查记录表或检查结果表）：
   ssj results sheets/抽取编号/*.xlsx
   （Windows 命令提示符不会展开 *，请改为逐个写出文件名。）

10. 查看哪些对象还没有结果：
   ssj status --draw 抽取编号

11. 审核（处理意见经分管负责人或主要负责人审批后才能公示；退回用 --return 理由）：
   ssj approve --draw 抽取编号 --by 审核人姓名 --opinion 同意公示

12. 公示（先公示，再出月报表：月报表计入已公示的数量）：
   ssj publish --month YYYY-MM --site 公示网站名称

13. 月报表（每月20日前报送；先填写 {regActivities}）：
   ssj report --month YYYY-MM --unit 单位名称 --activities {regActivities}

14. 复核（任何人都可以重算抽取结果，并检查台账是否被改动）：
   ssj verify --draw 抽取编号 --entities {regPharmacies} {regInstitutions} --inspectors {regInspectors} --conflicts {regConflicts}
   ssj verify --ledger

15. 其他情况（每一步都记入台账）：
   检查对象关停、退出或无法检查，由监督人掷骰得到新种子，补抽同一层的对象：
     ssj replace --draw 抽取编号 --entity 对象代码 --reason 原因 --seed 新种子数字 --entities {regPharmacies} {regInstitutions} --inspectors {regInspectors} --conflicts {regConflicts}
   整次抽取有误需要作废（已有检查结果时须加 --force）：
     ssj void --draw 抽取编号 --reason 原因
   后续处置（责令整改、追回等）未完结或逾期的：ssj status --followups
   全年统计（完成率、完结率、覆盖率、季度报送）：ssj stats --year YYYY
   公示前先看效果（不记入台账、不计次数）：ssj publish --month YYYY-MM --dry-run

16. 交纪检、法制复查的证据包（含台账、记录、见证单、结果、公示、原始名录和独立复核程序）：
   ssj archive --month YYYY-MM --out 证据包.zip
   在任何电脑上复核：ssj verify 证据包.zip（把命令打印的证据包 SHA-256 抄在纸质移交单上）

注意：抽取记录和台账（ledger.jsonl）至少保存两年，不要修改或删除；修改过的记录会被 ssj verify --ledger 发现。
`,
  'templates.col.results.fuMeasure': '后续处置措施：责令整改、移送、抄告、追回、行政处罚、其他（可选）。',
  'templates.col.results.fuAmount': '追回医保基金的金额，单位元（措施为追回时填写）。',
  'templates.col.results.fuDeadline': '整改或处置的期限；过期未完结的会由 ssj status --followups 列为逾期。',
  'templates.col.results.fuRecheckDate': '复查日期。',
  'templates.col.results.fuRecheckOutcome': '复查结果，如 已整改到位。',
  'templates.col.results.fuClosedDate': '后续处置全部完成的日期；空表示尚未完结。',
  'templates.intro.items': '随机抽查事项清单（濮阳附件1）：抽查计划中的每个抽查事项名称都必须在本清单的“抽查事项”列中，否则抽取前即报错（不得在清单之外设立或实施检查事项）。',
  'templates.intro.prior-inspections': '既往检查记录：本系统以外已做的检查（飞行检查、专项检查、省市检查、其他部门检查）。同一年度内计入“每年同一对象最多”抽查次数；个案核查填“是”，不计入。抽取时用 --prior-inspections 给出。',
  'templates.intro.insured': '参保人名录库：计划中抽查对象为“参保人”的行从本表抽取。个人信息只留在工作目录内：见证单和公示只显示打码后的编号，公示只给人数。',
  'templates.col.verified': '代码已核实：统一社会信用代码校验位不符、但已对照营业执照核实为真实代码（早期颁发）时填“是”，校验提示降为警告，抽取照常进行。也可在备注中写“代码已核实”。',
  'templates.col.licence': '执法证有效期：2028-12-31（有效期至）或 2023-01-01至2028-12-31。抽取日已过期或尚未生效的人员不参与抽取；30天内到期会提示。',
  'templates.col.level': '执法层级：省、市 或 县。计划写了执法层级的行，只抽该层级的执法人员。',
  'templates.col.category': '人员类别：执法人员（默认）、专家 或 辅助人员。专家、辅助人员只占计划检查组构成中“专家1”“辅助人员1”这类席位，不计入两名执法人员，不任组长；其执法证号列填聘书或工作证编号。',
  'templates.col.plan.expertise': '专长要求：检查组须有一名执法人员的业务专长含此项，如 药学；可选其一用 | 分隔，如 医疗|财务。',
  'templates.col.plan.level': '执法层级：省、市 或 县；该行的执法席位只抽该层级的人员。',
  'templates.col.items.seq': '序号。',
  'templates.col.items.item': '抽查事项名称；计划中的抽查事项名称须与此一致。',
  'templates.col.items.object': '检查对象：定点医疗机构、定点零售药店 或 参保人。',
  'templates.col.items.content': '抽查内容，按 一、二、三… 分项书写（每项计为一个小项）。',
  'templates.col.items.category': '事项类别：重点 或 一般（重点检查事项、一般检查事项）。',
  'templates.col.items.method': '检查方式，如 现场检查、书面检查、数据分析。',
  'templates.col.items.department': '检查部门及实施层级，如 市、县（区）医保行政部门。',
  'templates.col.items.basis': '检查依据，记录表和检查通知书引用。',
  'templates.col.prior-inspections.seq': '序号。',
  'templates.col.prior-inspections.name': '检查对象名称（便于核对，可空）。',
  'templates.col.prior-inspections.uscc': '统一社会信用代码；与医保编码、对象编码至少填一项。',
  'templates.col.prior-inspections.ybbm': '医保编码。',
  'templates.col.prior-inspections.code': '对象编码：参保人填身份证号或社会保障卡号。',
  'templates.col.prior-inspections.date': '检查日期，如 2024-03-05；只计抽取当年的检查。',
  'templates.col.prior-inspections.authority': '实施机关，如 河南省医疗保障局。',
  'templates.col.prior-inspections.type': '类型，如 飞行检查、专项检查、其他部门检查。',
  'templates.col.prior-inspections.individual': '个案：投诉举报等个案核查填“是”，不计入每年抽查次数；其余填“否”或空。',
  'templates.col.prior-inspections.remarks': '备注。',
  'templates.col.insured.seq': '序号。',
  'templates.col.insured.name': '姓名（只留在工作目录内，不公示）。',
  'templates.col.insured.idcard': '身份证号，18位（GB 11643 校验）；无则填社会保障卡号。',
  'templates.col.insured.card': '社会保障卡号。',
  'templates.col.insured.region': '参保地区；定向条件“所在地区”或“参保地区”按此筛选。',
  'templates.col.insured.insurance': '险种，如 职工医保、居民医保；定向条件“险种”按此筛选。',
  'templates.col.insured.tags': '分类标注，如 异常报销、举报线索；多个用 、 分隔。',
  'templates.col.insured.remarks': '备注。',
  'templates.intro.results': '检查结果表：每行一次检查（抽取编号、统一社会信用代码或医保编码、检查日期、检查结果编号 1–10）。后续处置各列可选，填写后 ssj status --followups 列出未完结和逾期的处置。填好后用 ssj results 文件名 导入。',
  'templates.col.results.drawId': '抽取编号，如 20240605-1（见抽取见证单、检查记录表 B2）。',
  'templates.col.results.entity': '被检查对象的统一社会信用代码，没有的写医保编码，与抽取记录一致。',
  'templates.col.results.name': '被检查对象名称（可选，用于核对代码没有写错）。',
  'templates.col.results.date': '检查日期，如 2024-06-15；不得早于抽取日期，不得晚于导入当天。',
  'templates.col.results.codes': '检查结果编号 1–10，多个用 , 分隔；联合检查可按部门写，如 医疗保障局:1；市场监督管理局:9。',
  'templates.col.results.handling': '处理情况，按原文公示。',
  'templates.col.results.pubDate': '已在别处公示的，写公示日期；未公示的留空（由 ssj publish 公示）。',
  'templates.col.results.pubSite': '公示网站或平台名称。',
} as const;
