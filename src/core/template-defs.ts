/**
 * What each blank template holds: file name, sheet name, the seed's title
 * rows, the columns (from the shared schemas, in the seed's order, then the
 * optional ones), which columns are text-formatted codes, widths and drop-down
 * lists. Pure data; src/io/templates.ts turns it into workbooks.
 */
import type { FieldSpec, TableSchema } from './schemas/types.js';
import { pharmacies, institutions, inspectors, conflicts } from './schemas/registries.js';
import { plan } from './schemas/plan.js';
import { activities } from './schemas/activities.js';
import { examplePlanRows } from './example-plan.js';
import type { WorkspaceSettings } from './settings.js';
import { items, priorInspections, insured } from './schemas/draw2.js';
import { results } from './schemas/results.js';
import { MEASURES } from './follow-up.js';

export type TemplateId = 'pharmacies' | 'institutions' | 'inspectors' | 'conflicts' | 'plan' | 'activities' | 'items' | 'prior-inspections' | 'insured' | 'results';
export const TEMPLATE_IDS: readonly TemplateId[] = ['pharmacies', 'institutions', 'inspectors', 'conflicts', 'plan', 'activities', 'items', 'prior-inspections', 'insured', 'results'];

export type CellValue = string | number;

export interface TemplateColumn {
  field: string;
  label: string;
  required: boolean;
  /** Added by ssj beyond the seed's form. */
  optional: boolean;
  /** Drop-down values (data validation list). */
  enum: readonly string[] | null;
  /** Whole-number validation (min) for count columns. */
  minWhole: number | null;
  /** Text format (`@`): codes Excel would otherwise turn into numbers, dates or percentages. */
  text: boolean;
  width: number;
}

export interface TemplateDef {
  id: TemplateId;
  file: string;
  sheet: string;
  /** Title rows above the header, merged across the columns (the seed's form heading). */
  titles: string[];
  /** 1-based row of the header (titles.length + 1). */
  headerRow: number;
  columns: TemplateColumn[];
  /** Pre-filled rows (the example plan), each field → value. */
  rows: ReadonlyMap<string, CellValue>[];
  /** Last row the drop-down lists and formats cover. */
  lastRow: number;
}

/** Rows the drop-down lists cover below the header. */
export const VALIDATED_ROWS = 5000;

/** Code-like columns per role: stored as text so Excel never shows 4.1E+17 or turns 20% into 0.2. */
const TEXT_FIELDS = new Map<TemplateId, ReadonlySet<string>>([
  ['pharmacies', new Set(['uscc', 'ybbm', 'license', 'drugLicense', 'legal', 'phone'])],
  ['institutions', new Set(['uscc', 'ybbm', 'legal', 'phone'])],
  ['inspectors', new Set(['license'])],
  ['conflicts', new Set(['license', 'entity'])],
  ['plan', new Set(['ratio', 'frequency', 'teamGroups'])],
  ['activities', new Set(['month', 'docNumber'])],
  ['items', new Set(['seq'])],
  ['prior-inspections', new Set(['uscc', 'ybbm', 'code', 'date'])],
  ['insured', new Set(['idcard', 'card'])],
  ['results', new Set(['drawId', 'entity', 'codes', 'fuAmount'])],
]);

/** Drop-downs a template offers where the schema reads free text (the reader understands more spellings). */
const TEMPLATE_ENUMS = new Map<string, readonly string[]>([['results.fuMeasure', MEASURES]]);

const WHOLE_FIELDS = new Map<string, number>([
  ['plan.teamSize', 2],
  ['plan.maxPerEntity', 1],
  ['activities.trainees', 0],
]);

const WIDTHS = new Map<string, number>([
  ['seq', 6], ['region', 12], ['name', 30], ['uscc', 22], ['ybbm', 16], ['license', 20], ['drugLicense', 20],
  ['address', 30], ['legal', 30], ['contact', 10], ['phone', 15], ['remarks', 20], ['credit', 10], ['tags', 18],
  ['nature', 12], ['kind', 12], ['grade', 10], ['founded', 12], ['gender', 6], ['unit', 26], ['education', 14],
  ['post', 14], ['title', 14], ['area', 18], ['expertise', 16], ['status', 10], ['entity', 26], ['reason', 30],
  ['item', 28], ['basis', 30], ['method', 12], ['subject', 28], ['objectType', 14], ['ratio', 34], ['frequency', 12],
  ['filter', 28], ['teamSize', 10], ['teamGroups', 26], ['regionMatch', 10], ['maxPerEntity', 12], ['checkItems', 44],
  ['document', 26], ['month', 10], ['category', 8], ['date', 12], ['docNumber', 24], ['trainees', 12], ['content', 30],
]);

