/** writeFilesAtomic's copies: hashed as they are made; a source that is not the one read is refused, nothing left. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IoError } from '../../src/errors.js';
import { writeFilesAtomic, writeFilesAtomicAsync } from '../../src/io/atomic.js';
import { tempDir } from '../helpers/cli.js';

describe('writeFilesAtomic with a copy', () => {
  const dir = tempDir('ssj-atomic-copy-');
  const src = path.join(dir, 'src.csv');
  const bytes = Buffer.alloc(3 * (1 << 20) + 17, 7); // more than one 1 MB piece
  fs.writeFileSync(src, bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');

  it('copies the bytes when their SHA-256 is the one given, with the other files of the step', () => {
    const target = path.join(dir, 'kept', 'src.csv');
    writeFilesAtomic([{ path: target, from: src, sha256: sha }, { path: path.join(dir, 'kept', 'b.txt'), data: 'b' }]);
    expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'kept', 'b.txt'), 'utf8')).toBe('b');
  });

  it('refuses a source changed since it was read (error.copyChanged), writing none of the step', () => {
    const target = path.join(dir, 'kept2', 'src.csv');
    const other = path.join(dir, 'kept2', 'other.txt');
    let err: unknown;
    try {
      writeFilesAtomic([{ path: other, data: 'x' }, { path: target, from: src, sha256: '0'.repeat(64) }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IoError);
    expect((err as IoError).key).toBe('error.copyChanged');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(other)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'kept2'))).toEqual([]); // no temp file left
  });

  it('copies a file over 64 MB through the file system, whole', () => {
    const big = path.join(dir, 'big.csv');
    const data = Buffer.alloc(64 * (1 << 20) + 5, 3);
    data[data.length - 1] = 9;
    fs.writeFileSync(big, data);
    const target = path.join(dir, 'kept3', 'big.csv');
    writeFilesAtomic([{ path: target, from: big, sha256: createHash('sha256').update(data).digest('hex') }]);
    expect(fs.readFileSync(target).equals(data)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'kept3'))).toEqual(['big.csv']);
  });

  it('copies a file over 64 MB on the thread pool while the others are written (async), and leaves nothing when the step fails', async () => {
    const big = path.join(dir, 'big4.csv');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 64 * (1 << 20) + 7); // sparse: no 64 MB of test data on disk
    const tail = Buffer.from('末行\n');
    fs.appendFileSync(big, tail);
    const target = path.join(dir, 'kept4', 'big.csv');
    const other = path.join(dir, 'kept4', 'record.json');
    await writeFilesAtomicAsync([{ path: other, data: '{}', exclusive: true }, { path: target, from: big, sha256: 'not checked above 64 MB' }]);
    expect(fs.statSync(target).size).toBe(fs.statSync(big).size);
    const fd = fs.openSync(target, 'r');
    const end = Buffer.alloc(tail.length);
    fs.readSync(fd, end, 0, end.length, fs.statSync(target).size - tail.length);
    fs.closeSync(fd);
    expect(end.equals(tail)).toBe(true);
    expect(fs.readFileSync(other, 'utf8')).toBe('{}');
    expect(fs.readdirSync(path.join(dir, 'kept4')).sort()).toEqual(['big.csv', 'record.json']);
    // A step that fails at the copy (its target's folder is a file): the step's other files go too, no temp file is left.
    const blocked = path.join(dir, 'kept5');
    fs.mkdirSync(blocked);
    fs.writeFileSync(path.join(blocked, 'sub'), 'a file where a folder is wanted');
    await expect(writeFilesAtomicAsync([{ path: path.join(blocked, 'r.json'), data: '{}', exclusive: true }, { path: path.join(blocked, 'sub', 'big.csv'), from: big, sha256: 'x' }])).rejects.toBeInstanceOf(IoError);
    expect(fs.readdirSync(blocked)).toEqual(['sub']);
  });
});
