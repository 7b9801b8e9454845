/** `ssj results` output: the --json summary and the terminal lines, from the same outcomes. */
import type { FileOutcome } from '../core/results-import.js';
import { t, type MsgKey } from '../i18n/index.js';
import { issueJson, issueMessage, type IssueJson } from './issue-text.js';

export interface ImportSummary {
  files: {
    file: string;
    form: 'sheet' | 'table' | null;
    status: FileOutcome['status'];
    imported: number;
    replaced: number;
    completed: number;
    unchanged: number;
    results: { drawId: string; entity: string; inspectionDate: string; departments: { department: string; codes: number[] }[] }[];
    issues: IssueJson[];
  }[];
  /** Blank record sheets found in a folder or by a pattern: not filled in yet, not imported. */
  skipped: string[];
  summary: { files: number; imported: number; replaced: number; completed: number; unchanged: number; refused: number; skipped: number };
}

export function importSummary(outcomes: readonly FileOutcome[], skipped: readonly string[] = []): ImportSummary {
  const files = outcomes.map((o) => ({
    file: o.file,
    form: o.form,
    status: o.status,
    imported: o.imported,
    replaced: o.replaced,
    completed: o.completed,
    unchanged: o.unchanged,
    results: o.writes.map((w) => ({ drawId: w.result.drawId, entity: w.result.entity, inspectionDate: w.result.inspectionDate, departments: w.result.departments })),
    issues: o.issues.map(issueJson),
  }));
  const sum = (f: (o: FileOutcome) => number) => outcomes.reduce((n, o) => n + f(o), 0);
  return {
    files,
    skipped: [...skipped],
    summary: {
      files: outcomes.length,
      imported: sum((o) => o.imported),
      replaced: sum((o) => o.replaced),
      completed: sum((o) => o.completed),
      unchanged: sum((o) => o.unchanged),
      refused: sum((o) => (o.status === 'refused' ? 1 : 0)),
      skipped: skipped.length,
    },
  };
}

/** "imported 2, corrected 1": only the counts that are not zero. */
function parts(o: FileOutcome): string {
  const list: [MsgKey, number][] = [
    ['results.import.part.imported', o.imported],
    ['results.import.part.completed', o.completed],
    ['results.import.part.replaced', o.replaced],
    ['results.import.part.unchanged', o.unchanged],
  ];
  return list
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t(key, { n }))
    .join(t('results.import.part.sep'));
}

export function renderImport(outcomes: readonly FileOutcome[], skipped: readonly string[], out: (s: string) => void, err: (s: string) => void): void {
  for (const o of outcomes) {
    if (o.status === 'refused') {
      const errors = o.issues.filter((i) => i.severity === 'error');
      err(t('results.import.refused', { file: o.file, count: errors.length }));
      for (const i of errors) err(`  - ${issueMessage(i)}`);
      continue;
    }
    out(o.status === 'unchanged' ? t('results.import.unchanged', { file: o.file, unchanged: o.unchanged }) : t('results.import.imported', { file: o.file, parts: parts(o) }));
    for (const i of o.issues) out(`  - ${issueMessage(i)}`);
  }
  for (const f of skipped) out(t('results.import.skipped', { file: f }));
  const s = importSummary(outcomes, skipped).summary;
  out(t('results.import.summary', { files: s.files, imported: s.imported, completed: s.completed, replaced: s.replaced, unchanged: s.unchanged, refused: s.refused }));
}
