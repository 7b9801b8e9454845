/**
 * Listed files hashed in pieces (issue 20: constant memory whatever the size), and a digest this command
 * already made of the same, unchanged file taken instead of reading it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { ASIDE_MIN_BYTES, fileDigest, fileStamp, sha256Aside, sha256OfFile, type KnownDigests } from '../../src/io/file-hash.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-digest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('file digests', () => {
  it('hash a file larger than the read piece, byte for byte as a whole-file hash', () => {
    const bytes = Buffer.alloc(2.5 * (1 << 20) + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 11)) & 0xff;
    const file = path.join(dir, 'big.bin');
    fs.writeFileSync(file, bytes);
    expect(fileDigest(file)).toEqual({ sha256: sha(bytes), bytes: bytes.length });
    expect(sha256OfFile(file)).toBe(sha(bytes));
  });

  it('give null for a missing file and a folder', () => {
    expect(sha256OfFile(path.join(dir, 'none'))).toBeNull();
    expect(sha256OfFile(dir)).toBeNull();
  });

  it('take a known digest only while the file is the one it was made of', () => {
    const file = path.join(dir, 'snap.bin');
    fs.writeFileSync(file, 'snapshot bytes');
    const stamp = fileStamp(fs.statSync(file, { bigint: true }));
    const known: KnownDigests = new Map([[path.resolve(file), { stamp, sha256: 'f'.repeat(64) }]]);
    expect(sha256OfFile(file, known)).toBe('f'.repeat(64)); // not read again
    fs.appendFileSync(file, '!'); // changed since: read and hashed
    expect(sha256OfFile(file, known)).toBe(sha(Buffer.from('snapshot bytes!')));
    const other: KnownDigests = new Map([[path.resolve(file), { stamp: 'another file', sha256: 'f'.repeat(64) }]]);
    expect(sha256OfFile(file, other)).toBe(sha(Buffer.from('snapshot bytes!')));
  });

  it('hash files and shared bytes the same on this thread (a few bytes) as on the worker (told to take any size)', async () => {
    const a = path.join(dir, 'aside-a.csv');
    const b = path.join(dir, 'aside-b.bin');
    fs.writeFileSync(a, '编码,名称\n1,甲\n');
    fs.writeFileSync(b, Buffer.alloc(3 * (1 << 20) + 5, 7));
    const shared = new SharedArrayBuffer(1000);
    new Uint8Array(shared).fill(9);
    const files = [a, path.join(dir, 'none'), dir, b];
    const here = await sha256Aside(files, shared);
    const worker = await sha256Aside(files, shared, 0);
    expect(here).toEqual({ files: [sha(fs.readFileSync(a)), null, null, sha(fs.readFileSync(b))], shared: sha(Buffer.alloc(1000, 9)) });
    expect(worker).toEqual(here);
    expect(await sha256Aside([a], null, 0)).toEqual({ files: [sha(fs.readFileSync(a))], shared: null });
    expect(3 * (1 << 20) + 1000).toBeLessThan(ASIDE_MIN_BYTES); // the first call above was made on this thread
  });
});

