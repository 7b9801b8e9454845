/**
 * Deciding what an import does, file by file, before anything is written:
 * a file with any error imports nothing; the others still import. The same
 * content again is `unchanged`. A result that only adds to the stored one —
 * same date and codes, and 处理情况 / 备注 / 公示 where the stored one has
 * none (a results table with 公示日期 after the record sheet) — `completes`
 * it. Anything else different is refused unless `replace`. Whatever replaces
 * or completes a stored version sends that version to the audit trail. Pure:
 * the store (src/io/results-store.ts) carries the plan out.
 */
import { canonicalJson } from './hash.js';
import { cellIssue, resultContentSha256, type CheckedInspection } from './results.js';
import type { InspectionResult, Issue } from './types.js';
import type { FollowUp } from './follow-up.js';

export type StoreAction = 'new' | 'unchanged' | 'complete' | 'replace' | 'conflict';

export const resultKey = (drawId: string, entity: string) => `${drawId}\u0000${entity}`;

/** `a` with `b`'s value where `a` has none; null when both have different values. */
function fill(a: string, b: string): string | null {
  return a === '' || a === b ? b || a : b === '' ? a : null;
}

/** Follow-up `a` with `b`'s fields where `a` has none; null when a field differs. */
export function fillFollowUp(a: FollowUp | undefined, b: FollowUp | undefined): FollowUp | undefined | null {
  if (!a || !b) return a ?? b;
  if (a.measure !== b.measure) return null;
  const out: FollowUp = { measure: a.measure };
  for (const k of ['amount', 'deadline', 'recheckDate', 'recheckOutcome', 'closedDate'] as const) {
    const v = fill(a[k] ?? '', b[k] ?? '');
    if (v === null) return null;
    if (v !== '') out[k] = v;
  }
  return out;
}

/**
 * The stored result completed with what `incoming` adds, or null when they
 * disagree (date, codes, or a field both fill differently).
 */
export function mergeCompatible(existing: InspectionResult, incoming: InspectionResult): InspectionResult | null {
  if (existing.inspectionDate !== incoming.inspectionDate) return null;
  if (canonicalJson(existing.departments) !== canonicalJson(incoming.departments)) return null;
  const handling = fill(existing.handling, incoming.handling);
  const remarks = fill(existing.remarks, incoming.remarks);
  const [p, q] = [existing.publication, incoming.publication];
  const samePub = p !== null && q !== null && p.date === q.date && (p.site === q.site || p.site === '' || q.site === '');
  if (handling === null || remarks === null || (p !== null && q !== null && !samePub)) return null;
  const publication = p && q ? { date: p.date, site: p.site || q.site } : (p ?? q);
  // A follow-up is filled in stages (measure and deadline, then 复查, then 完结): a later one completes the stored
  // one field by field; a field both give differently disagrees.
  const followUp = fillFollowUp(existing.followUp, incoming.followUp);
  if (followUp === null) return null;
  const content = { format: existing.format, drawId: existing.drawId, entity: existing.entity, inspectionDate: existing.inspectionDate, departments: existing.departments, handling, remarks, publication, ...(followUp ? { followUp } : {}) };
  return { ...content, source: incoming.source, contentSha256: resultContentSha256(content) };
}

/** What storing `incoming` means given what is stored, and the result to write. */
export function decideStore(existing: InspectionResult | undefined, incoming: InspectionResult, replace: boolean): { action: StoreAction; result: InspectionResult } {
  if (!existing) return { action: 'new', result: incoming };
  if (existing.contentSha256 === incoming.contentSha256) return { action: 'unchanged', result: existing };
  if (replace) return { action: 'replace', result: incoming };
  const merged = mergeCompatible(existing, incoming);
  if (merged === null) return { action: 'conflict', result: incoming };
  return merged.contentSha256 === existing.contentSha256 ? { action: 'unchanged', result: existing } : { action: 'complete', result: merged };
}

export interface FileReading {
  file: string;
  form: 'sheet' | 'table' | null;
  inspections: CheckedInspection[];
  /** Problems reading the file itself (no defined names, not a results table, unreadable). */
  issues: Issue[];
}

export interface PlannedWrite {
  result: InspectionResult;
  /** The version on disk this write replaces (goes to results/.history/), if any. */
  previous: InspectionResult | null;
}

export interface FileOutcome {
  file: string;
  form: 'sheet' | 'table' | null;
  status: 'imported' | 'unchanged' | 'refused';
  imported: number;
  replaced: number;
  /** Stored results completed (公示, 处理情况, 备注 added), the old version kept in the audit trail. */
  completed: number;
  unchanged: number;
  issues: Issue[];
  writes: PlannedWrite[];
}

function refused(reading: FileReading, issues: Issue[]): FileOutcome {
  return { file: reading.file, form: reading.form, status: 'refused', imported: 0, replaced: 0, completed: 0, unchanged: 0, issues, writes: [] };
}

/**
 * Plans every file against the stored results and against the files before
 * it in this same import (two files giving different content for one
 * inspection: the second is a conflict too).
 */
export function planImport(readings: readonly FileReading[], stored: ReadonlyMap<string, InspectionResult>, replace: boolean): FileOutcome[] {
  const pending = new Map<string, InspectionResult>(); // accepted earlier in this import
  const outcomes: FileOutcome[] = [];
  for (const reading of readings) {
    const issues = [...reading.issues, ...reading.inspections.flatMap((c) => c.issues)];
    if (issues.some((i) => i.severity === 'error') || reading.inspections.length === 0) {
      outcomes.push(refused(reading, issues));
      continue;
    }
    const here = new Map<string, PlannedWrite>();
    let unchanged = 0;
    let replaced = 0;
    let completed = 0;
    for (const c of reading.inspections) {
      const r = c.result as InspectionResult;
      const key = resultKey(r.drawId, r.entity);
      const inFile = here.get(key);
      if (inFile) {
        if (inFile.result.contentSha256 !== r.contentSha256) issues.push(cellIssue('duplicate', reading.file, c.anchor, { key: r.entity, id: r.drawId }));
        continue;
      }
      // Files are stored one after another, so what an earlier file of this run wrote is on disk by then.
      const prev = pending.get(key) ?? stored.get(key);
      const { action, result } = decideStore(prev, r, replace);
      if (action === 'unchanged') unchanged += 1;
      else if (action === 'conflict' && prev) {
        issues.push(cellIssue('conflict', reading.file, c.anchor, { key: r.entity, id: r.drawId, previous: prev.source.file, at: prev.source.importedAt }));
      } else {
        if (action === 'replace') replaced += 1;
        if (action === 'complete') completed += 1;
        here.set(key, { result, previous: action === 'new' ? null : (prev ?? null) });
      }
    }
    if (issues.some((i) => i.severity === 'error')) {
      outcomes.push(refused(reading, issues));
      continue;
    }
    const writes = [...here.values()];
    for (const w of writes) pending.set(resultKey(w.result.drawId, w.result.entity), w.result);
    outcomes.push({
      file: reading.file,
      form: reading.form,
      status: writes.length > 0 ? 'imported' : 'unchanged',
      imported: writes.length - replaced - completed,
      replaced,
      completed,
      unchanged,
      issues,
      writes,
    });
  }
  return outcomes;
}
