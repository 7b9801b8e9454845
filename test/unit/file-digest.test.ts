/**
 * Listed files hashed in pieces (issue 20: constant memory whatever the size), and a digest this command
 * already made of the same, unchanged file taken instead of reading it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileDigest, fileStamp, sha256OfFile, type KnownDigests } from '../../src/io/file-hash.js';

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
});
