/**
 * 抽查频次 (SPEC "The plan"): how many draws of a plan row the bureau plans
 * per year. A warning, not a refusal, when this year's ledger already holds
 * that many draws of the row (same 抽查事项名称 and 抽查对象).
 */
import type { Plan } from './types.js';

export interface FrequencyReached {
  row: number;
  item: string;
  times: number;
  done: number;
  draws: string[];
}

export function frequencyReached(plan: Plan, yearDraws: { drawId: string; plan: Plan }[]): FrequencyReached[] {
  const out: FrequencyReached[] = [];
  for (const row of plan.rows) {
    if (row.timesPerYear === null || row.timesPerYear <= 0) continue;
    const draws = yearDraws.filter((d) => d.plan.rows.some((r) => r.item === row.item && r.objectType === row.objectType)).map((d) => d.drawId);
    if (draws.length >= row.timesPerYear) out.push({ row: row.no, item: row.item, times: row.timesPerYear, done: draws.length, draws });
  }
  return out;
}
