import type { templates as zh } from '../zh/templates.js';

export const templates: Record<keyof typeof zh, string> = {
  'templates.sheet.notes': 'Notes',
  'templates.notes.title': 'How to fill in: {title}',
  'templates.notes.fill': 'Fill in the sheet "{sheet}" from row {row} down, one entry per row. Do not edit, delete or move the header row and do not merge cells; the title rows above the header may be edited or deleted.',
  'templates.notes.required': 'Columns with an orange header are required; the others may be left empty.',
  'templates.notes.text': 'Code columns ({columns}) are formatted as text. Do not change them to General or Number, or Excel shows long codes as 4.1E+17 and loses digits; when pasting from elsewhere use Paste Special → Values.',
  'templates.notes.dropdown': 'Columns with a drop-down arrow ({columns}) accept only the values in the list.',
  'templates.notes.optional': '{columns}: optional columns added by ssj beyond the original form (green headers); they may be left empty or deleted.',
  'templates.notes.validate': 'When done, run in the workspace: ssj validate {file}, and fix what it reports until there are no errors.',
  'templates.notes.head.letter': 'Column',
  'templates.notes.head.label': 'Header',
  'templates.notes.head.required': 'Required',
  'templates.notes.head.values': 'Allowed values',
  'templates.notes.head.desc': 'Description',
  'templates.notes.mandatory': 'required',
  'templates.notes.optionalValue': 'optional',
  'templates.notes.oneOf': 'this or {other}',
  'templates.notes.values.enum': 'drop-down: {values}',
  'templates.notes.values.text': 'text',
  'templates.notes.values.whole': 'whole number, at least {min}',
  'templates.notes.values.unrestricted': 'unrestricted',
  'templates.dv.title': 'Invalid value',
  'templates.dv.enum': 'Choose from the drop-down list: {values}',
  'templates.dv.whole': 'Enter a whole number of at least {min}.',
  'templates.intro.pharmacies': 'Designated retail pharmacies (Puyang form 附件2), one pharmacy per row; every designated pharmacy of the area belongs here.',
  'templates.intro.institutions': 'Designated medical institutions (Puyang form 附件3), one institution per row; every designated institution of the area belongs here.',
  'templates.intro.inspectors': 'Inspectors (Puyang form 附件4), one person per row: everyone with law-enforcement status doing supervision; for joint inspections, the other departments\' inspectors too.',
  'templates.intro.conflicts': 'Recusal list: one inspector–entity pair per row; that inspector is never sent to that entity. Inspectors whose 工作单位 equals the entity\'s name recuse automatically and need no row.',
  'templates.intro.plan': 'Inspection plan (form 附件1), one inspection item per row. Pre-filled with two rows of a joint plan as an example (抽查主体 is your unit): change it to your own plan. Each row is drawn by its 抽查比例. The example is a joint inspection (检查组构成 医疗保障局2+市场监督管理局1), so the inspectors registry needs people from both departments; for inspections by your bureau alone set 检查组人数 to 2 and clear 检查组构成.',
  'templates.intro.activities': 'Monthly activities: the meetings held, documents issued and trainings given this month, one per row, for items 1–3 of monthly form 附件2.',
  'templates.col.seq': 'Row number; may be empty.',
  'templates.col.region': 'County/district, e.g. 华龙区. Write it as in the inspectors\' 执法区域; used for region matching.',
  'templates.col.pharmacies.name': 'Pharmacy name (as on the business licence).',
  'templates.col.institutions.name': 'Institution name (as on the practice licence).',
  'templates.col.uscc': '18-character unified social credit code (GB 32100-2015); the check character is verified. May be empty for village clinics and the like, but then 医保编码 is required.',
  'templates.col.ybbm': 'Medical-insurance code. Used as the entity\'s code when it has no 统一社会信用代码; must be unique.',
  'templates.col.pharmacies.license': 'Business licence number.',
  'templates.col.drugLicense': 'Drug trading licence number.',
  'templates.col.pharmacies.address': 'Business premises address, printed on the inspection record sheet.',
  'templates.col.institutions.address': 'Address, printed on the inspection record sheet.',
  'templates.col.legal': 'Legal representative\'s name and 18-digit ID number separated by a space, e.g. 张三 410901198001011237. The ID number is only checked; it never appears on record sheets or publications.',
  'templates.col.contact': 'Contact person.',
  'templates.col.phone': 'Mobile (11 digits) or landline (e.g. 0393-1234567).',
  'templates.col.remarks': 'Remarks; may be empty.',
  'templates.col.credit': 'Credit class: A low risk, B medium, C medium-high, D high. Required for every entity of the type when the plan samples by credit class.',
  'templates.col.tags': 'Classification tags separated by 、, e.g. 社区药店、连锁; usable in directed draws.',
  'templates.col.nature': '公立 (public) or 民营 (private).',
  'templates.col.kind': '综合 (general) or 专科 (specialised).',
  'templates.col.grade': 'Hospital grade, e.g. 三级甲等, 二级, 一级, 未定级.',
  'templates.col.founded': 'Date founded, e.g. 2015-03-05; not in the future.',
  'templates.col.inspectors.name': 'Inspector\'s name.',
  'templates.col.gender': '男 or 女.',
  'templates.col.unit': 'Full name of the employer, e.g. 濮阳市医疗保障局. Joint inspections group inspectors by the department in this name (医疗保障局, 市场监督管理局); an inspector whose employer is the entity recuses automatically.',
  'templates.col.education': 'Field and degree, e.g. 临床医学 本科.',
  'templates.col.post': 'Department and post.',
  'templates.col.title': 'Position or professional title.',
  'templates.col.inspectors.license': 'Law-enforcement certificate number: the inspector\'s unique code. Inspectors without one are never drawn.',
  'templates.col.area': 'Areas covered (written as in 所在地区), separated by 、; 全市, 全县, 全区 or 全部 means everywhere.',
  'templates.col.expertise': 'Expertise, e.g. 医保基金审核, 药品管理.',
  'templates.col.status': '在岗 (available) or 不可用 (unavailable: long leave, seconded); unavailable inspectors are never drawn. Empty means available.',
  'templates.col.conflicts.license': 'Certificate number of the inspector who must recuse.',
  'templates.col.conflicts.entity': 'Unified social credit code (or 医保编码) of the entity the inspector must not inspect.',
  'templates.col.conflicts.reason': 'Reason, e.g. a close relative works there.',
  'templates.col.plan.seq': 'Plan row number (1, 2, 3…).',
  'templates.col.plan.item': 'Inspection item, e.g. 对医疗保障基金使用情况进行监督检查.',
  'templates.col.plan.basis': 'Legal basis (regulations, service agreements).',
  'templates.col.plan.method': 'Method, e.g. 现场检查 (on site), 书面检查 (documents).',
  'templates.col.plan.subject': 'Inspecting department(s).',
  'templates.col.plan.objectType': '定点医疗机构 (institutions) or 定点零售药店 (pharmacies).',
  'templates.col.plan.ratio': 'Ratio: 20%, 0.5%; or a count, e.g. 10家; or by credit class: 低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%). Sample sizes are rounded up.',
  'templates.col.plan.frequency': 'Draws per year, e.g. 每年2次, 上半年、下半年各一次.',
  'templates.col.plan.remarks': 'Remarks; may be empty.',
  'templates.col.plan.filter': 'Directed draw: field=value, conditions separated by ；, alternatives by 、, e.g. 所在地区=华龙区、开发区；类型=专科. Fields: 所在地区, 性质, 类型, 等级, 分类标注. Empty: undirected.',
  'templates.col.plan.teamSize': 'Inspectors per team, at least 2; empty means 2.',
  'templates.col.plan.teamGroups': 'Seats per department for joint inspections, joined by +, e.g. 医疗保障局2+市场监督管理局1, adding up to the team size. The department name must appear in the inspectors\' 工作单位. Empty: no department restriction.',
  'templates.col.plan.regionMatch': '是: inspectors must cover the entity\'s area; 否 or empty: no restriction.',
  'templates.col.plan.maxPerEntity': 'Most draws of the same entity per year; empty means 2 (Puyang rules art. 12).',
  'templates.col.plan.checkItems': 'Inspection items per department for the record sheet, as department:item, departments separated by ；. Empty: the plan row\'s item.',
  'templates.col.plan.document': 'Implementing document name and number, for the monthly report.',
  'templates.col.plan.window': 'The inspection window printed on the notices and the drawn list, e.g. 2024年6月10日至6月30日.',
  'templates.col.plan.materials': 'Materials the entity is asked to prepare, printed on the notice; separate items with ；.',
  'templates.col.activities.month': 'Month as YYYY-MM, e.g. 2024-06.',
  'templates.col.activities.category': '会议 (meeting), 文件 (document) or 培训 (training) — items 1–3 of form 附件2.',
  'templates.col.activities.name': 'Name of the meeting, document or training.',
  'templates.col.activities.date': 'Date held or issued, e.g. 2024-06-05.',
  'templates.col.activities.docNumber': 'Document number, e.g. 唐医保字〔2022〕15号 (for documents).',
  'templates.col.activities.trainees': 'Number of people trained (for trainings; a whole number).',
  'templates.col.activities.content': 'Main content; may be empty.',
  'templates.col.activities.remarks': 'Remarks; may be empty.',
  'templates.out.wrote': 'Wrote: {file}',
  'templates.out.kept': 'Kept (existing file, your data is never overwritten): {file}',
  'templates.out.templatesDone': 'Wrote {count} templates to {dir}.',
  'templates.out.initDone': 'Workspace created: {dir}. The monthly steps are in {readme}.',
  'templates.readme': `ssj workspace ("double random, one public" inspections)
========================================

Open a terminal in this folder (cd here) and run the commands below; their file paths are relative to this folder.
Add --help to any command for its usage; --lang en shows English.

Folders
  templates/   blank templates (write them again any time with ssj templates --force)
  registries/  registries: {pharmacies}, {institutions}, {inspectors}, {conflicts}
  plans/       the plan: {plan} (pre-filled with an example: change it to your own plan)
  draws/       announcements, draw records and witness sheets (written by ssj; do not edit)
  inputs/      a copy of the registries and plan each draw read (kept by ssj; do not edit — update the registries as usual, a re-check uses these copies)
  sheets/      inspection record sheets (written by ssj)
  results/     imported inspection results (written by ssj)
  reports/     monthly forms and publication files; fill in {activities} here with the month's meetings, documents and trainings

Monthly steps
-------------
1. Fill in or update the registries and the plan (open the files in registries/ and plans/ with Excel or WPS).
   The example plan is a joint inspection by the 医疗保障局 and the 市场监督管理局; for inspections by your bureau alone set 检查组人数 to 2 and clear 检查组构成 in the plan.

2. Check the registries and the plan; fix what is reported until there are no errors:
   ssj validate {regPharmacies} {regInstitutions} {regInspectors} {regConflicts} {planFile}

3. Announce before the draw (freezes the registries' content and the sample sizes; print or publish it):
   ssj announce --plan {planFile} --entities {regPharmacies} {regInstitutions} --inspectors {regInspectors} --conflicts {regConflicts}

4. Seed ceremony: the supervisors (NPC deputies, CPPCC members, discipline inspection…) roll dice in turn; join the digits in signing order into at least 20 digits.

5. Draw (the draw id is printed by step 3, e.g. 20240601-1):
   ssj draw --plan {planFile} --entities {regPharmacies} {regInstitutions} --inspectors {regInspectors} --conflicts {regConflicts} --announcement draws/DRAW-ID-announcement.json --seed DIGITS --seed-source "dice rolled by the supervisors"

6. Print the witness sheet draws/DRAW-ID-witness.html (or .xlsx); the drawer and the supervisors sign it on the spot.
   The drawn list reports/抽取结果-DRAW-ID.csv (and .html) is written with the draw: make it public;
   the inspection notices and the approval form are in notices/DRAW-ID/ (to write them again: ssj notices --draw DRAW-ID).

7. When an inspector must recuse or cannot attend, the supervisors roll a new seed and a replacement is drawn:
   ssj substitute --draw DRAW-ID --entity ENTITY-CODE --inspector CERTIFICATE-NO --reason REASON --seed NEW-DIGITS --inspectors {regInspectors} --conflicts {regConflicts}

8. Inspections: the record sheets are in sheets/DRAW-ID/; print and fill them on site. To write them again:
   ssj sheets --draw DRAW-ID

9. Import the results (filled record sheets or a results table):
   ssj results sheets/DRAW-ID/*.xlsx
   (The Windows command prompt does not expand *: name the files one by one there.)

10. See which entities still lack results:
   ssj status --draw DRAW-ID

11. Approval (results are published only once the deputy or head approves them; return with --return REASON):
   ssj approve --draw DRAW-ID --by APPROVER-NAME --opinion "approved for publication"

12. Publication (publish first, then the report: the report counts what was published):
   ssj publish --month YYYY-MM --site SITE-NAME

13. Monthly report forms (due by the 20th; fill in {regActivities} first):
   ssj report --month YYYY-MM --unit UNIT-NAME --activities {regActivities}

14. Verification (anyone can re-compute a draw and check that the ledger was not altered):
   ssj verify --draw DRAW-ID --entities {regPharmacies} {regInstitutions} --inspectors {regInspectors} --conflicts {regConflicts}
   ssj verify --ledger

15. Other cases (each is recorded in the ledger):
   An entity closed, left the scheme or cannot be inspected: with a fresh seed from the witnesses, draw a replacement from the same stratum:
     ssj replace --draw DRAW-ID --entity CODE --reason REASON --seed NEW-SEED --entities {regPharmacies} {regInstitutions} --inspectors {regInspectors} --conflicts {regConflicts}
   A whole draw made in error (--force once results exist):
     ssj void --draw DRAW-ID --reason REASON
   Open or overdue follow-ups (rectification, recovery…): ssj status --followups
   The year in figures (completion, closure, coverage, quarterly dates): ssj stats --year YYYY
   Preview a publication (not logged, not counted): ssj publish --month YYYY-MM --dry-run

16. The evidence package for the discipline or legal office (ledger, records, witness sheets, results, publications, the original registries and the independent verifier):
   ssj archive --month YYYY-MM --out package.zip
   Re-check it on any computer: ssj verify package.zip (write the package's SHA-256 it prints on the paper hand-over form)

Keep the draw records and the ledger (ledger.jsonl) for at least two years; never edit or delete them: ssj verify --ledger detects any change.
`,
  'templates.col.results.fuMeasure': 'Follow-up measure: 责令整改, 移送, 抄告, 追回, 行政处罚, 其他 (optional).',
  'templates.col.results.fuAmount': 'Amount of fund recovered, in yuan (for 追回).',
  'templates.col.results.fuDeadline': 'Deadline of the rectification or measure; open past it, ssj status --followups lists it as overdue.',
  'templates.col.results.fuRecheckDate': 'Date of the recheck.',
  'templates.col.results.fuRecheckOutcome': 'Outcome of the recheck.',
  'templates.col.results.fuClosedDate': 'Date the follow-up was closed; empty = still open.',
  'templates.intro.items': 'Inspection item list (Puyang 附件1): every 抽查事项名称 of the plan must be in this list\'s 抽查事项 column, or the draw is refused before the seed (no inspection outside the list).',
  'templates.intro.prior-inspections': 'Prior inspections made outside ssj (飞行检查, 专项, by the province, city or another department). Those of the draw year count toward the yearly cap; 个案 (是) rows do not. Give the file with --prior-inspections.',
  'templates.intro.insured': '参保人 registry: plan rows whose 抽查对象 is 参保人 draw from it. Personal data stays in the workspace: witness sheets and publications show masked numbers only, publications give counts only.',
  'templates.col.verified': '代码已核实: 是 when the 统一社会信用代码 fails its check character but was checked against the licence (an early real code); the finding becomes a warning and the draw proceeds. Writing 代码已核实 in 备注 does the same.',
  'templates.col.licence': 'Licence validity: 2028-12-31 (valid until) or 2023-01-01至2028-12-31. Inspectors whose licence is expired or not yet valid on the draw date are never drawn; ending within 30 days is a warning.',
  'templates.col.level': 'Enforcement level: 省, 市 or 县. Plan rows with a 执法层级 draw licensed inspectors of that level only.',
  'templates.col.category': 'Kind of staff: 执法人员 (default), 专家 or 辅助人员. Experts and auxiliary staff only fill seats the plan names (专家1, 辅助人员1), never count as the two licensed inspectors, never lead; their 执法证号 cell holds their appointment or staff number.',
  'templates.col.plan.expertise': 'Expertise required: one licensed member of each team must have this tag in 业务专长, e.g. 药学; alternatives separated by |, e.g. 医疗|财务.',
  'templates.col.plan.level': 'Enforcement level: 省, 市 or 县; the row\'s licensed seats draw that level only.',
  'templates.col.items.seq': 'Number.',
  'templates.col.items.item': 'Item name; the plan\'s 抽查事项名称 must match it.',
  'templates.col.items.object': 'Object: 定点医疗机构, 定点零售药店 or 参保人.',
  'templates.col.items.content': 'Content, in numbered parts 一、二、三… (each part is one sub-item).',
  'templates.col.items.category': 'Category: 重点 or 一般.',
  'templates.col.items.method': 'Method, e.g. 现场检查, 书面检查, 数据分析.',
  'templates.col.items.department': 'Department and level, e.g. 市、县（区）医保行政部门.',
  'templates.col.items.basis': 'Legal basis, quoted on record sheets and notices.',
  'templates.col.prior-inspections.seq': 'Number.',
  'templates.col.prior-inspections.name': 'Entity name (for checking; may be empty).',
  'templates.col.prior-inspections.uscc': '统一社会信用代码; one of it, 医保编码 and 对象编码 is needed.',
  'templates.col.prior-inspections.ybbm': '医保编码.',
  'templates.col.prior-inspections.code': 'Object code: a 参保人\'s 身份证号 or 社会保障卡号.',
  'templates.col.prior-inspections.date': 'Date, e.g. 2024-03-05; only those of the draw year count.',
  'templates.col.prior-inspections.authority': 'Authority, e.g. 河南省医疗保障局.',
  'templates.col.prior-inspections.type': 'Type, e.g. 飞行检查, 专项检查, another department\'s inspection.',
  'templates.col.prior-inspections.individual': '个案: 是 for complaint-driven individual checks (they do not count toward the cap); otherwise 否 or empty.',
  'templates.col.prior-inspections.remarks': 'Remarks.',
  'templates.col.insured.seq': 'Number.',
  'templates.col.insured.name': 'Name (kept in the workspace, never published).',
  'templates.col.insured.idcard': '身份证号, 18 characters (GB 11643 check); else the 社会保障卡号.',
  'templates.col.insured.card': '社会保障卡号.',
  'templates.col.insured.region': '参保地区; the directed condition 所在地区 or 参保地区 filters on it.',
  'templates.col.insured.insurance': '险种, e.g. 职工医保, 居民医保; the directed condition 险种 filters on it.',
  'templates.col.insured.tags': 'Tags, e.g. 异常报销, 举报线索; several separated by 、.',
  'templates.col.insured.remarks': 'Remarks.',
  'templates.intro.results': 'Results table: one row per inspection (draw id, unified social credit code or medical insurance code, inspection date, result codes 1–10). The follow-up columns are optional; once filled, ssj status --followups lists the open and overdue ones. Import the filled table with ssj results FILE.',
  'templates.col.results.drawId': 'The draw id, e.g. 20240605-1 (on the witness sheet and in cell B2 of the record sheet).',
  'templates.col.results.entity': "The entity's unified social credit code, or its medical insurance code where it has none, as in the draw record.",
  'templates.col.results.name': "The entity's name (optional; it catches a code written wrong).",
  'templates.col.results.date': 'The inspection date, e.g. 2024-06-15: not before the draw, not after the day of import.',
  'templates.col.results.codes': 'Result codes 1–10, several separated by commas; a joint inspection may give them per department, e.g. 医疗保障局:1；市场监督管理局:9.',
  'templates.col.results.handling': 'What was done about the findings; published as written.',
  'templates.col.results.pubDate': 'If already published elsewhere, the date; empty otherwise (ssj publish publishes it).',
  'templates.col.results.pubSite': 'The website or platform it was published on.',
};
