/**
 * `ssj approve`: 审核 of imported results before 公示 (Laiyuan 第二十五条).
 * Approves (or returns, 退回) the results of one draw — the named entities,
 * else every one not yet approved — as one `approval` event naming who,
 * the opinion or reason, and the content approved. Also the review state of
 * every result for status and publish.
 */
import { loadPublications } from '../io/publications.js';
import { loadResults } from '../io/results-store.js';
import type { Workspace } from '../io/workspace.js';
import type { DrawRecord } from '../core/types.js';
import { approvalEvent, publishable, publishedSet, reviewStates, type ApprovalEvent, type ReviewState, type ApprovalProblem, type ApprovalRequest, type Reviewed } from '../core/review.js';
import { InputError } from '../errors.js';
import { approvalEvents, commit } from './after-events.js';

/** Every stored result with its review state. */
export function reviewedResults(ws: Workspace): Reviewed[] {
  const published = publishedSet(loadPublications(ws).flatMap((p) => p.inspections));
  return reviewStates(loadResults(ws), approvalEvents(ws), published);
}

/** Results of `draws` not approved (待审核 / 已退回): publish holds them back and names them. */
export function heldBack(ws: Workspace, draws: DrawRecord[]): { held: Set<string>; unapproved: { drawId: string; entity: string; name: string; state: ReviewState }[] } {
  const names = new Map(draws.flatMap((d) => d.selected.map((e) => [`${d.drawId}\u0000${e.key}`, e.name] as const)));
  const unapproved = reviewedResults(ws)
    .filter((r) => names.has(`${r.result.drawId}\u0000${r.result.entity}`) && !publishable(r))
    .map((r) => ({ drawId: r.result.drawId, entity: r.result.entity, name: names.get(`${r.result.drawId}\u0000${r.result.entity}`) ?? '', state: r.state }));
  return { held: new Set(unapproved.map((u) => `${u.drawId}\u0000${u.entity}`)), unapproved };
}

function refuse(p: ApprovalProblem): never {
  if (p.code === 'unknown-entity') throw new InputError('after.approve.unknownEntity', { id: p.drawId, entity: p.entity });
  if (p.code === 'no-results') throw new InputError('after.approve.noResults', { id: p.drawId });
  throw new InputError('after.approve.nothing', { id: p.drawId });
}

export interface Approved {
  event: ApprovalEvent;
  head: string;
}

/** Decides inside the lock (the results as they are then) and records the event. */
export async function approve(ws: Workspace, req: ApprovalRequest, now: Date): Promise<Approved> {
  const decide = (): ApprovalEvent => {
    const out = approvalEvent(req, reviewedResults(ws));
    if ('problem' in out) refuse(out.problem);
    return out.event;
  };
  let event = decide(); // refused before the lock is even taken when nothing matches
  const head = await commit(ws, () => (event = decide()), [], now);
  return { event, head };
}

/** Results of the month's draws not yet published (any review state but 已公示): report warns about them. */
export function unpublishedOfMonth(ws: Workspace, draws: readonly DrawRecord[], month: string): { drawId: string; entity: string; name: string; state: ReviewState }[] {
  const names = new Map(draws.filter((d) => d.drawDate.startsWith(month)).flatMap((d) => d.selected.map((e) => [`${d.drawId}\u0000${e.key}`, e.name] as const)));
  return reviewedResults(ws)
    .filter((r) => names.has(`${r.result.drawId}\u0000${r.result.entity}`) && r.state !== 'published')
    .map((r) => ({ drawId: r.result.drawId, entity: r.result.entity, name: names.get(`${r.result.drawId}\u0000${r.result.entity}`) ?? '', state: r.state }));
}
