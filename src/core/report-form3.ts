/**
 * 附件3 rows: one member unit's line of the form, from its MonthlyForm or
 * read back from a unit's workbook, and the 合计 line of a combined form.
 * Pure: the xlsx writer and reader are in src/io/report-xlsx.ts.
 */
import { percent, type MonthlyForm } from './report.js';

/** The 21 columns of 附件3 after 序号 and 单位, in order (A 序号, B 单位, C…U below). */
export interface Form3Row {
  unit: string;
  meetingNames: string;
  meetingDates: string;
  docNames: string;
  docNumbers: string;
  trainings: number;
  trainees: number;
  items: number;
  selected: number;
  ratio: string;
  found: number;
  published: number;
  sites: string;
  documents: string;
  jointLead: string;
  jointParticipants: string;
  jointSelected: number;
  jointFound: number;
  jointPublished: number;
  jointDocuments: string;
  /** The draws' populations behind `ratio`; null when unknown (a workbook not written by ssj). */
  population: number | null;
}

/** Column order of the data cells C…U (序号 and 单位 are A and B). */
export const FORM3_FIELDS = [
  'meetingNames',
  'meetingDates',
  'docNames',
  'docNumbers',
  'trainings',
  'trainees',
  'items',
  'selected',
  'ratio',
  'found',
  'published',
  'sites',
  'documents',
  'jointLead',
  'jointParticipants',
  'jointSelected',
  'jointFound',
  'jointPublished',
  'jointDocuments',
] as const satisfies readonly (keyof Form3Row)[];

export const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['trainings', 'trainees', 'items', 'selected', 'found', 'published', 'jointSelected', 'jointFound', 'jointPublished']);

const join = (xs: string[]) => [...new Set(xs.filter((x) => x !== ''))].join('、');

/** A unit's 附件3 row from its computed form. */
export function form3Row(f: MonthlyForm): Form3Row {
  return {
    unit: f.unit,
    meetingNames: join(f.meetings.map((m) => m.name)),
    meetingDates: join(f.meetings.map((m) => m.date)),
    docNames: join(f.documents.map((d) => d.name)),
    docNumbers: join(f.documents.map((d) => d.docNumber)),
    trainings: f.trainings.count,
    trainees: f.trainings.trainees,
    items: f.city.items,
    selected: f.city.selected,
    ratio: f.city.ratio,
    found: f.city.found,
    published: f.city.published,
    sites: join(f.city.sites),
    documents: join(f.city.documents),
    jointLead: join(f.joint.lead),
    jointParticipants: join(f.joint.participants),
    jointSelected: f.joint.selected,
    jointFound: f.joint.found,
    jointPublished: f.joint.published,
    jointDocuments: join(f.joint.documents),
    population: f.city.population,
  };
}

const splitJoined = (s: string) => s.split('、').map((x) => x.trim());

/**
 * The 合计 row: counts summed, texts joined (distinct), the ratio recomputed
 * from the summed populations only when every unit's population is known
 * (`ratioKnown` false otherwise, and the ratio left blank). 检查事项数 is
 * summed as well: units' item names are not on the form, so overlap cannot be
 * removed.
 */
export function totalRow(rows: Form3Row[], label: string): { total: Form3Row; ratioKnown: boolean } {
  const sum = (k: keyof Form3Row) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const text = (k: keyof Form3Row) => join(rows.flatMap((r) => splitJoined(r[k] as string)));
  const ratioKnown = rows.every((r) => r.population !== null);
  const population = ratioKnown ? rows.reduce((n, r) => n + (r.population ?? 0), 0) : null;
  const total: Form3Row = {
    unit: label,
    meetingNames: text('meetingNames'),
    meetingDates: text('meetingDates'),
    docNames: text('docNames'),
    docNumbers: text('docNumbers'),
    trainings: sum('trainings'),
    trainees: sum('trainees'),
    items: sum('items'),
    selected: sum('selected'),
    ratio: population === null ? '' : percent(sum('selected'), population),
    found: sum('found'),
    published: sum('published'),
    sites: text('sites'),
    documents: text('documents'),
    jointLead: text('jointLead'),
    jointParticipants: text('jointParticipants'),
    jointSelected: sum('jointSelected'),
    jointFound: sum('jointFound'),
    jointPublished: sum('jointPublished'),
    jointDocuments: text('jointDocuments'),
    population,
  };
  return { total, ratioKnown };
}
