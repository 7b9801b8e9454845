/**
 * Deciding what an import does, file by file, before anything is written:
 * a file with any error imports nothing; the others still import. The same
 * content again is `unchanged`; different content for a stored inspection is
 * refused unless `replace`, and then the stored version goes to the audit
 * trail. Pure: the store (src/io/results-store.ts) carries the plan out.
 */
import { cellIssue, type CheckedInspection } from './results.js';
import type { InspectionResult, Issue } from './types.js';

export type StoreAction = 'new' | 'unchanged' | 'replace' | 'conflict';

export const resultKey = (drawId: string, entity: string) => `${drawId}\u0000${entity}`;

/** What storing `incoming` means given what is stored for the same draw and entity. */
export function decideStore(existing: InspectionResult | undefined, incoming: InspectionResult, replace: boolean): StoreAction {
  if (!existing) return 'new';
  if (existing.contentSha256 === incoming.contentSha256) return 'unchanged';
  return replace ? 'replace' : 'conflict';
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
  unchanged: number;
  issues: Issue[];
  writes: PlannedWrite[];
}

function refused(reading: FileReading, issues: Issue[]): FileOutcome {
  return { file: reading.file, form: reading.form, status: 'refused', imported: 0, replaced: 0, unchanged: 0, issues, writes: [] };
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
    for (const c of reading.inspections) {
      const r = c.result as InspectionResult;
      const key = resultKey(r.drawId, r.entity);
      const inFile = here.get(key);
      if (inFile) {
        if (inFile.result.contentSha256 !== r.contentSha256) issues.push(cellIssue('duplicate', reading.file, c.anchor, { key: r.entity, id: r.drawId }));
        continue;
      }
      const earlier = pending.get(key);
      const onDisk = stored.get(key);
      const action = decideStore(earlier ?? onDisk, r, replace);
      if (action === 'unchanged') unchanged += 1;
      else if (action === 'conflict') {
        const prev = (earlier ?? onDisk) as InspectionResult;
        issues.push(cellIssue('conflict', reading.file, c.anchor, { key: r.entity, id: r.drawId, previous: prev.source.file, at: prev.source.importedAt }));
      } else {
        if (action === 'replace') replaced += 1;
        // Files are stored one after another, so what an earlier file of this run wrote is on disk by then.
        here.set(key, { result: r, previous: action === 'replace' ? ((earlier ?? onDisk) as InspectionResult) : null });
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
      imported: writes.length - replaced,
      replaced,
      unchanged,
      issues,
      writes,
    });
  }
  return outcomes;
}
