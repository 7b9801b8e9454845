/**
 * `ssj stats --year YYYY [--quarter N]`: the year in figures. Pure: draws,
 * results, review states, registries and today come from the shell.
 *
 * Definitions (docs/REPORT.md "The year in figures"):
 * - a month's figures are those of the draws dated in it: draws, entities
 *   drawn, inspected (a result imported), approved (已审核 or 已公示),
 *   published (已公示);
 * - 抽查完成率 = published ÷ drawn; 完结率 = closed ÷ published, a published
 *   result being closed when it needs no follow-up (no code 8, no follow-up
 *   written) or its follow-up has a 完结日期;
 * - the result-code mix counts, per code, the results of the period carrying
 *   it (a joint inspection's departments count once);
 * - coverage: per object type, the registry's entities with a result from a
 *   draw of the year (and of the year and the two before) over the registry;
 *   the list never inspected (no result in any draw of the ledger);
 * - inspectors: per 执法证号, entities assigned (team in force), inspected
 *   (with a result) and inspected as 组长;
 * - Tangshan's quarterly dates (4月5日, 7月1日, 10月6日, 12月20日): for each,
 *   whether it has passed and, over the draws dated before it, what is still
 *   due (drawn without a result, results not published) and the follow-ups
 *   open today.
 */
import { openFollowUps } from './follow-up.js';
import { teamsInForce } from './team-in-force.js';
import type { ReviewState } from './review.js';
import type { AmendmentRecord, DrawRecord, InspectionResult, ObjectType } from './types.js';

export interface MonthFigures {
  month: string;
  draws: number;
  drawn: number;
  inspected: number;
  approved: number;
  published: number;
  closed: number;
}

export interface StatsInput {
  year: number;
  quarter: number | null;
  draws: readonly DrawRecord[];
  amendments: readonly AmendmentRecord[];
  results: readonly InspectionResult[];
  /** Review state by `drawId \0 entity`. */
  states: ReadonlyMap<string, ReviewState>;
  /** The registries' entities now (key, name, object type), for coverage. */
  registry: readonly { key: string; name: string; objectType: ObjectType }[];
  today: string;
}

export interface Coverage {
  objectType: ObjectType;
  registry: number;
  inspectedThisYear: number;
  shareThisYear: string;
  inspectedThreeYears: number;
  shareThreeYears: string;
}

export interface InspectorFigures {
  key: string;
  name: string;
  assigned: number;
  inspected: number;
  asLeader: number;
}

export interface QuarterlyDate {
  date: string;
  passed: boolean;
  drawnBefore: number;
  withoutResult: number;
  unpublished: number;
  openFollowUps: number;
}

export interface YearStats {
  year: number;
  quarter: number | null;
  months: MonthFigures[];
  total: MonthFigures;
  completionRate: string;
  closureRate: string;
  codes: { code: number; results: number }[];
  coverage: Coverage[];
  neverInspected: { key: string; name: string; objectType: ObjectType }[];
  inspectors: InspectorFigures[];
  quarterly: QuarterlyDate[];
}

const QUARTERLY_DATES = ['04-05', '07-01', '10-06', '12-20'];
const key = (drawId: string, entity: string) => `${drawId}\u0000${entity}`;

/** a ÷ b as a percentage with two decimals ("" when b is 0). */
export const rate = (a: number, b: number): string => (b === 0 ? '' : `${((a * 100) / b).toFixed(2)}%`);

function needsNoFollowUp(r: InspectionResult): boolean {
  return r.followUp ? r.followUp.closedDate !== undefined : !r.departments.some((d) => d.codes.includes(8));
}

