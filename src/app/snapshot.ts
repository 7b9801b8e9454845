/**
 * The announcement's snapshot (issue #20). `ssj announce` keeps the inputs it
 * validated in draws/<id>-snapshot.bin and records the file's SHA-256 in the
 * announcement. `ssj draw --announcement` then hashes each input file given
 * to it: when every file is the one announced (same flag, name and bytes),
 * the snapshot's own hash is the announced one and the draw date is not
 * before the announcement's (the only date-dependent row check is 成立日期
 * after "today"), the draw takes its inputs from the snapshot instead of
 * reading and checking the registries again. Anything else — a file changed,
 * added or missing, the snapshot missing, damaged or edited — is said on
 * stderr and the draw reads everything as it always did (`--no-snapshot` asks
 * for that). The snapshot is listed with its SHA-256 by the ledger's
 * `announcement` event, so an edited one also stops the draw at the ledger
 * check. `ssj verify` never looks at a snapshot: it re-reads the original
 * files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, webcrypto } from 'node:crypto';
import type { Announcement, SnapshotRef } from '../core/announce.js';
import { checkPlanYear } from '../core/plan.js';
import type { MsgKey, MsgParams } from '../i18n/index.js';
import type { InputFiles, LoadedInputs } from '../io/inputs.js';
import { fileStamp, sha256Aside, type KnownDigests } from '../io/file-hash.js';
import { decodeSnapshot, encodeSnapshot, type SnapshotFile } from '../io/snapshot.js';
import { phase } from '../io/timing.js';

const FLAGS: SnapshotFile['flag'][] = ['plan', 'entities', 'inspectors', 'conflicts'];

export const snapshotName = (drawId: string) => `${drawId}-snapshot.bin`;

/** Below this a snapshot is hashed here at once: WebCrypto's round trip took 3.5–4 ms on the examples' snapshot, the hash itself 0.1 ms. */
const DIGEST_ASIDE_BYTES = 8 * 1024 * 1024;

