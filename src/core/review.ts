/**
 * Approval before 公示 (Laiyuan 第二十五条: 处理意见经分管负责人或主要负责人审批后
 * 向社会公示). Each imported result is 待审核 until an `approval` event approves
 * its content; 退回 (returned) until approved again; 已审核 once approved; 已公示
 * once a publication lists it. An approval binds the content it saw
 * (`results[].contentSha256`): a result replaced after approval is 待审核 again.
 * Pure: events and publications come from the shell.
 */
import type { DrawRecord, InspectionResult } from './types.js';

export type ReviewState = 'pending' | 'returned' | 'approved' | 'published';

/** The Chinese labels status prints (the bureau's words). */
export const REVIEW_LABELS: ReadonlyMap<ReviewState, string> = new Map([
  ['pending', '待审核'],
  ['returned', '已退回'],
  ['approved', '已审核'],
  ['published', '已公示'],
]);

/** An `approval` event's payload as the ledger holds it. */
export interface ApprovalEvent {
  kind: 'approval';
  drawId: string;
  entities: string[];
  decision: 'approved' | 'returned';
  by: string;
  opinion?: string;
  reason?: string;
  /** The content each decision saw. */
  results: { entity: string; contentSha256: string }[];
  at?: string;
  date?: string;
}

export interface Reviewed {
  result: InspectionResult;
  state: ReviewState;
  /** The decision that applies to this content, if any. */
  decision: ApprovalEvent | null;
}

const key = (drawId: string, entity: string) => `${drawId}\u0000${entity}`;

/** The last decision per (draw, entity, content), in event order. */
function decisions(events: readonly ApprovalEvent[]): Map<string, ApprovalEvent> {
  const out = new Map<string, ApprovalEvent>();
  for (const e of events) for (const r of e.results) out.set(`${key(e.drawId, r.entity)}\u0000${r.contentSha256}`, e);
  return out;
}

/** Each result's state, given the approval events and the inspections already published. */
export function reviewStates(results: readonly InspectionResult[], events: readonly ApprovalEvent[], published: ReadonlySet<string>): Reviewed[] {
  const last = decisions(events);
  return results.map((r) => {
    const decision = last.get(`${key(r.drawId, r.entity)}\u0000${r.contentSha256}`) ?? null;
    const isPublished = published.has(key(r.drawId, r.entity));
    const state: ReviewState = isPublished ? 'published' : decision === null ? 'pending' : decision.decision === 'approved' ? 'approved' : 'returned';
    return { result: r, state, decision };
  });
}

/** The set `reviewStates` takes: `drawId \0 entity` of every published inspection. */
export const publishedSet = (inspections: readonly { drawId: string; entity: string }[]): Set<string> => new Set(inspections.map((i) => key(i.drawId, i.entity)));

/** Which results may be published: approved, or already published (a publication again lists them as before). */
export const publishable = (r: Reviewed): boolean => r.state === 'approved' || r.state === 'published';

export interface ApprovalRequest {
  drawId: string;
  /** Entity keys; empty = every result of the draw still 待审核 or 已退回. */
  entities: string[];
  decision: 'approved' | 'returned';
  by: string;
  opinion?: string;
  reason?: string;
}

export type ApprovalProblem =
  | { code: 'no-results'; drawId: string }
  | { code: 'unknown-entity'; drawId: string; entity: string }
  | { code: 'nothing-to-do'; drawId: string };

/**
 * The event for a request, or a problem: named entities must have a result
 * in this draw; without names, every result of the draw not yet approved.
 * Approving or returning an already-published result is refused by the
 * caller's listing (nothing to do).
 */
export function approvalEvent(req: ApprovalRequest, reviewed: readonly Reviewed[]): { event: ApprovalEvent } | { problem: ApprovalProblem } {
  const ofDraw = reviewed.filter((r) => r.result.drawId === req.drawId);
  if (ofDraw.length === 0) return { problem: { code: 'no-results', drawId: req.drawId } };
  let chosen: Reviewed[];
  if (req.entities.length) {
    chosen = [];
    for (const entity of req.entities) {
      const r = ofDraw.find((x) => x.result.entity === entity);
      if (!r) return { problem: { code: 'unknown-entity', drawId: req.drawId, entity } };
      chosen.push(r);
    }
  } else chosen = ofDraw.filter((r) => r.state === 'pending' || r.state === 'returned');
  chosen = chosen.filter((r) => r.state !== 'published');
  if (chosen.length === 0) return { problem: { code: 'nothing-to-do', drawId: req.drawId } };
  const event: ApprovalEvent = {
    kind: 'approval',
    drawId: req.drawId,
    entities: chosen.map((r) => r.result.entity),
    decision: req.decision,
    by: req.by,
    ...(req.opinion ? { opinion: req.opinion } : {}),
    ...(req.reason ? { reason: req.reason } : {}),
    results: chosen.map((r) => ({ entity: r.result.entity, contentSha256: r.result.contentSha256 })),
  };
  return { event };
}

export interface ReviewRow {
  entity: string;
  order: number;
  name: string;
  state: ReviewState;
  label: string;
  by?: string;
  date?: string;
}

/** Per draw (in draw order), each result's review state with the entity's order and name. */
export function reviewByDraw(reviewed: readonly Reviewed[], draws: readonly DrawRecord[]): Map<string, ReviewRow[]> {
  const out = new Map<string, ReviewRow[]>();
  for (const d of draws) {
    const mine = new Map(reviewed.filter((r) => r.result.drawId === d.drawId).map((r) => [r.result.entity, r]));
    const rows: ReviewRow[] = [];
    for (const e of [...d.selected].sort((a, b) => a.order - b.order)) {
      const r = mine.get(e.key);
      if (!r) continue;
      rows.push({
        entity: e.key, order: e.order, name: e.name, state: r.state, label: REVIEW_LABELS.get(r.state) ?? '',
        ...(r.decision ? { by: r.decision.by, ...(r.decision.date ? { date: r.decision.date } : {}) } : {}),
      });
    }
    out.set(d.drawId, rows);
  }
  return out;
}
