/**
 * 后续处置 to closure: a result's structured follow-up — the measure
 * (责令整改 / 移送 / 抄告 / 追回 with an amount / 行政处罚 / 其他), the deadline,
 * the 复查 date and outcome, the 完结 date — read from optional results-table
 * columns, and which follow-ups are open or overdue. Pure.
 */
import { parseDate } from './result-parse.js';
import type { DrawRecord, InspectionResult } from './types.js';

export const MEASURES = ['责令整改', '移送', '抄告', '追回', '行政处罚', '其他'] as const;
export type Measure = (typeof MEASURES)[number];

export interface FollowUp {
  measure: Measure;
  /** 追回金额 in yuan as written (digits, optional decimals); "" when none. */
  amount?: string;
  deadline?: string;
  recheckDate?: string;
  recheckOutcome?: string;
  closedDate?: string;
}

/** The measure a clerk wrote (责令限期整改 → 责令整改, 移送公安 → 移送, 追回医保基金 → 追回); null when none matches. */
export function parseMeasure(text: string): Measure | null {
  const v = text.replace(/\s+/g, '');
  if (v === '') return null;
  if (/整改/.test(v)) return '责令整改';
  if (/追回|退回基金|追缴/.test(v)) return '追回';
  if (/处罚|罚款/.test(v)) return '行政处罚';
  if (/移送|移交/.test(v)) return '移送';
  if (/抄告|抄送|通报/.test(v)) return '抄告';
  if (/其他|其它/.test(v)) return '其他';
  return null;
}

export interface FollowUpCells {
  measure: string;
  amount: string;
  deadline: string;
  recheckDate: string;
  recheckOutcome: string;
  closedDate: string;
}

export type FollowUpProblem = { field: keyof FollowUpCells; code: 'followup-measure' | 'followup-amount' | 'followup-date' | 'followup-no-measure'; value: string };

/** The follow-up of a row's cells (undefined when all are empty), or the problems found. */
export function parseFollowUp(c: FollowUpCells): { followUp?: FollowUp; problems: FollowUpProblem[] } {
  const problems: FollowUpProblem[] = [];
  const filled = Object.values(c).some((v) => v.trim() !== '');
  if (!filled) return { problems };
  const measure = parseMeasure(c.measure);
  if (c.measure.trim() === '') problems.push({ field: 'measure', code: 'followup-no-measure', value: '' });
  else if (measure === null) problems.push({ field: 'measure', code: 'followup-measure', value: c.measure });
  const amount = c.amount.replace(/[,，\s元]/g, '');
  if (amount !== '' && !/^\d+(\.\d{1,2})?$/.test(amount)) problems.push({ field: 'amount', code: 'followup-amount', value: c.amount });
  const date = (field: 'deadline' | 'recheckDate' | 'closedDate'): string | undefined => {
    const text = c[field].trim();
    if (text === '') return undefined;
    const d = parseDate(text);
    if (d === null) problems.push({ field, code: 'followup-date', value: text });
    return d ?? undefined;
  };
  const deadline = date('deadline');
  const recheckDate = date('recheckDate');
  const closedDate = date('closedDate');
  if (problems.length || measure === null) return { problems };
  const followUp: FollowUp = {
    measure,
    ...(amount !== '' ? { amount } : {}),
    ...(deadline ? { deadline } : {}),
    ...(recheckDate ? { recheckDate } : {}),
    ...(c.recheckOutcome.trim() ? { recheckOutcome: c.recheckOutcome.trim() } : {}),
    ...(closedDate ? { closedDate } : {}),
  };
  return { followUp, problems };
}

export interface OpenFollowUp {
  drawId: string;
  entity: string;
  name: string;
  inspectionDate: string;
  /** The measure, or null: code 8 (发现问题待后续处理) with no follow-up written yet. */
  measure: Measure | null;
  amount: string;
  deadline: string;
  recheckDate: string;
  recheckOutcome: string;
  overdue: boolean;
  /** Days past the deadline (0 when not overdue). */
  daysOverdue: number;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);

/**
 * Follow-ups not closed (no 完结日期), and results with code 8 that have none yet; overdue when the
 * deadline is before `today`. Sorted overdue first, then by deadline.
 */
export function openFollowUps(results: readonly InspectionResult[], draws: readonly DrawRecord[], today: string): OpenFollowUp[] {
  const names = new Map(draws.flatMap((d) => d.selected.map((e) => [`${d.drawId}\u0000${e.key}`, e.name] as const)));
  const out: OpenFollowUp[] = [];
  for (const r of results) {
    const f = r.followUp;
    const pending = r.departments.some((d) => d.codes.includes(8));
    if (f ? f.closedDate !== undefined : !pending) continue;
    const deadline = f?.deadline ?? '';
    const overdue = deadline !== '' && deadline < today;
    out.push({
      drawId: r.drawId, entity: r.entity, name: names.get(`${r.drawId}\u0000${r.entity}`) ?? '', inspectionDate: r.inspectionDate,
      measure: f?.measure ?? null, amount: f?.amount ?? '', deadline, recheckDate: f?.recheckDate ?? '', recheckOutcome: f?.recheckOutcome ?? '',
      overdue, daysOverdue: overdue ? days(deadline, today) : 0,
    });
  }
  return out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline || '9999') .localeCompare(b.deadline || '9999') || a.entity.localeCompare(b.entity));
}
