/**
 * `ssj stats`: the year's figures from the ledger's draws, the stored
 * results, their review states and the registries (given by --entities, else
 * the files the year's latest draw recorded, found in registries/).
 */
import { yearStats, type YearStats } from '../core/stats.js';
import type { DrawRecord, ObjectType } from '../core/types.js';
import { loadInputs } from '../io/inputs.js';
import { drawsInForce, isAmendment, listRecords } from '../io/records.js';
import { loadResults } from '../io/results-store.js';
import type { Workspace } from '../io/workspace.js';
import { reviewedResults } from './approve.js';
import { recordedInputs } from './draw-inputs.js';

export async function statsOf(ws: Workspace, year: number, quarter: number | null, today: string, entityFiles: string[]): Promise<YearStats> {
  const records = listRecords(ws);
  const draws = drawsInForce(records); // a replacement (补抽) counted instead of the replaced
  const amendments = records.filter(isAmendment);
  const latest = draws.filter((d) => Number(d.drawDate.slice(0, 4)) <= year).at(-1);
  let registry: { key: string; name: string; objectType: ObjectType }[] = [];
  const files = entityFiles.length ? entityFiles : latest ? (recordedInputs(ws, latest, {}, ws.draws, ['entities']).entities ?? []) : [];
  if (files.length) {
    const loaded = await loadInputs({ entities: files }, { plan: false, entities: true, inspectors: false });
    registry = loaded.entities.map((e) => ({ key: e.key, name: e.name, objectType: e.objectType }));
  }
  const states = new Map(reviewedResults(ws).map((r) => [`${r.result.drawId}\u0000${r.result.entity}`, r.state]));
  return yearStats({ year, quarter, draws, amendments, results: loadResults(ws), states, registry, today });
}
