/**
 * writeFilesAtomicAsync (the ledger's step: a record with its files, a results import): the temp files are
 * synced side by side, a few at a time, yet every one of them is synced before the first goes into place;
 * a step that fails leaves no file of it, no temp file and no open file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IoError } from '../../src/errors.js';
import { writeFilesAtomicAsync } from '../../src/io/atomic.js';
import { tempDir } from '../helpers/cli.js';

const openFiles = () => fs.readdirSync('/proc/self/fd').length;

describe('writeFilesAtomicAsync', () => {
  const dir = tempDir('ssj-atomic-async-');

  it('writes every file, each synced before any is renamed into place, and replaces a file kept', async () => {
    const folder = path.join(dir, 'many');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'f07.json'), 'old');
    const files = Array.from({ length: 30 }, (_, i) => ({ path: path.join(folder, 'sub', `f${String(i).padStart(2, '0')}.json`), data: `{"n":${i}}` }));
    files[7] = { path: path.join(folder, 'f07.json'), data: 'new' };
    const log: string[] = [];
    const { fsync, renameSync } = fs;
    const before = openFiles();
    fs.fsync = ((fd: number, cb: (err: NodeJS.ErrnoException | null) => void) => {
      log.push('fsync');
      return fsync(fd, cb);
    }) as typeof fs.fsync;
    fs.renameSync = ((a: fs.PathLike, b: fs.PathLike) => {
      log.push('rename');
      return renameSync(a, b);
    }) as typeof fs.renameSync;
    try {
      await writeFilesAtomicAsync([...files, { path: path.join(folder, 'record.json'), data: 'r', exclusive: true }]);
    } finally {
      Object.assign(fs, { fsync, renameSync });
    }
    expect(log.filter((l) => l === 'fsync')).toHaveLength(31);
    expect(log.indexOf('rename')).toBe(31); // every temp file synced before the first rename
    for (const f of files) expect(fs.readFileSync(f.path, 'utf8')).toBe(f.data);
    expect(fs.readFileSync(path.join(folder, 'record.json'), 'utf8')).toBe('r');
    expect(fs.readdirSync(path.join(folder, 'sub')).filter((n) => n.startsWith('.ssj-tmp-'))).toEqual([]);
    expect(fs.readdirSync(folder).filter((n) => n.startsWith('.ssj-tmp-'))).toEqual([]);
    expect(openFiles()).toBe(before);
  });

  it('refuses a record that exists, part-way through, leaving none of the step and no temp or open file', async () => {
    const folder = path.join(dir, 'refused');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'kept.txt'), 'as it was');
    fs.writeFileSync(path.join(folder, 'record-20.json'), 'first');
    const files = Array.from({ length: 25 }, (_, i) => ({ path: path.join(folder, `record-${i}.json`), data: `${i}`, exclusive: true }));
    const before = openFiles();
    let err: unknown;
    try {
      await writeFilesAtomicAsync([{ path: path.join(folder, 'kept.txt'), data: 'changed' }, ...files]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IoError);
    expect((err as IoError).key).toBe('error.recordExists');
    expect(fs.readdirSync(folder).sort()).toEqual(['kept.txt', 'record-20.json']);
    expect(fs.readFileSync(path.join(folder, 'kept.txt'), 'utf8')).toBe('as it was');
    expect(fs.readFileSync(path.join(folder, 'record-20.json'), 'utf8')).toBe('first');
    expect(openFiles()).toBe(before);
  });

  it('refuses a copy whose source changed (error.copyChanged), writing none of the step', async () => {
    const folder = path.join(dir, 'copy');
    const src = path.join(dir, 'src.csv');
    fs.writeFileSync(src, 'a,b\n');
    let err: unknown;
    try {
      await writeFilesAtomicAsync([{ path: path.join(folder, 'x.txt'), data: 'x' }, { path: path.join(folder, 'src.csv'), from: src, sha256: '0'.repeat(64) }]);
    } catch (e) {
      err = e;
    }
    expect((err as IoError).key).toBe('error.copyChanged');
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
