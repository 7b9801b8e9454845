/**
 * The Tangshan monthly report (附件2, 附件3): pure aggregation of one unit's
 * month from its draws, imported results, publications and activities
 * sheet. Rendering (xlsx, terminal, --json) is elsewhere: this is the
 * MonthlyForm they all print (STYLE habit 7).
 */
import { subItemCount, type Item } from './items.js';
import { headerKey } from './normalize.js';
import { isInsured, maskKey } from './mask.js';
import { PROBLEM_CODES, type DrawRecord, type InspectionResult, type PlanRow } from './types.js';

// ---------------------------------------------------------------- inputs

/** One row of the activities sheet (会议 / 文件 / 培训), already read as text. */
export interface ActivityRow {
  month: string; // as written: 2024-06, 2024年6月, 2024/6, a date …
  category: string; // 会议 | 文件 | 培训
  name: string;
  date: string;
  docNumber: string;
  trainees: string;
  content: string;
}

/** One `ssj publish` run, as recorded in reports/publications.jsonl. */
export interface PublicationRecord {
  format: 'ssj-publication/1';
  date: string; // YYYY-MM-DD, the 公示日期
  site: string; // 公示网站 ("" when not given)
  count: number;
  drawIds: string[];
  inspections: { drawId: string; entity: string }[];
  file: string;
  recordedAt: string;
}

// ---------------------------------------------------------------- output

/** The computed figures of one 附件3 block (one unit, one month). */
export interface BlockFigures {
  /** 检查事项数 and the distinct 抽查事项名称 counted. */
  items: number;
  itemNames: string[];
  /** Distinct 检查事项 (the record sheets' per-department items): 附件2's 小项. */
  subItems: number;
  /** 抽查主体数量: selections (draw, entity) in draws dated in M. */
  selected: number;
  /** Sum of the strata populations behind those selections. */
  population: number;
  /** 抽查比例: "12.5%", up to 2 decimals; "" when the population is 0. */
  ratio: string;
  /** 发现的检查主体数量. */
  found: number;
  /** 抽查结果公示数量 / 公示网站. */
  published: number;
  sites: string[];
  /** 抽查实施文件. */
  documents: string[];
  objectTypes: string[];
}

export interface JointFigures extends BlockFigures {
  lead: string[]; // 牵头部门
  participants: string[]; // 参与部门
}

export interface MonthlyForm {
  format: 'ssj-monthly-form/1';
  month: string; // YYYY-MM
  unit: string;
  meetings: { name: string; date: string }[];
  documents: { name: string; docNumber: string }[];
  trainings: { count: number; trainees: number; names: string[]; contents: string[] };
  city: BlockFigures;
  joint: JointFigures;
  drawIds: string[];
  /** Entities drawn in M that have no imported result yet. */
  missingResults: { drawId: string; entity: string; name: string }[];
}

// ---------------------------------------------------------------- helpers

const inspectionKey = (drawId: string, entity: string) => `${drawId}\u0000${entity}`;

/** Normalises a 月份 cell (2024-06, 2024-6, 2024年6月, 2024/06, 2024.6, a date, an Excel serial) to YYYY-MM. */
export function parseMonth(text: string): string | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})(?:月(?:份)?)?(?:[-/.](\d{1,2})日?)?$/.exec(s) ?? /^(\d{4})[-/.年](\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
  }
  m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    // An Excel date serial (1900 system): days since 1899-12-30.
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86400000);
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  return null;
}

