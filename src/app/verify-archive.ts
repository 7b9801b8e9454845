/**
 * ssj verify FILE.zip: an evidence package re-checked wherever it is, needing nothing but itself. It is
 * extracted (guarded: src/io/archive-zip.ts) into a temporary folder, removed afterwards; then
 * 1. every file against MANIFEST.sha256 (changed, missing, unlisted, not inflating — each named);
 * 2. the ledger inside as `verify --ledger` checks a workspace: the hash chain, every record, every listed file
 *    the package should hold (the same selection ssj archive made, recomputed from the ledger), and its head
 *    against ARCHIVE.json;
 * 3. every draw in scope re-run from the inputs inside (`verify --draw`), with its amendments.
 */
import type { InputFiles } from '../io/inputs.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { archiveSelection, checkManifest, DESCRIPTION, isLeftOut, MANIFEST, parseDescription, parseManifest, type ArchiveDescription } from '../core/archive.js';
import { headOf, lineOfHead, recordLines, type AnyLine } from '../core/events.js';
import { checkLedger } from '../core/ledger.js';
import type { Difference } from '../core/verify.js';
import { InputError, SsjError } from '../errors.js';
import { t } from '../i18n/index.js';
import { extractPackage } from '../io/archive-zip.js';
import { readLedgerLines, workspaceFileSha256 } from '../io/ledger-file.js';
import { isDraw, loadRecordsForCheck, readRecord, recordIdsIn } from '../io/records.js';
import type { FileProgress } from '../io/registry.js';
import { workspacePaths, type Workspace } from '../io/workspace.js';
import { verifyDraw } from './verify.js';

export interface PackageVerification {
  match: boolean;
  differences: Difference[];
  /** Files in the package (as extracted). */
  files: number;
  lines: number;
  ledgerHead: string | null;
  draws: string[];
  amendments: string[];
  /** Files the ledger lists that are outside the package's scope (not expected in it). */
  outside: number;
  /** With an expected head: the ledger line that has it (null when none does, or none was given). */
  headLine: number | null;
}

const message = (err: unknown) => (err instanceof SsjError ? t(err.key, err.params) : err instanceof Error ? err.message : String(err));

const FLAG: Record<string, keyof InputFiles> = {
  plan: 'plan', pharmacies: 'entities', institutions: 'entities', insured: 'entities', inspectors: 'inspectors', conflicts: 'conflicts',
  items: 'items', 'prior-inspections': 'priorInspections',
};

/** The ledger inside, as a workspace's: what the package should hold is the selection its scope makes. */
function checkPackageLedger(ws: Workspace, lines: AnyLine[], d: ArchiveDescription): { differences: Difference[]; draws: string[]; amendments: string[]; outside: number } {
  const records = recordLines(lines);
  const dates = new Map<string, string>();
  for (const l of records) {
    if (l.amends !== undefined) continue;
    try {
      const r = readRecord(ws, l.drawId);
      if (isDraw(r)) dates.set(l.drawId, r.drawDate);
    } catch {
      /* a missing or damaged record is named by the chain check */
    }
  }
  const sel = archiveSelection(lines, dates, d.scope);
  const expected = new Set(sel.files);
  const check = checkLedger(lines, loadRecordsForCheck(ws, records), recordIdsIn(ws), { fileHash: (f) => workspaceFileSha256(ws, f) });
  let outside = 0;
  const differences = check.differences.filter((x) => {
    const absent = x.field === 'file.missing' && x.file !== undefined && (!expected.has(x.file) || isLeftOut(x.file));
    if (absent) outside += 1;
    return !absent;
  });
  if (headOf(lines) !== d.ledgerHead) differences.push({ field: 'ledger.head', file: 'ledger.jsonl', expected: d.ledgerHead, found: headOf(lines) });
  if (sel.draws.join(',') !== d.draws.join(',')) differences.push({ field: 'archive.draws', file: DESCRIPTION, expected: sel.draws.join('、'), found: d.draws.join('、') });
  return { differences, draws: sel.draws, amendments: sel.amendments, outside };
}

/** Each draw re-run from the inputs the package holds for it. */
async function rerunDraws(ws: Workspace, d: ArchiveDescription, draws: string[], progress: FileProgress | undefined, warn: (text: string) => void): Promise<Difference[]> {
  const out: Difference[] = [];
  for (const id of draws) {
    const files: InputFiles = {};
    for (const i of d.inputs.filter((x) => x.drawId === id)) {
      const flag = FLAG[i.role];
      if (!flag) continue;
      files[flag] = [...(files[flag] ?? []), path.join(ws.root, ...i.path.split('/'))];
    }
    try {
      const v = await verifyDraw(ws, undefined, { drawId: id, files }, progress, warn);
      out.push(...v.differences.map((x) => ({ ...x, drawId: x.drawId ?? id })));
    } catch (err) {
      out.push({ field: 'rerun', drawId: id, expected: null, found: message(err).split(ws.root + path.sep).join('') });
    }
  }
  return out;
}

/** `expectHead`: a head written on paper (witness sheet, publication, report) that the package's ledger must reach. */
export async function verifyPackage(file: string, progress: FileProgress | undefined, warn: (text: string) => void, expectHead: string | null = null): Promise<PackageVerification> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-package-'));
  const say = (text: string) => warn(text.split(tmp + path.sep).join(''));
  try {
    const extracted = await extractPackage(file, tmp);
    const differences: Difference[] = extracted.broken.map((b) => ({ field: 'file.unreadable', file: b.path, expected: null, found: b.reason }));
    const broken = new Set(extracted.broken.map((b) => b.path));
    if (!extracted.files.has(MANIFEST) || !extracted.files.has(DESCRIPTION)) throw new InputError('archive.zip.noManifest', { file });
    const manifest = parseManifest(fs.readFileSync(path.join(tmp, MANIFEST), 'utf8'));
    differences.push(...manifest.differences, ...checkManifest(manifest.entries, extracted.files).filter((x) => !(x.field === 'file.missing' && broken.has(x.file ?? ''))));
    let description: ArchiveDescription | null = null;
    try {
      description = parseDescription(JSON.parse(fs.readFileSync(path.join(tmp, DESCRIPTION), 'utf8')));
    } catch {
      description = null;
    }
    if (!description) throw new InputError('archive.zip.noManifest', { file });
    const ws = workspacePaths(tmp);
    let lines: AnyLine[] = [];
    try {
      lines = readLedgerLines(ws);
    } catch (err) {
      differences.push({ field: 'ledger', file: 'ledger.jsonl', expected: null, found: message(err).split(tmp + path.sep).join('') });
    }
    const ledger = checkPackageLedger(ws, lines, description);
    differences.push(...ledger.differences);
    const headLine = expectHead === null ? null : lineOfHead(lines, expectHead);
    if (expectHead !== null && headLine === null) differences.push({ field: 'ledger.head', file: 'ledger.jsonl', expected: expectHead, found: headOf(lines) });
    differences.push(...(await rerunDraws(ws, description, ledger.draws, progress, say)));
    return {
      match: differences.length === 0,
      differences,
      files: extracted.files.size + extracted.broken.length,
      lines: lines.length,
      ledgerHead: headOf(lines),
      draws: ledger.draws,
      amendments: ledger.amendments,
      outside: ledger.outside,
      headLine,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
