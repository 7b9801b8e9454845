/**
 * The publication CSV (公示): one row per inspection with a result, built
 * from an explicit allow-list of fields — never by copying a record and
 * deleting columns, so a field added to the model later cannot leak. Free
 * text that is published (处理情况) is scanned for ID and phone numbers and
 * the entity's legal representative's name, which are masked.
 */
import { isInsured, maskKey } from './mask.js';
import { inertText } from './text.js';
import { teamInForce } from './team-in-force.js';
import type { AmendmentRecord, DrawRecord, InspectionResult, SelectedEntity, TeamMember } from './types.js';

/** Result code texts (Wugang 附件2). */
export const RESULT_TEXTS: ReadonlyMap<number, string> = new Map([
  [1, '未发现问题'],
  [2, '未按规定公示应当公示的信息'],
  [3, '公示信息隐瞒真实情况弄虚作假'],
  [4, '通过登记的住所（经营场所）无法取得联系'],
  [5, '发现问题已责令整改'],
  [6, '不配合检查情节严重'],
  [7, '未发现本次抽查涉及的经营活动'],
  [8, '发现问题待后续处理'],
  [9, '合格'],
  [10, '不合格'],
]);

/** The published columns, in order (SPEC "Publication CSV"). */
export const PUBLICATION_COLUMNS = [
  '序号',
  '抽查任务',
  '抽查事项',
  '检查对象名称',
  '统一社会信用代码',
  '所在地区',
  '检查机关',
  '检查人员',
  '检查日期',
  '检查结果',
  '处理情况',
  '公示日期',
] as const;

/** The key column's heading when a published row is keyed by its 医保编码 (a village clinic without a USCC). */
export const KEY_COLUMN_WITH_YBBM = '统一社会信用代码/医保编码';

const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)/g;
const LABELLED_PHONE = /((?:电话|手机|联系方式|座机|Tel|TEL|tel)[:：]?\s*)[\d\- ]{7,}/g;

/**
 * A person's name written after the role that introduces it (`联系人曹平敏、`,
 * `法定代表人：张三，`): two or three Chinese characters ending at a
 * non-Chinese character or the end. The 联系人 is not in the record (the
 * registry's column is not kept), so the label is what finds it; words that
 * usually follow such a label instead of a name (已, 未, 签字, 表示, …) are
 * not names.
 */
const LABELLED_NAME = /((?:联系人|法定代表人|法人代表|法人|负责人|经营者|经办人|当事人|药师|店长|院长|经理)[:：]?\s*)(?![已未均对在并将于向与和及表签承拒称不无为是])([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])/g;

/**
 * Masks personal data in published free text: 18-character ID numbers, mobile
 * and landline numbers, names written after a role (联系人, 法定代表人, 负责人,
 * …) and the given personal names (e.g. the entity's legal representative).
 */
export function maskPersonal(text: string, names: string[] = []): string {
  const stars = (s: string) => '*'.repeat(s.length);
  let out = text.replace(ID_NUMBER, stars).replace(MOBILE, stars).replace(LANDLINE, stars);
  out = out.replace(LABELLED_PHONE, (_m, label: string) => `${label}***`);
  out = out.replace(LABELLED_NAME, (_m, label: string, name: string) => label + stars(name));
  for (const name of names) if (name.length >= 2) out = out.split(name).join(stars(name));
  return out;
}

/** `张三(豫A001)、李四(豫A002)` from a team's members: name and 执法证号 only. */
export function inspectorsCell(members: TeamMember[]): string {
  return members.map((m) => `${m.name}(${m.key})`).join('、');
}

/** `1 未发现问题`; several codes joined with 、; a joint inspection per department (`医疗保障局：1 未发现问题；…`). */
export function resultCell(result: InspectionResult): string {
  const codes = (cs: number[]) => cs.map((c) => `${c} ${RESULT_TEXTS.get(c) ?? ''}`.trim()).join('、');
  if (result.departments.length <= 1) return codes(result.departments[0]?.codes ?? []);
  return result.departments.map((d) => (d.department ? `${d.department}：${codes(d.codes)}` : codes(d.codes))).join('；');
}

export interface PublicationInput {
  draws: DrawRecord[];
  amendments: AmendmentRecord[];
  results: InspectionResult[];
  /** 公示日期 for results that have none yet (ctx.today). */
  today: string;
}

