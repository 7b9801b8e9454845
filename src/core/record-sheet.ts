/**
 * What an inspection record sheet (Wugang 附件2, 部门联合抽查检查情况记录表)
 * shows for one selected entity: its department rows (the plan row's team
 * groups, with the members of the team now in force) and the check items.
 * Pure: the xlsx writer, the HTML renderer and the results import all use it,
 * so the department rows a sheet prints are the ones an import expects.
 */
import { isInsured, maskKey } from './mask.js';
import { teamInForce } from './team-in-force.js';
import type { AmendmentRecord, DrawRecord, PlanRow, SelectedEntity, Team, TeamMember } from './types.js';

/** One department row of the sheet (执法检查人员 block, and one 检查结果 row). */
export interface SheetDepartment {
  /** The plan's team-group department; "" when the plan row has one group open to every department. */
  department: string;
  /** What the sheet prints in 单位 / 检查单位: the department, else the members' units joined by 、. */
  label: string;
  members: TeamMember[];
  /** 检查事项 for this department (PlanRow.checkItems, defaulting to the row's 抽查事项名称). */
  checkItem: string;
}

export interface RecordSheetModel {
  drawId: string;
  drawDate: string;
  entity: SelectedEntity;
  /** 统一社会信用代码, else 医保编码 (the seed's 统一社会信用代码/注册号). */
  code: string;
  planRow: PlanRow | null;
  departments: SheetDepartment[];
  /**
   * A 参保人 (ssj-draw/2) has its own sheet: 参保人检查情况记录表, 姓名 and 公民身份号码/社会保障卡号 where an
   * entity's sheet has 名称 and 统一社会信用代码, 参保地区 where it has 地址 (entity.address holds it), 险种 left to
   * fill by hand where it has 法定代表人. Same cells, so the results import reads both alike.
   */
  person: boolean;
}

/** The plan row that produced an entity's stratum. */
export function planRowOf(draw: DrawRecord, entity: SelectedEntity): PlanRow | null {
  const stratum = draw.strata.find((s) => s.number === entity.stratum);
  const rowNo = stratum?.planRow;
  return draw.plan.rows.find((r) => r.no === rowNo) ?? (draw.plan.rows.length === 1 ? (draw.plan.rows[0] ?? null) : null);
}

function unitsLabel(members: readonly TeamMember[]): string {
  const units: string[] = [];
  for (const m of members) if (m.unit !== '' && !units.includes(m.unit)) units.push(m.unit);
  return units.join('、');
}

/**
 * Department rows: one per team group of the plan row, in plan order, with
 * the members whose TeamMember.department is that group's. Without groups
 * (or one group open to every department), a single row labelled by the units.
 */
export function sheetDepartments(row: PlanRow | null, team: Team | undefined): SheetDepartment[] {
  const members = team?.members ?? [];
  const groups = row?.teamGroups ?? [];
  const item = (i: number) => row?.checkItems[i] || row?.checkItems[0] || row?.item || '';
  if (groups.length <= 1) {
    const department = groups[0]?.department ?? '';
    return [{ department, label: department || unitsLabel(members), members: [...members], checkItem: item(0) }];
  }
  const out: SheetDepartment[] = groups.map((g, i) => ({
    department: g.department,
    label: g.department || unitsLabel(members.filter((m) => m.department === g.department)),
    members: members.filter((m) => m.department === g.department),
    checkItem: item(i),
  }));
  // A member whose department matches no group (an old record) still appears: with the first "" group, else the first.
  const placed = new Set(out.flatMap((d) => d.members));
  for (const m of members) {
    if (placed.has(m)) continue;
    (out.find((d) => d.department === '') ?? out[0])?.members.push(m);
  }
  return out;
}

/** The sheet of a selected entity given its team. */
export function sheetModelOf(draw: DrawRecord, e: SelectedEntity, team: Team | undefined): RecordSheetModel {
  const planRow = planRowOf(draw, e);
  const person = e.objectType === '参保人';
  const entity = person ? { ...e, address: e.region, legalRepresentative: '' } : e;
  return { drawId: draw.drawId, drawDate: draw.drawDate, entity, code: e.uscc || e.ybbm || e.key, planRow, departments: sheetDepartments(planRow, team), person };
}

/** The catalogue key of a label on the target rows and the title: a 参保人's sheet has its own (see RecordSheetModel.person). */
export function targetLabelKey<K extends 'title' | 'entityName' | 'code' | 'address' | 'legal'>(m: Pick<RecordSheetModel, 'person'>, k: K): `results.sheet.${K}` | `results.sheet.person.${K}` {
  return m.person ? `results.sheet.person.${k}` : `results.sheet.${k}`;
}

/** Everything one record sheet shows; null when the draw did not select `entity`. */
export function recordSheetModel(draw: DrawRecord, amendments: readonly AmendmentRecord[], entity: string): RecordSheetModel | null {
  const e = draw.selected.find((s) => s.key === entity);
  if (!e) return null;
  return sheetModelOf(draw, e, teamInForce(draw, amendments, entity));
}

// Windows forbids these in file names; control characters too. Trailing dots/spaces are dropped by Explorer.
// eslint-disable-next-line no-control-regex
const BAD_FILE_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A name safe as a Windows/macOS/Linux file name (≤ 80 characters), never empty. */
/**
 * File systems allow 255 bytes per name: a name part is cut to 120 UTF-8
 * bytes (40 CJK characters), leaving room for the order prefix, the extension
 * and the temp-file prefix of an atomic write. The full name stays inside the sheet.
 */
export const MAX_NAME_BYTES = 120;

const utf8Length = (s: string): number => {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

/** `s` cut (at a character boundary) to at most `max` UTF-8 bytes. */
export function cutUtf8(s: string, max: number): string {
  let n = 0;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (n > max) break;
    out += ch;
  }
  return out;
}

export function safeFileName(name: string): string {
  let s = name.normalize('NFKC').replace(BAD_FILE_CHARS, '_').replace(/\s+/g, ' ').trim();
  s = s.replace(/[. ]+$/g, '');
  if (s.length > 80 || utf8Length(s) > MAX_NAME_BYTES) s = cutUtf8(s.slice(0, 80), MAX_NAME_BYTES).replace(/[. ]+$/g, '');
  if (s === '' || RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** `<NN>-<name>.xlsx`: NN is the draw order, at least 2 digits (wider when the draw selected ≥ 100). */
export function sheetFileName(entity: SelectedEntity, total: number): string {
  const width = Math.max(2, String(total).length);
  return `${String(entity.order).padStart(width, '0')}-${safeFileName(fileStem(entity))}.xlsx`;
}

/** What a selected entity's own files are named after: its name, but a 参保人's masked number (paths are shown on screen). */
export function fileStem(entity: Pick<SelectedEntity, 'objectType' | 'name' | 'key'>): string {
  return isInsured(entity) ? maskKey(entity.key) : entity.name || entity.key;
}