/** selected ÷ population as a percentage rounded half-up to 2 decimals, trailing zeros dropped; "" for 0. */
export function percent(selected: number, population: number): string {
  if (population <= 0) return '';
  const hundredths = Math.floor((selected * 20000 + population) / (2 * population)); // round(selected*10000/population)
  const whole = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

const distinct = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

/** The plan row behind each stratum of a draw. */
function rowOfStratum(draw: DrawRecord): Map<number, PlanRow | undefined> {
  const rows = new Map(draw.plan.rows.map((r) => [r.no, r]));
  return new Map(draw.strata.map((s) => [s.number, rows.get(s.planRow)]));
}

export const isJointRow = (row: PlanRow | undefined): boolean => (row?.teamGroups.length ?? 0) > 1;

/** Every publication of each inspection (date, site): results' 公示日期/公示网站 and `ssj publish` records. */
export function publicationEvents(results: InspectionResult[], publications: PublicationRecord[]): Map<string, { date: string; site: string }[]> {
  const events = new Map<string, { date: string; site: string }[]>();
  const add = (key: string, date: string, site: string) => {
    const list = events.get(key) ?? [];
    list.push({ date, site });
    events.set(key, list);
  };
  for (const r of results) if (r.publication?.date) add(inspectionKey(r.drawId, r.entity), r.publication.date, r.publication.site);
  for (const p of publications) for (const i of p.inspections) add(inspectionKey(i.drawId, i.entity), p.date, p.site);
  return events;
}

// ---------------------------------------------------------------- figures

interface Selection {
  draw: DrawRecord;
  entity: string;
  row: PlanRow | undefined;
}

type RowFilter = (row: PlanRow | undefined) => boolean;

/** Every (draw, entity) selection whose plan row passes `keep`. */
function selections(draws: DrawRecord[], keep: RowFilter): Selection[] {
  const out: Selection[] = [];
  for (const draw of draws) {
    const rows = rowOfStratum(draw);
    for (const s of draw.selected) {
      const row = rows.get(s.stratum);
      if (keep(row)) out.push({ draw, entity: s.key, row });
    }
  }
  return out;
}

/** The figures of one block: every draw is given; the month and the row filter choose what counts. */
function block(
  month: string,
  draws: DrawRecord[],
  keep: RowFilter,
  results: Map<string, InspectionResult>,
  events: Map<string, { date: string; site: string }[]>,
  list: readonly Item[] | null = null,
): BlockFigures {
  const monthDraws = draws.filter((d) => d.drawDate.startsWith(month));
  const rows = monthDraws.flatMap((d) => d.plan.rows.filter((r) => keep(r) && d.strata.some((st) => st.planRow === r.no)));
  const monthSel = selections(monthDraws, keep);
  const itemNames = distinct(rows.map((r) => r.item));
  const subItems = list ? null : distinct(rows.flatMap((r) => (r.checkItems.length ? r.checkItems : [r.item])));
  // With the item list (随机抽查事项清单): 小项 are the numbered parts of each 大项's 抽查内容 (ssj-draw/2).
  const listed = new Map((list ?? []).map((i) => [headerKey(i.item), i]));
  const subCount = subItems ? subItems.length : itemNames.reduce((n, name) => n + (listed.has(headerKey(name)) ? subItemCount(listed.get(headerKey(name))!) : 1), 0);
  const population = monthDraws.reduce((n, d) => {
    const byStratum = rowOfStratum(d);
    return n + d.strata.filter((st) => keep(byStratum.get(st.number))).reduce((m, st) => m + st.population, 0);
  }, 0);
  const published = publishedIn(month, selections(draws, keep), events);
  return {
    items: itemNames.length,
    itemNames,
    subItems: subCount,
    selected: monthSel.length,
    population,
    ratio: percent(monthSel.length, population),
    found: monthSel.filter((s) => hasProblem(results.get(inspectionKey(s.draw.drawId, s.entity)))).length,
    published: published.count,
    sites: published.sites,
    documents: distinct(monthDraws.filter((d) => d.plan.rows.some((r) => keep(r))).map((d) => d.plan.document)),
    objectTypes: distinct(rows.map((r) => r.objectType)),
  };
}

const hasProblem = (r: InspectionResult | undefined): boolean =>
  Boolean(r?.departments.some((d) => d.codes.some((c) => PROBLEM_CODES.has(c))));

/** Inspections (of the given selections) whose first publication falls in M, and the sites used in M. */
function publishedIn(month: string, sel: Selection[], events: Map<string, { date: string; site: string }[]>): { count: number; sites: string[] } {
  let count = 0;
  const sites: string[] = [];
  const seen = new Set<string>();
  for (const s of sel) {
    const key = inspectionKey(s.draw.drawId, s.entity);
    if (seen.has(key)) continue;
    seen.add(key);
    const list = events.get(key);
    if (!list?.length) continue;
    const first = list.map((e) => e.date).sort()[0] ?? '';
    if (!first.startsWith(month)) continue;
    count += 1;
    for (const e of list) if (e.date.startsWith(month)) sites.push(e.site);
  }
  return { count, sites: distinct(sites) };
}

function activitiesOf(activities: ActivityRow[], month: string): Pick<MonthlyForm, 'meetings' | 'documents' | 'trainings'> {
  const mine = activities.filter((a) => parseMonth(a.month) === month);
  const of = (cat: string) => mine.filter((a) => a.category.replace(/\s+/g, '') === cat);
  const trainings = of('培训');
  return {
    meetings: of('会议').map((a) => ({ name: a.name, date: a.date })),
    documents: of('文件').map((a) => ({ name: a.name, docNumber: a.docNumber })),
    trainings: {
      count: trainings.length,
      trainees: trainings.reduce((n, a) => n + (Number.parseInt(a.trainees.normalize('NFKC'), 10) || 0), 0),
      names: trainings.map((a) => a.name),
      contents: distinct(trainings.map((a) => a.content)),
    },
  };
}

/**
 * One unit's monthly form for month M (YYYY-MM). `draws` are all the
 * workspace's draws (publications in M may concern earlier draws);
 * amendments are not passed: they add no entities.
 */
export function monthlyFigures(
  draws: DrawRecord[],
  results: InspectionResult[],
  publications: PublicationRecord[],
  activities: ActivityRow[],
  month: string,
  unit: string,
  list: readonly Item[] | null = null,
): MonthlyForm {
  const resultMap = new Map(results.map((r) => [inspectionKey(r.drawId, r.entity), r]));
  const events = publicationEvents(results, publications);
  const all: RowFilter = () => true;
  const monthDraws = draws.filter((d) => d.drawDate.startsWith(month));
  const jointRows = monthDraws.flatMap((d) => d.plan.rows.filter(isJointRow));
  const monthSel = selections(monthDraws, all);
  return {
    format: 'ssj-monthly-form/1',
    month,
    unit,
    ...activitiesOf(activities, month),
    city: block(month, draws, all, resultMap, events, list),
    joint: {
      ...block(month, draws, isJointRow, resultMap, events, list),
      lead: distinct(jointRows.map((r) => r.teamGroups[0]?.department ?? '')),
      participants: distinct(jointRows.flatMap((r) => r.teamGroups.slice(1).map((g) => g.department))),
    },
    drawIds: monthDraws.map((d) => d.drawId),
    missingResults: monthSel
      .filter((s) => !resultMap.has(inspectionKey(s.draw.drawId, s.entity)))
      .map((s) => {
        const e = s.draw.selected.find((x) => x.key === s.entity);
        // A 参保人 by masked number only, even in a warning on screen (ssj-draw/2, D2-9).
        return e && isInsured(e) ? { drawId: s.draw.drawId, entity: maskKey(s.entity), name: '' } : { drawId: s.draw.drawId, entity: s.entity, name: e?.name ?? '' };
      }),
  };
}

/** The default unit when the workspace has no settings: the lead unit of the month's 抽查主体 (distinct, joined 、), else null. */
export function defaultUnit(draws: DrawRecord[], month: string): string | null {
  // A joint 抽查主体 (宛丰县医疗保障局和县市场监督管理局) cannot seal a form: its lead unit, before 和, can.
  // Only a 和 after a whole unit name splits (人力资源和社会保障局 stays whole).
  const lead = (subject: string) => (/^(.+?(?:局|委员会|委|中心|厅|办公室))和/.exec(subject.trim())?.[1] ?? subject).trim();
  const subjects = distinct(draws.filter((d) => d.drawDate.startsWith(month)).flatMap((d) => d.plan.rows.map((r) => lead(r.subject)))).filter((x) => x !== '');
  return subjects.length ? subjects.join('、') : null;
}

// ---------------------------------------------------------------- due dates

const QUARTERLY = ['04-05', '07-01', '10-06', '12-20'];

/** The monthly form for M is due on the 20th of the following month. */
export function monthlyDue(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-20`;
}

/** The next quarterly summary due date on or after `today` (4/5, 7/1, 10/6, 12/20). */
export function nextQuarterlyDue(today: string): string {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) for (const md of QUARTERLY) if (`${y}-${md}` >= today) return `${y}-${md}`;
  return `${year + 1}-${QUARTERLY[0]}`;
}

/** File-name-safe unit name: path separators, reserved and control characters replaced. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.normalize('NFKC').replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').replace(/^\.+/, '_').trim().slice(0, 80);
  return s === '' ? '_' : s;
}