export interface PublicationOutput {
  header: string[];
  rows: string[][];
  inspections: { drawId: string; entity: string }[];
  /** Selected entities of these draws without a result (skipped). */
  skipped: { drawId: string; entity: string; name: string }[];
}

const teamOf = (draw: DrawRecord, amendments: AmendmentRecord[], entity: string): TeamMember[] => teamInForce(draw, amendments, entity)?.members ?? [];

/** 检查机关: the plan row's 抽查主体, then the other departments of a joint team. */
function authorityCell(draw: DrawRecord, entity: SelectedEntity): string {
  const stratum = draw.strata.find((s) => s.number === entity.stratum);
  const row = draw.plan.rows.find((r) => r.no === stratum?.planRow);
  const parts = [row?.subject ?? '', ...(row?.teamGroups.slice(1).map((g) => g.department) ?? [])];
  // A department the 抽查主体 already names (宛丰县医疗保障局和县市场监督管理局 → 市场监督管理局) is not repeated.
  const out: string[] = [];
  for (const p of parts) if (p !== '' && !out.some((q) => q.includes(p))) out.push(p);
  return out.join('、');
}

/**
 * 处理情况: the results table's column; a record sheet has none, and its 备注 is
 * where the form says to write it (Wugang 附件2 说明（2）: 备注栏可填写检查过程中
 * 责令停止违法与督促整改等相关情况). A table's 备注 stays internal.
 */
export function handlingOf(result: InspectionResult): string {
  return result.handling !== '' || result.source.form !== 'sheet' ? result.handling : result.remarks;
}

/** The allow-list: every published cell names the one field it comes from. */
function rowFor(no: number, draw: DrawRecord, entity: SelectedEntity, team: TeamMember[], result: InspectionResult, today: string): string[] {
  const stratum = draw.strata.find((s) => s.number === entity.stratum);
  const row = draw.plan.rows.find((r) => r.no === stratum?.planRow);
  const task = draw.plan.title ? `${draw.plan.title}（${draw.drawId}）` : draw.drawId;
  // A 参保人 is published by masked number and result only: no name, no whole ID (ssj-draw/2, D2-9).
  const insured = isInsured(entity);
  const cells = [
    String(no),
    task,
    row?.item ?? '',
    insured ? '' : entity.name,
    insured ? maskKey(entity.key) : entity.uscc || entity.ybbm,
    entity.region,
    authorityCell(draw, entity),
    inspectorsCell(team),
    result.inspectionDate,
    resultCell(result),
    insured ? maskPersonal(handlingOf(result), [entity.name]).split(entity.key).join(maskKey(entity.key)) : maskPersonal(handlingOf(result), [entity.legalRepresentative]),
    result.publication?.date || today,
  ];
  return cells.map(inertText);
}

/** Publication rows for the given draws, in draw then draw-order order. */
export function publicationRows(input: PublicationInput): PublicationOutput {
  const results = new Map(input.results.map((r) => [`${r.drawId}\u0000${r.entity}`, r]));
  const rows: string[][] = [];
  const inspections: { drawId: string; entity: string }[] = [];
  const skipped: { drawId: string; entity: string; name: string }[] = [];
  let byYbbm = false; // a village clinic (卫生室) has no USCC: its row shows the 医保编码
  for (const draw of input.draws) {
    for (const entity of [...draw.selected].sort((a, b) => a.order - b.order)) {
      const result = results.get(`${draw.drawId}\u0000${entity.key}`);
      if (!result) {
        skipped.push(isInsured(entity) ? { drawId: draw.drawId, entity: maskKey(entity.key), name: '' } : { drawId: draw.drawId, entity: entity.key, name: entity.name });
        continue;
      }
      rows.push(rowFor(rows.length + 1, draw, entity, teamOf(draw, input.amendments, entity.key), result, input.today));
      inspections.push({ drawId: draw.drawId, entity: entity.key });
      if (!entity.uscc && entity.ybbm) byYbbm = true;
    }
  }
  const header: string[] = [...PUBLICATION_COLUMNS];
  if (byYbbm) header[header.indexOf('统一社会信用代码')] = KEY_COLUMN_WITH_YBBM;
  return { header, rows, inspections, skipped };
}