export function yearStats(input: StatsInput): YearStats {
  const { year, quarter } = input;
  const monthsOf = quarter ? [0, 1, 2].map((i) => (quarter - 1) * 3 + i + 1) : Array.from({ length: 12 }, (_, i) => i + 1);
  const months = monthsOf.map((m) => `${year}-${String(m).padStart(2, '0')}`);
  const inPeriod = (d: DrawRecord) => months.includes(d.drawDate.slice(0, 7));
  const resultOf = new Map(input.results.map((r) => [key(r.drawId, r.entity), r]));
  const figures = (draws: DrawRecord[], month: string): MonthFigures => {
    const f: MonthFigures = { month, draws: draws.length, drawn: 0, inspected: 0, approved: 0, published: 0, closed: 0 };
    for (const d of draws) {
      for (const e of d.selected) {
        f.drawn += 1;
        const r = resultOf.get(key(d.drawId, e.key));
        if (!r) continue;
        f.inspected += 1;
        const s = input.states.get(key(d.drawId, e.key));
        if (s === 'approved' || s === 'published') f.approved += 1;
        if (s === 'published') {
          f.published += 1;
          if (needsNoFollowUp(r)) f.closed += 1;
        }
      }
    }
    return f;
  };
  const monthRows = months.map((m) => figures(input.draws.filter((d) => d.drawDate.startsWith(m)), m));
  const periodDraws = input.draws.filter(inPeriod);
  const total = figures(periodDraws, quarter ? `${year}-Q${quarter}` : String(year));

  const codeCount = new Map<number, number>();
  for (const d of periodDraws) {
    for (const e of d.selected) {
      const r = resultOf.get(key(d.drawId, e.key));
      if (!r) continue;
      for (const c of new Set(r.departments.flatMap((x) => x.codes))) codeCount.set(c, (codeCount.get(c) ?? 0) + 1);
    }
  }

  // Coverage by draws of the year (and of three years), whatever the quarter: the share is a yearly figure.
  const inspectedIn = (from: number) => {
    const out = new Set<string>();
    for (const d of input.draws) {
      const y = Number(d.drawDate.slice(0, 4));
      if (y < from || y > year) continue;
      for (const e of d.selected) if (resultOf.has(key(d.drawId, e.key))) out.add(e.key);
    }
    return out;
  };
  const thisYear = inspectedIn(year);
  const threeYears = inspectedIn(year - 2);
  const ever = new Set(input.draws.flatMap((d) => d.selected.filter((e) => resultOf.has(key(d.drawId, e.key))).map((e) => e.key)));
  const types = [...new Set(input.registry.map((e) => e.objectType))];
  const coverage = types.map((objectType): Coverage => {
    const reg = input.registry.filter((e) => e.objectType === objectType);
    const a = reg.filter((e) => thisYear.has(e.key)).length;
    const b = reg.filter((e) => threeYears.has(e.key)).length;
    return { objectType, registry: reg.length, inspectedThisYear: a, shareThisYear: rate(a, reg.length), inspectedThreeYears: b, shareThreeYears: rate(b, reg.length) };
  });
  const neverInspected = input.registry.filter((e) => !ever.has(e.key)).map((e) => ({ key: e.key, name: e.name, objectType: e.objectType }));

  const inspectors = new Map<string, InspectorFigures>();
  for (const d of periodDraws) {
    const teams = teamsInForce(d, input.amendments);
    for (const e of d.selected) {
      const done = resultOf.has(key(d.drawId, e.key));
      for (const m of teams.get(e.key)?.members ?? []) {
        const f = inspectors.get(m.key) ?? { key: m.key, name: m.name, assigned: 0, inspected: 0, asLeader: 0 };
        f.assigned += 1;
        if (done) {
          f.inspected += 1;
          if (m.role === '组长') f.asLeader += 1;
        }
        inspectors.set(m.key, f);
      }
    }
  }

  const open = openFollowUps(input.results, input.draws, input.today).length;
  const quarterly = QUARTERLY_DATES.map((md): QuarterlyDate => {
    const date = `${year}-${md}`;
    const before = input.draws.filter((d) => d.drawDate.startsWith(String(year)) && d.drawDate < date);
    const f = figures(before, date);
    return { date, passed: date < input.today, drawnBefore: f.drawn, withoutResult: f.drawn - f.inspected, unpublished: f.inspected - f.published, openFollowUps: open };
  });

  return {
    year, quarter, months: monthRows, total,
    completionRate: rate(total.published, total.drawn),
    closureRate: rate(total.closed, total.published),
    codes: [...codeCount].sort((a, b) => a[0] - b[0]).map(([code, results]) => ({ code, results })),
    coverage, neverInspected,
    inspectors: [...inspectors.values()].sort((a, b) => b.inspected - a.inspected || (a.key < b.key ? -1 : 1)),
    quarterly,
  };
}
