/**
 * ssj archive: one evidence package (zip) of a draw or a month for the 纪检 office. Under the workspace lock
 * (so no command writes meanwhile) the ledger is checked whole — a workspace that does not verify is not
 * packaged — and the package is made of: the ledger, every record it lists, the files its events list for the
 * draws and month in scope (announcement, witness sheets, void sheets, results, publications, record sheets,
 * notices, the report; not the announcement snapshot), each draw's input files as they were (found in the
 * workspace by the SHA-256 the record gives), ARCHIVE.json, a Chinese README, the independent verifier and its
 * vectors, and MANIFEST.sha256. Entries sorted, fixed times: the same workspace gives the same bytes. Archiving
 * changes nothing in the workspace and appends no event.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVE_FORMAT, archiveSelection, DESCRIPTION, MANIFEST, manifestText, unsafeEntryName, type ArchiveDescription, type ArchiveInput, type ArchiveScope } from '../core/archive.js';
import { headOf, isV2, recordLines } from '../core/events.js';
import { sha256Hex } from '../core/hash.js';
import { ownInputs } from '../core/verify.js';
import type { DrawRecord, InputRef } from '../core/types.js';
import { CheckFailed, InputError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { writeNewFile } from '../io/archive-zip.js';
import { readLedgerLines } from '../io/ledger-file.js';
import { drawFromFlag, isAmendment, isDraw, readBytesChecked, readRecord, recordPath } from '../io/records.js';
import { withLock, type Workspace } from '../io/workspace.js';
import { zipFiles } from '../io/zip-write.js';
import { TOOL_VERSION } from '../version.js';
import { archiveReadme } from '../render/archive-readme.js';
import { differenceLines } from '../render/difference-lines.js';
import { checkWorkspaceLedger } from './ledger.js';

export interface ArchiveResult {
  file: string;
  sha256: string;
  files: number;
  description: ArchiveDescription;
}

/** The repository's docs folder (beside dist/ and src/), where the independent verifier lives. */
const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
const TOOL_FILES: [string, string][] = [
  ['independent/ssjdraw.py', 'independent/ssjdraw.py'],
  ['independent/README.md', 'independent/README.md'],
  ['vectors/ssj-draw-2.json', 'vectors/ssj-draw-2.json'],
];

/** Files of the workspace an input may be kept as: inputs/<id>/ (kept by the draw), registries/ and plans/ (two levels), and the workspace folder. */
function candidateFiles(ws: Workspace): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of names) {
      if (d.name.startsWith('.')) continue;
      const p = path.join(dir, d.name);
      if (d.isFile()) out.push(p);
      else if (d.isDirectory() && depth > 0) walk(p, depth - 1);
    }
  };
  walk(path.join(ws.root, 'inputs'), 1);
  walk(ws.registries, 2);
  walk(ws.plans, 2);
  walk(ws.root, 0);
  return out;
}

/** Finds a recorded input by its bytes: the files of its name first, then any other. */
class InputFinder {
  private readonly hashes = new Map<string, string>();
  private files: string[] | null = null;
  constructor(private readonly ws: Workspace) {}
  private sha(p: string): string {
    let h = this.hashes.get(p);
    if (h === undefined) {
      try {
        h = sha256Hex(fs.readFileSync(p));
      } catch {
        h = '';
      }
      this.hashes.set(p, h);
    }
    return h;
  }
  find(ref: InputRef): string | null {
    this.files ??= candidateFiles(this.ws);
    const named = this.files.filter((p) => path.basename(p) === ref.file);
    const others = this.files.filter((p) => path.basename(p) !== ref.file);
    return [...named, ...others].find((p) => this.sha(p) === ref.fileSha256) ?? null;
  }
}

interface Entry {
  name: string;
  data: Buffer;
}

/** Each draw's inputs as package entries `inputs/<id>/<name>`; a registry not found refuses, a plan not found is said. */
function inputEntries(ws: Workspace, draws: { drawId: string; inputs: InputRef[] }[], warn: (text: string) => void): { inputs: ArchiveInput[]; entries: Entry[] } {
  const finder = new InputFinder(ws);
  const inputs: ArchiveInput[] = [];
  const entries: Entry[] = [];
  for (const d of draws) {
    const used = new Set<string>();
    d.inputs.forEach((ref, k) => {
      const found = finder.find(ref);
      if (!found) {
        if (ref.role === 'plan') return warn(t('archive.planMissing', { id: d.drawId, file: ref.file }));
        throw new InputError('archive.inputMissing', { id: d.drawId, role: { ref: `io.role.${ref.role}` }, file: ref.file, sha: ref.fileSha256.slice(0, 16) });
      }
      let name = path.basename(ref.file);
      if (unsafeEntryName(`inputs/${d.drawId}/${name}`, false) !== null) name = `input-${k + 1}${path.extname(found)}`;
      if (used.has(name)) name = `${k + 1}-${name}`;
      used.add(name);
      const p = `inputs/${d.drawId}/${name}`;
      inputs.push({ drawId: d.drawId, role: ref.role, file: ref.file, path: p, sha256: ref.fileSha256 });
      entries.push({ name: p, data: readBytesChecked(found) });
    });
  }
  return { inputs, entries };
}

