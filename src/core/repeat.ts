/**
 * A repeat draw: a plan row (same 抽查事项 and 抽查对象) drawn again in the
 * same 抽查频次 period. The year is cut into `timesPerYear` periods of whole
 * months (1 → the year, 2 → half-years, 4 → quarters, 12 → months; a number
 * that does not divide 12 cuts at month boundaries as evenly as it can); a
 * row without 抽查频次 counts per month, and more than 12 a year per day.
 * Voided draws do not count (the caller leaves them out).
 */
import type { Plan, PlanRow } from './types.js';

/** The period of `date` (YYYY-MM-DD) for a row drawn `timesPerYear` times a year: a stable label. */
export function periodOf(date: string, timesPerYear: number | null): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const k = timesPerYear !== null && timesPerYear > 0 ? timesPerYear : 12;
  if (k > 12) return date.slice(0, 10);
  if (k === 12) return date.slice(0, 7);
  if (k === 1) return year;
  return `${year}/${k}-${Math.floor(((month - 1) * k) / 12) + 1}`;
}

const sameRow = (a: PlanRow, b: PlanRow) => a.item === b.item && a.objectType === b.objectType;

export interface RepeatedRow {
  row: number;
  item: string;
  objectType: string;
  period: string;
  draws: string[];
}

/** The rows of `plan`, drawn on `date`, that earlier draws (not voided) already drew in the same period. */
export function repeatedRows(plan: Plan, date: string, earlier: { drawId: string; drawDate: string; plan: Plan }[]): RepeatedRow[] {
  const out: RepeatedRow[] = [];
  for (const row of plan.rows) {
    const period = periodOf(date, row.timesPerYear);
    const draws = earlier
      .filter((d) => d.plan.rows.some((r) => sameRow(r, row)) && periodOf(d.drawDate, row.timesPerYear) === period)
      .map((d) => d.drawId);
    if (draws.length) out.push({ row: row.no, item: row.item, objectType: row.objectType, period, draws });
  }
  return out;
}
