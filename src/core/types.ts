/**
 * The shared model: registry rows, validation issues, the plan, draw records,
 * inspection results. These types are what `--json` prints and what files in
 * the workspace hold; change them with care (records are kept for years).
 */

import type { IssueCode } from './issue-codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** A registry or input file's role, recognised from its headers or given by `--role`. */
export type Role = 'pharmacies' | 'institutions' | 'inspectors' | 'conflicts' | 'plan' | 'results' | 'activities' | 'items' | 'prior-inspections' | 'insured';
export const ROLES: readonly Role[] = ['pharmacies', 'institutions', 'inspectors', 'conflicts', 'plan', 'results', 'activities', 'items', 'prior-inspections', 'insured'];

/** One validation finding, positioned as Excel shows it (1-based row, column letter). */
export interface Issue {
  code: IssueCode;
  /** The code's severity in the catalogue (src/core/issue-codes.ts), unless a use case lowers it. */
  severity: Severity;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  value: string | null;
  /** What the message needs besides the position; the text is rendered at the edge (src/render/issue-text.ts). */
  params: IssueParams;
  /** Another wording of the code's message (one of its catalogue keys), when not the first. */
  key?: string;
}

/** A catalogue message used as a parameter of another (rendered with it, in the same language). */
export interface TextRef {
  readonly ref: string;
  readonly params?: Readonly<Record<string, string | number | TextRef>>;
}
export type IssueParams = Readonly<Record<string, string | number | TextRef>>;

/** Where a row came from. `row` is the physical 1-based row number Excel shows. */
export interface SourceRef {
  file: string;
  sheet: string | null;
  row: number;
}

/** 参保人 only in ssj-draw/2 (the insured registry). */
export type ObjectType = '定点零售药店' | '定点医疗机构' | '参保人';
export const OBJECT_TYPES: readonly ObjectType[] = ['定点零售药店', '定点医疗机构'];

/** A designated pharmacy or medical institution. All strings NFKC-normalised and trimmed; "" when empty. */
export interface Entity {
  /** 统一社会信用代码, or 医保编码 where there is none; NFKC, whitespace removed, upper-case. */
  key: string;
  keySource: 'uscc' | 'ybbm';
  objectType: ObjectType;
  name: string; // 名称
  region: string; // 所在地区
  uscc: string; // 统一社会信用代码
  ybbm: string; // 医保编码
  nature: string; // 性质 (公立/民营), institutions only
  kind: string; // 类型 (综合/专科), institutions only
  grade: string; // 等级
  credit: string; // 信用等级 A/B/C/D or ""
  tags: string[]; // 分类标注, split on 、,，;；
  address: string; // 地址 or 营业(执业)场所
  /** 法定代表人 name only — the ID number is never carried past validation. */
  legalRepresentative: string;
  /** 险种 (参保人 only, ssj-draw/2). */
  insurance?: string;
  /** A 统一社会信用代码 failing its check character, marked 代码已核实 (ssj-draw/2). */
  codeVerified?: boolean;
  /** Where the row was (tests and hand-built entities); registry readers leave it out: a million rows do not need a million position records. */
  source?: SourceRef;
}

/** An inspector (检查人员). */
export interface Inspector {
  /** 执法证号, normalised; "" when missing (then kept out of every draw). */
  key: string;
  name: string; // 姓名
  gender: string; // 性别
  region: string; // 所在地区
  unit: string; // 工作单位
  /** 执法区域 as written (normalised); split with core/region.ts. */
  area: string;
  expertise: string; // 业务专长
  status: string; // 状态: 在岗 / 不可用 / ""
  /** ssj-draw/2: 执法层级 (省/市/县 or as written), 执法证有效期 as written, 人员类别 (执法人员/专家/辅助人员). */
  level?: string;
  licence?: string;
  category?: string;
  source: SourceRef;
}

/** A recusal pair (回避名单). */
export interface Conflict {
  inspector: string; // 执法证号, normalised
  entity: string; // entity key, normalised
  reason: string;
  source: SourceRef;
}

/** An input file as recorded in announcements and draw records. */
export interface InputRef {
  role: Role;
  file: string; // base name
  fileSha256: string;
  contentSha256: string;
  rows: number;
}

// ---------------------------------------------------------------- the plan

/** A sample-size rule, exact: a percentage as a decimal string ("20", "0.5") or a count. */
export type Ratio = { kind: 'percent'; percent: string } | { kind: 'count'; count: number };

export interface CreditClassRatio {
  label: string; // 低, 中, 中高, 高 (as written; may be "")
  credit: string; // A, B, C, D
  ratio: Ratio;
}

export interface TeamGroup {
  /** A department name; "" means open to every department. */
  department: string;
  seats: number;
}