/** The package's bytes and its description (no file written). */
export async function buildArchive(ws: Workspace, scope: ArchiveScope, packageName: string, warn: (text: string) => void): Promise<{ zip: Uint8Array; description: ArchiveDescription; count: number }> {
  const lines = readLedgerLines(ws);
  const check = checkWorkspaceLedger(ws, lines);
  if (check.differences.length > 0 || check.interrupted.length > 0) {
    const shown = differenceLines(check.differences.slice(0, 3)).map((l) => l.trim()).join('；') || check.interrupted.join('、');
    throw new CheckFailed('archive.ledgerBad', { count: check.differences.length + check.interrupted.length, first: shown });
  }
  if ('draw' in scope) drawFromFlag(ws, scope.draw); // an id the ledger lists, naming a draw (not an amendment)
  const records = recordLines(lines).map((l) => ({ id: l.drawId, record: readRecord(ws, l.drawId) }));
  const dates = new Map(records.flatMap(({ id, record }) => (!isDraw(record) ? [] : [[id, record.drawDate] as const])));
  const sel = archiveSelection(lines, dates, scope);
  if (sel.draws.length === 0) throw new UsageError('archive.noDraws', { month: 'month' in scope ? scope.month : '' });
  const draws = sel.draws.map((id) => records.find((r) => r.id === id)?.record).filter((r): r is DrawRecord => !!r && isDraw(r));
  // A substitution that read a registry other than its draw's carries that one too (inputs/<its id>/): verify re-runs it on it.
  const own = sel.amendments.flatMap((id) => {
    const a = records.find((r) => r.id === id)?.record;
    const d = a && isAmendment(a) ? draws.find((x) => x.drawId === a.amends) : undefined;
    return a && d && isAmendment(a) ? [{ drawId: a.drawId, inputs: ownInputs(d, a) }] : [];
  });
  const { inputs, entries } = inputEntries(ws, [...draws, ...own.filter((o) => o.inputs.length)], warn);
  const all = new Map<string, Buffer>();
  all.set('ledger.jsonl', readBytesChecked(ws.ledger));
  for (const { id } of records) all.set(`draws/${id}.json`, readBytesChecked(recordPath(ws, id)));
  for (const f of sel.files) all.set(f, readBytesChecked(path.join(ws.root, ...f.split('/'))));
  // A version-1 ledger line lists no files: the witness sheets of such a record are taken as they are (the manifest covers them).
  const v1 = new Set(lines.filter((l) => !isV2(l)).map((l) => l.drawId));
  for (const id of [...sel.draws, ...sel.amendments].filter((x) => v1.has(x))) {
    for (const ext of ['html', 'xlsx']) {
      const p = path.join(ws.draws, `${id}-witness.${ext}`);
      if (fs.existsSync(p)) all.set(`draws/${id}-witness.${ext}`, readBytesChecked(p));
    }
  }
  for (const e of entries) all.set(e.name, e.data);
  for (const [from, to] of TOOL_FILES) {
    const p = path.join(DOCS, ...from.split('/'));
    if (fs.existsSync(p)) all.set(to, readBytesChecked(p));
  }
  const description: ArchiveDescription = {
    format: ARCHIVE_FORMAT,
    scope,
    draws: sel.draws,
    amendments: sel.amendments,
    records: records.map((r) => r.id),
    files: sel.files,
    inputs,
    ledgerLines: lines.length,
    ledgerHead: headOf(lines),
    tool: `ssj ${TOOL_VERSION}`,
  };
  all.set(DESCRIPTION, Buffer.from(JSON.stringify(description, null, 2) + '\n'));
  all.set('README.txt', Buffer.from(archiveReadme(description, packageName)));
  const manifest = manifestText([...all].map(([p, data]) => ({ path: p, sha256: sha256Hex(data) })));
  all.set(MANIFEST, Buffer.from(manifest));
  const names = [...all.keys()].sort();
  const zip = await zipFiles(names.map((name) => ({ name, data: all.get(name) as Buffer })));
  return { zip, description, count: all.size };
}

/** Writes the package to `out` (which must not exist); the workspace is only read, under its lock. */
export async function archiveWorkspace(ws: Workspace, scope: ArchiveScope, out: string, warn: (text: string) => void): Promise<ArchiveResult> {
  if (!/\.zip$/i.test(out)) throw new UsageError('archive.outNotZip', { file: out });
  if (fs.existsSync(out)) throw new UsageError('archive.outExists', { file: out });
  const { zip, description, count } = await withLock(ws, () => buildArchive(ws, scope, path.basename(out), warn));
  writeNewFile(out, zip);
  return { file: out, sha256: sha256Hex(zip), files: count, description };
}