/** Display width of a label: CJK characters count double. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function column(id: TemplateId, spec: FieldSpec): TemplateColumn {
  const base = WIDTHS.get(spec.field) ?? 14;
  return {
    field: spec.field,
    label: spec.label,
    required: spec.required,
    optional: Boolean(spec.optional),
    enum: spec.enum && spec.enum.length > 0 ? [...spec.enum] : TEMPLATE_ENUMS.has(`${id}.${spec.field}`) ? [...(TEMPLATE_ENUMS.get(`${id}.${spec.field}`) as readonly string[])] : null,
    minWhole: WHOLE_FIELDS.get(`${id}.${spec.field}`) ?? null,
    text: TEXT_FIELDS.get(id)?.has(spec.field) ?? false,
    // Wide enough for the header on two wrapped lines, never narrower than the content needs.
    width: Math.max(base, Math.ceil(displayWidth(spec.label) / 2) + 2),
  };
}

/** The seed's columns first, in the schema's order, then ssj's optional columns. */
export function templateColumns(id: TemplateId, schema: TableSchema): TemplateColumn[] {
  const seedCols = schema.fields.filter((f) => !f.optional);
  const extra = schema.fields.filter((f) => f.optional);
  return [...seedCols, ...extra].map((f) => column(id, f));
}

interface DefSource {
  id: TemplateId;
  file: string;
  sheet: string;
  titles: string[];
  schema: TableSchema;
  rows?: ReadonlyMap<string, CellValue>[];
}

const SOURCES: readonly DefSource[] = [
  {
    id: 'pharmacies',
    file: '附件2-定点零售药店名录库.xlsx',
    sheet: '定点零售药店',
    titles: ['医保基金监管检查对象名录库基本信息表', '(定点零售药店)'],
    schema: pharmacies,
  },
  {
    id: 'institutions',
    file: '附件3-定点医疗机构名录库.xlsx',
    sheet: '定点医疗机构',
    titles: ['医保基金监管检查对象名录库基本信息表', '(定点医疗机构)'],
    schema: institutions,
  },
  {
    id: 'inspectors',
    file: '附件4-检查人员名录库.xlsx',
    sheet: '检查人员',
    titles: ['医保基金监管检查人员库基本信息表'],
    schema: inspectors,
  },
  { id: 'conflicts', file: '回避名单.xlsx', sheet: '回避名单', titles: ['检查人员回避名单'], schema: conflicts },
  {
    id: 'plan',
    file: '抽查工作计划.xlsx',
    sheet: '抽查工作计划',
    titles: ['“双随机、一公开”抽查工作计划'],
    schema: plan,
  },
  {
    id: 'activities',
    file: '月度工作情况.xlsx',
    sheet: '月度工作情况',
    titles: ['“双随机、一公开”监管月度工作情况（会议、文件、培训）'],
    schema: activities,
  },
  { id: 'items', file: '附件1-随机抽查事项清单.xlsx', sheet: '随机抽查事项清单', titles: ['医保基金监管随机抽查事项清单'], schema: items },
  { id: 'prior-inspections', file: '既往检查记录.xlsx', sheet: '既往检查记录', titles: ['本年度其他检查记录（飞行检查、专项检查、上级或其他部门检查）'], schema: priorInspections },
  { id: 'insured', file: '参保人名录库.xlsx', sheet: '参保人', titles: ['医保基金监管检查对象名录库（参保人）'], schema: insured },
  // The results table (one row per inspection) with the 后续处置 columns (issue 17); imported by ssj results.
  { id: 'results', file: '检查结果表.xlsx', sheet: '检查结果', titles: ['“双随机、一公开”抽查检查结果表'], schema: results },
];

/** A template; the plan's example rows are in the workspace's names (`settings`; null: no place names). */
export function templateDef(id: TemplateId, settings: WorkspaceSettings | null = null): TemplateDef {
  const src = SOURCES.find((s) => s.id === id);
  if (!src) throw new Error(`no template ${id}`);
  const headerRow = src.titles.length + 1;
  return {
    id,
    file: src.file,
    sheet: src.sheet,
    titles: src.titles,
    headerRow,
    columns: templateColumns(id, src.schema),
    rows: id === 'plan' ? examplePlanRows(settings) : (src.rows ?? []),
    lastRow: headerRow + VALIDATED_ROWS,
  };
}

/** The workspace folder `ssj init` puts the fillable copy of a template in. */
export const workspaceFolder = (id: TemplateId): string => (id === 'plan' ? 'plans' : id === 'activities' ? 'reports' : id === 'results' ? 'results' : 'registries');

export const templateDefs = (settings: WorkspaceSettings | null = null): TemplateDef[] => TEMPLATE_IDS.map((id) => templateDef(id, settings));

/** Excel column letter for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
