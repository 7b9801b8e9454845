/**
 * ssj results: the planned import written through the ledger's append, as one
 * `results-import` event listing every stored result (and audit-trail copy)
 * with its SHA-256 and each source file's SHA-256, so a stored result edited
 * later is named by `verify --ledger`. An import that changes nothing appends nothing.
 */
import path from 'node:path';
import { planImport, type FileOutcome } from '../core/results-import.js';
import { fileSha256 } from '../io/ledger-file.js';
import type { ReadResult } from '../io/results-read.js';
import { loadResultMap, plannedResultFiles } from '../io/results-store.js';
import type { Workspace } from '../io/workspace.js';
import { appendEvent } from './ledger.js';

export async function importResults(ws: Workspace, readings: ReadResult[], replace: boolean, now: Date): Promise<{ outcomes: FileOutcome[]; head: string | null }> {
  const done = await appendEvent(ws, now, () => {
    const planned = planImport(readings, loadResultMap(ws), replace);
    const write = plannedResultFiles(ws, planned);
    if (!write.length) return { event: null, value: planned };
    const imported = planned.filter((o) => o.status === 'imported' && o.writes.length > 0);
    const changes = imported.flatMap((o) => o.writes.map((w) => ({ drawId: w.result.drawId, entity: w.result.entity, change: w.previous ? 'replaced' : 'imported' })));
    const drawIds = [...new Set(changes.map((c) => c.drawId))];
    return {
      value: planned,
      event: {
        kind: 'results-import',
        ...(drawIds.length === 1 ? { drawId: drawIds[0] } : {}),
        write,
        payload: { drawIds, sources: imported.map((o) => ({ name: path.basename(o.file), sha256: fileSha256(o.file) ?? '' })), changes },
      },
    };
  });
  return { outcomes: done.value, head: done.head || null };
}