async function sha256Of(bytes: Uint8Array): Promise<string> {
  if (bytes.length < DIGEST_ASIDE_BYTES) return createHash('sha256').update(bytes).digest('hex');
  // WebCrypto's digest runs on the thread pool: the main thread decodes meanwhile.
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/**
 * The given files under their flags, with the SHA-256 announce found for each
 * (loadInputs lists the plan first, then the registries in flag order); null
 * when they cannot be paired.
 */
function announcedFiles(files: InputFiles, loaded: LoadedInputs): SnapshotFile[] | null {
  const out: SnapshotFile[] = [];
  let k = 0;
  for (const flag of FLAGS) {
    for (const f of files[flag] ?? []) {
      const input = loaded.inputs[k++];
      if (!input || input.file !== path.basename(f)) return null;
      out.push({ flag, file: input.file, sha256: input.fileSha256 });
    }
  }
  return k === loaded.inputs.length ? out : null;
}

/** The snapshot of announce's inputs (raw, before --document), or null when none can be made. */
export function makeSnapshot(drawId: string, announceDate: string, files: InputFiles, loaded: LoadedInputs): { data: Buffer; ref: SnapshotRef } | null {
  const list = announcedFiles(files, loaded);
  if (!list) return null;
  const data = encodeSnapshot({
    drawId, announceDate, files: list, plan: loaded.plan, inputs: loaded.inputs, issues: loaded.issues.filter((i) => i.severity !== 'info'),
    entities: loaded.entities, inspectors: loaded.inspectors, conflicts: loaded.conflicts,
  });
  if (!data) return null;
  phase('snapshot made');
  return { data, ref: { file: snapshotName(drawId), sha256: '', bytes: data.length } };
}

/** Fills in the snapshot's hash (after the bytes are final). */
export async function hashedSnapshot(s: { data: Buffer; ref: SnapshotRef }): Promise<SnapshotRef> {
  return { ...s.ref, sha256: await sha256Of(s.data) };
}

/** The inputs, and the snapshot's digest as this command made it (the ledger check takes it instead of hashing the file again). */
export type SnapshotOutcome = { loaded: LoadedInputs; known: KnownDigests } | { fallback: MsgKey; params: MsgParams };

/** A file's bytes in shared memory (the hashing worker sees them without a copy) and its stamp when read, or null when it cannot be read. */
function readShared(file: string): { shared: SharedArrayBuffer; bytes: Buffer; stamp: string } | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const st = fs.fstatSync(fd, { bigint: true });
    const size = Number(st.size);
    const shared = new SharedArrayBuffer(size);
    const bytes = Buffer.from(shared);
    let at = 0;
    for (let n; at < size && (n = fs.readSync(fd, bytes, at, size - at, null)) > 0; ) at += n;
    return at === size ? { shared, bytes, stamp: fileStamp(st) } : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * The draw's inputs from the announcement's snapshot, or why not (the caller
 * says so and reads the files). `files` are the files given to the draw.
 */
export async function inputsFromSnapshot(annFile: string, ann: Announcement, files: InputFiles, drawDate: string): Promise<SnapshotOutcome> {
  const ref = ann.snapshot;
  if (!ref) return { fallback: 'drawcmd.snapshot.none', params: {} };
  if (drawDate < ann.announceDate || drawDate.slice(0, 4) !== ann.announceDate.slice(0, 4)) {
    return { fallback: 'drawcmd.snapshot.date', params: { date: drawDate, announced: ann.announceDate } };
  }
  // ssj-draw/2 inputs are never in a snapshot (announce makes none for a /2 draw): read the files.
  if (files.items?.length || files.priorInspections?.length) return { fallback: 'drawcmd.snapshot.files', params: {} };
  const given = FLAGS.flatMap((flag) => (files[flag] ?? []).map((f) => ({ flag, path: f })));
  const snapFile = path.join(path.dirname(annFile), path.basename(ref.file));
  const snap = readShared(snapFile);
  if (!snap) return { fallback: 'drawcmd.snapshot.missing', params: { file: snapFile } };
  // A worker hashes the input files and the snapshot's bytes while this thread decodes them.
  const hashing = sha256Aside(given.map((g) => g.path), snap.shared);
  hashing.catch(() => undefined);
  let decoded: ReturnType<typeof decodeSnapshot> | null = null;
  try {
    decoded = decodeSnapshot(snap.bytes); // trusted only once its hash is known to be the announced one
  } catch {
    decoded = null;
  }
  const { files: hashes, shared: own } = await hashing;
  const snapBytes = snap.bytes;
  phase('input files and snapshot hashed');
  if (own !== ref.sha256 || snapBytes.length !== ref.bytes || !decoded) return { fallback: 'drawcmd.snapshot.damaged', params: { file: snapFile, expected: ref.sha256, found: own ?? '' } };
  const announced = decoded.files;
  for (let i = 0; i < Math.max(given.length, announced.length); i++) {
    const g = given[i];
    const a = announced[i];
    if (!g || !a || g.flag !== a.flag || path.basename(g.path) !== a.file) return { fallback: 'drawcmd.snapshot.files', params: {} };
    if (hashes[i] !== a.sha256) return { fallback: 'drawcmd.snapshot.changed', params: { file: g.path } };
  }
  if (decoded.drawId !== ann.drawId || decoded.announceDate !== ann.announceDate) return { fallback: 'drawcmd.snapshot.damaged', params: { file: snapFile, expected: ref.sha256, found: own } };
  const issues = decoded.plan ? [...decoded.issues, ...checkPlanYear(decoded.plan, drawDate)] : decoded.issues;
  return {
    known: new Map([[path.resolve(snapFile), { stamp: snap.stamp, sha256: own }]]),
    loaded: {
      plan: decoded.plan, entities: decoded.entities, inspectors: decoded.inspectors, conflicts: decoded.conflicts, inputs: decoded.inputs, issues, hashed: Promise.resolve(),
      items: null, priorInspections: null, markedCodes: [], algorithm: 'ssj-draw/1', // only /1 announcements keep a snapshot
    },
  };
}