export interface PlanRow {
  no: number; // 序号
  item: string; // 抽查事项名称
  basis: string; // 抽查依据
  method: string; // 抽查方式
  subject: string; // 抽查主体
  objectType: ObjectType; // 抽查对象
  /** Whole-row ratio, or null when split by credit class. */
  ratio: Ratio | null;
  creditClasses: CreditClassRatio[];
  frequency: string; // 抽查频次 as written
  timesPerYear: number | null; // parsed from 抽查频次 where possible
  remarks: string; // 备注
  /** Directed filter: field (所在地区, 性质, 类型, 等级, 分类标注) → accepted values. Empty = 不定向. */
  filter: { field: string; values: string[] }[];
  teamSize: number;
  teamGroups: TeamGroup[];
  regionMatch: boolean;
  /** 检查事项 per department group, for the record sheet (defaults to `item`). */
  checkItems: string[];
  /** 检查期限 as written (optional column; absent when empty, so plans without it hash as before). */
  window?: string;
  /** 需准备的材料 for the 检查通知书 (optional column; absent when empty). */
  materials?: string;
  /** ssj-draw/2 专长要求: alternatives; absent when none (a /1 plan hashes as before). */
  expertise?: string[];
  /** ssj-draw/2 执法层级 of the licensed seats (省/市/县); absent when none. */
  level?: string;
}

export interface Plan {
  title: string;
  year: number | null;
  document: string; // 实施文件 (document name / number)
  maxPerEntityPerYear: number;
  rows: PlanRow[];
  source: string; // file name
}

// ---------------------------------------------------------------- draws

/** `inspections`: ssj-draw/2 only (always present there): labels of the prior inspections counted. */
export type Exclusion = { key: string; reason: 'already-selected' | 'yearly-limit'; draws: string[]; inspections?: string[] };

/** ssj-draw/2: an inspector left out of every seat by the licence dates. */
export interface InspectorExclusion {
  key: string;
  reason: 'licence-expired' | 'licence-not-yet-valid';
  date: string;
}

export type Algorithm = 'ssj-draw/1' | 'ssj-draw/2';

/** An item-list row as a /2 record keeps it. */
export interface ListedItem {
  item: string;
  category: string;
  basis: string;
}

export interface Stratum {
  number: number; // 1-based
  label: string; // e.g. "1 定点医疗机构" or "2 定点零售药店 B(3%)"
  planRow: number; // PlanRow.no
  objectType: ObjectType;
  credit: string; // "" when not split by credit class
  ratio: Ratio;
  population: number;
  eligible: number;
  excluded: Exclusion[];
  size: number;
  selected: string[]; // entity keys in draw order
}

/** What sheets, reports and publication need about a selected entity, frozen at draw time. */
export interface SelectedEntity {
  key: string;
  stratum: number;
  order: number; // 1-based draw order across the whole draw
  objectType: ObjectType;
  name: string;
  region: string;
  uscc: string;
  ybbm: string;
  address: string;
  legalRepresentative: string;
}

export interface TeamMember {
  key: string; // 执法证号
  name: string;
  unit: string;
  department: string; // the team group's department ("" = open to every department)
  role: '组长' | '组员';
  /** ssj-draw/2 only: 执法人员, 专家 or 辅助人员. */
  category?: '执法人员' | '专家' | '辅助人员';
}

export interface Team {
  entity: string;
  members: TeamMember[];
}

export interface DrawRecord {
  format: 'ssj-draw-record/1';
  algorithm: Algorithm;
  tool: string;
  drawId: string;
  createdAt: string; // ISO 8601 with offset
  drawDate: string; // YYYY-MM-DD
  seed: string;
  seedSource: string;
  announcementHash: string | null;
  /** 抽取地点 (`--place`), printed on the witness sheet; absent when not given. */
  place?: string;
  /** Why there was no announcement before the draw (`--no-announcement`), printed 未经事先公告; absent with one. */
  noAnnouncement?: string;
  /** A plan row drawn again in the same 抽查频次 period (`--again`): the reason and the earlier draws; printed. */
  again?: { reason: string; draws: string[] };
  plan: Plan;
  inputs: InputRef[];
  strata: Stratum[];
  selected: SelectedEntity[];
  teams: Team[];
  /** ssj-draw/2 only (always present there). */
  inspectorExclusions?: InspectorExclusion[];
  markedCodes?: string[];
  /** ssj-draw/2 with --items: the list's rows the plan names (事项类别, 检查依据 for notices), in plan-row order. */
  itemList?: ListedItem[];
  prevRecordHash: string | null;
  recordHash: string;
}

