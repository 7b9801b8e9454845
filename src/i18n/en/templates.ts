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
  'templates.notes.values.unrestricted': 'any',
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
  'templates.col.plan.expertise': 'Expertise required: one licensed inspector of each team must have this tag in 业务专长, e.g. 药学; alternatives with |, e.g. 医疗|财务 (ssj-draw/2).',
  'templates.col.plan.level': 'Enforcement level of the licensed inspectors: 省, 市 or 县; empty for any (ssj-draw/2).',
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
};
