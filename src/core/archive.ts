/**
 * The evidence package (ssj archive): which draws, records and ledger-listed files one package holds, its
 * description (ARCHIVE.json) and its MANIFEST.sha256. Pure: ledger lines and record dates in, lists out. The
 * same selection is made again by `ssj verify FILE.zip` from the ledger inside, so a file left out of a package
 * (and out of its manifest) is still named. Format in docs/RECORDS.md "Evidence packages".
 */
import { isV2, recordLines, type AnyLine } from './events.js';
import type { Difference } from './verify.js';

export const ARCHIVE_FORMAT = 'ssj-archive/1';
export const MANIFEST = 'MANIFEST.sha256';
export const DESCRIPTION = 'ARCHIVE.json';

export type ArchiveScope = { draw: string } | { month: string };

export interface ArchiveInput {
  /** The draw whose record names it. */
  drawId: string;
  role: string;
  /** The base name the record gives. */
  file: string;
  /** Path inside the package. */
  path: string;
  sha256: string;
}

/** ARCHIVE.json: what the package is of; no time in it, so the same workspace gives the same bytes. */
export interface ArchiveDescription {
  format: typeof ARCHIVE_FORMAT;
  scope: ArchiveScope;
  /** The draws packaged (not amendments), in ledger order. */
  draws: string[];
  /** Their amendments (substitutions, replacements), in ledger order. */
  amendments: string[];
  /** Every record the ledger lists (the chain and the yearly cap need them all), in ledger order. */
  records: string[];
  /** Files the ledger lists for the packaged draws and month (workspace-relative paths, as in the package). */
  files: string[];
  inputs: ArchiveInput[];
  ledgerLines: number;
  ledgerHead: string | null;
  tool: string;
}

/** Files a package never carries: the announcement snapshot repeats the inputs (and may be hundreds of MB). */
export const isLeftOut = (file: string): boolean => file.endsWith('-snapshot.bin');

/** The month (YYYY-MM) of a draw date. */
const monthOf = (date: string) => date.slice(0, 7);

/**
 * What a scope covers: the draws (by their record's draw date for a month), their amendments, and the files
 * every event about them lists — announcement, draw, substitution, void, results import (also one whose changes
 * name them), approval, documents, publication — plus, for the month (or the draw's month), its publications and
 * report. `drawDates` gives each draw record's date.
 */
export function archiveSelection(lines: AnyLine[], drawDates: ReadonlyMap<string, string>, scope: ArchiveScope): { draws: string[]; amendments: string[]; files: string[] } {
  const records = recordLines(lines);
  const draws = records
    .filter((l) => l.amends === undefined && ('draw' in scope ? l.drawId === scope.draw : monthOf(drawDates.get(l.drawId) ?? '') === scope.month))
    .map((l) => l.drawId);
  const inScope = new Set(draws);
  const amendments = records.filter((l) => l.amends !== undefined && inScope.has(l.amends)).map((l) => l.drawId);
  const ids = new Set([...draws, ...amendments]);
  const month = 'month' in scope ? scope.month : monthOf(drawDates.get(scope.draw) ?? '');
  const files = new Set<string>();
  for (const line of lines) {
    if (!isV2(line) || !Array.isArray(line.files)) continue;
    const changes = Array.isArray(line.changes) ? (line.changes as { drawId?: unknown }[]) : [];
    const about = (typeof line.drawId === 'string' && ids.has(line.drawId)) || changes.some((c) => typeof c.drawId === 'string' && ids.has(c.drawId));
    // A month's package also holds the announcements made in it that no draw of it used (yet): nothing done that month is left out.
    const ofMonth = (line.month === month && (line.kind === 'publication' || ('month' in scope && line.kind === 'report')))
      || ('month' in scope && line.kind === 'announcement' && typeof line.date === 'string' && line.date.startsWith(`${month}-`));
    if (about || ofMonth) for (const f of line.files) if (!isLeftOut(f.path)) files.add(f.path);
  }
  return { draws, amendments, files: [...files].sort() };
}

/** MANIFEST.sha256: `<hex>  <path>` per file, sorted by path, as `sha256sum -c` reads it. */
export function manifestText(entries: { path: string; sha256: string }[]): string {
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

/** The manifest's lines; a line that is not `<64 hex>  <path>` is a difference naming its line. */
export function parseManifest(text: string): { entries: Map<string, string>; differences: Difference[] } {
  const entries = new Map<string, string>();
  const differences: Difference[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (!m) differences.push({ field: 'manifest.line', file: MANIFEST, line: i + 1, expected: '<sha256>  <path>', found: line.slice(0, 80) });
    else entries.set(m[2] as string, m[1] as string);
  });
  return { entries, differences };
}

/** The package's files against its manifest: each listed file present with its hash, and nothing unlisted. */
export function checkManifest(manifest: Map<string, string>, actual: ReadonlyMap<string, string>): Difference[] {
  const out: Difference[] = [];
  for (const [file, sha] of manifest) {
    const found = actual.get(file);
    if (found === undefined) out.push({ field: 'file.missing', file, expected: sha, found: null });
    else if (found !== sha) out.push({ field: 'file.sha256', file, expected: sha, found });
  }
  for (const file of actual.keys()) if (file !== MANIFEST && !manifest.has(file)) out.push({ field: 'manifest.unlisted', file, expected: null, found: file });
  return out;
}

/** Why an entry name is refused (a catalogue key), or null. */
export function unsafeEntryName(name: string, isLink: boolean): string | null {
  if (isLink) return 'archive.zip.why.symlink';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'archive.zip.why.absolute';
  if (name.includes('\\')) return 'archive.zip.why.name';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..')) return 'archive.zip.why.dotdot';
  // eslint-disable-next-line no-control-regex
  if (parts.some((p) => p === '' || p === '.' || /[\u0000-\u001f\u007f]/.test(p))) return 'archive.zip.why.name';
  return null;
}

/** ARCHIVE.json read back: the members verify relies on (input paths inside the package), else null. */
export function parseDescription(value: unknown): ArchiveDescription | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<ArchiveDescription>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (v.format !== ARCHIVE_FORMAT || !strings(v.draws) || !strings(v.amendments) || !strings(v.records) || !strings(v.files) || !Array.isArray(v.inputs)) return null;
  if (!v.inputs.every((i) => i && typeof i === 'object' && ['drawId', 'role', 'file', 'path', 'sha256'].every((k) => typeof (i as unknown as Record<string, unknown>)[k] === 'string'))) return null;
  if (!v.inputs.every((i) => i.path.startsWith('inputs/') && unsafeEntryName(i.path, false) === null)) return null;
  const scope = v.scope as Record<string, unknown> | undefined;
  if (!scope || typeof scope !== 'object' || !(typeof scope.draw === 'string' || (typeof scope.month === 'string' && /^\d{4}-\d{2}$/.test(scope.month)))) return null;
  return v as ArchiveDescription;
}