/** A substitution (递补): its own record in the ledger, amending a draw. */
export interface AmendmentRecord {
  format: 'ssj-draw-record/1';
  algorithm: Algorithm;
  tool: string;
  drawId: string; // the amendment's own id, e.g. 20240601-1-A1
  amends: string; // the draw it amends
  createdAt: string;
  seed: string;
  seedSource: string;
  inputs: InputRef[];
  substitution: {
    entity: string;
    removed: string; // inspector key
    reason: string;
    candidates: number;
    replacement: TeamMember;
  };
  /** The entity's whole team after this substitution. */
  team: Team;
  prevRecordHash: string | null;
  recordHash: string;
}

/**
 * An entity replacement (补抽): its own record in the ledger, amending a draw.
 * The replaced entity's place (stratum, order) and team in force go to an
 * entity drawn with a fresh seed from the same stratum (docs/ALGORITHM.md
 * "Step 9 — replacement").
 */
export interface ReplacementRecord {
  format: 'ssj-draw-record/1';
  algorithm: Algorithm;
  tool: string;
  drawId: string; // the replacement's own id, e.g. 20240601-1-R1
  amends: string; // the draw it amends
  createdAt: string;
  seed: string;
  seedSource: string;
  inputs: InputRef[];
  replacement: {
    /** The key of the entity replaced (closed, left the scheme, cannot be inspected). */
    entity: string;
    reason: string;
    /** m: the candidates the new entity was drawn from. */
    candidates: number;
    /** The new entity, at the replaced one's stratum and order. */
    selected: SelectedEntity;
  };
  /** The new entity's team: the replaced entity's team in force, unchanged but for `entity`. */
  team: Team;
  prevRecordHash: string | null;
  recordHash: string;
}

export type LedgerRecord = DrawRecord | AmendmentRecord | ReplacementRecord;

export interface LedgerLine {
  drawId: string;
  recordHash: string;
  prevRecordHash: string | null;
  amends?: string;
  createdAt: string;
}

// ---------------------------------------------------------------- results

/** Wugang result codes 1–10; "found a problem" = one of PROBLEM_CODES. */
export const PROBLEM_CODES: ReadonlySet<number> = new Set([2, 3, 4, 5, 6, 8, 10]);

export interface DepartmentResult {
  department: string;
  codes: number[];
}

/** One inspection's result, stored as results/<drawId>/<entityKey>.json. */
export interface InspectionResult {
  format: 'ssj-result/1';
  drawId: string;
  entity: string;
  inspectionDate: string; // YYYY-MM-DD
  departments: DepartmentResult[];
  handling: string; // 处理情况
  remarks: string; // 备注
  publication: { date: string; site: string } | null; // from a results table's 公示日期/公示网站
  /** 后续处置 (optional results-table columns); absent when none was written, so older results hash as before. */
  followUp?: import('./follow-up.js').FollowUp;
  source: { file: string; form: 'sheet' | 'table'; importedAt: string };
  /** SHA-256 of the fields above that are content (not source): what "the same content" means. */
  contentSha256: string;
}

// ---------------------------------------------------------------- tables

/** A column of a read table, as Excel shows it. */
export interface Column {
  index: number; // 0-based position in TableRow.cells
  letter: string; // A, B, …, AA
  header: string; // header text as written (trimmed, NFKC)
}

export interface TableRow {
  row: number; // physical 1-based row number as Excel shows it
  cells: string[]; // normalised text (NFKC, trimmed) per column index; "" when empty
}

/**
 * A sheet read from .xlsx/.xls/.ods/.csv with its header row found and its
 * columns mapped to a schema's fields (src/core/schemas). Pure data: the core
 * works on this, src/io/table.ts produces it.
 */
export interface Table {
  file: string; // the path as the user gave it
  sheet: string | null; // null for CSV
  role: Role;
  headerRow: number; // 1-based
  columns: Column[];
  fields: Map<string, Column>; // schema field → column
  unknown: Column[]; // columns no field claimed (kept, reported once as unknown-column)
  rows: TableRow[]; // blank rows already skipped
  fileSha256: string;
  /** Reader-level findings: missing-column, unknown-column, idcard-precision-lost, … */
  issues: Issue[];
  /** Text of the title rows above the header (e.g. 濮阳市医疗保障局2024年…抽查工作计划), one entry per non-empty row; [] when none. */
  preamble?: string[];
}

/** `ssj validate`'s findings per file (rendered as a table, --json, or a sheet). */
export interface FileReport {
  file: string;
  role: Role | null;
  rows: number;
  issues: Issue[];
  /** Issues counted in the summary but not listed (a file with more than MAX_ISSUES_PER_FILE). Not printed by --json. */
  omitted?: { errors: number; warnings: number; infos: number };
}

/** Issues listed per file (MAX_ISSUES_PER_FILE in src/io/registry.ts) and the counts. */
export interface ValidateReport {
  files: FileReport[];
  summary: { errors: number; warnings: number; infos: number };
}
