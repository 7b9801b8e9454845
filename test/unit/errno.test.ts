import { ioError, type IoAct } from '../../src/io/errno.js';
import { IoError } from '../../src/errors.js';

const errno = (code: string) => Object.assign(new Error(`${code}: x`), { code });
const mapped = (code: string, act: IoAct) => {
  const e = ioError(errno(code), 'f.xlsx', act);
  return [e.key, e.params.file];
};

describe('errno → IoError, one mapping', () => {
  it.each<[string, IoAct, string]>([
    ['ENOENT', 'read', 'error.fileNotFound'],
    ['ENOTDIR', 'read', 'error.fileNotFound'],
    ['ENOTDIR', 'write', 'error.notDirectory'],
    ['ENOTDIR', 'folder', 'error.notDirectory'],
    ['EISDIR', 'read', 'error.isDirectory'],
    ['EACCES', 'read', 'error.permission'],
    ['EROFS', 'write', 'error.permission'],
    ['ENOSPC', 'write', 'error.diskFull'],
    ['EEXIST', 'write', 'error.recordExists'],
    ['EEXIST', 'folder', 'error.notDirectory'],
    ['EIO', 'read', 'error.readFailed'],
    ['EIO', 'write', 'error.writeFailed'],
  ])('%s while %s → %s', (code, act, key) => {
    expect(mapped(code, act)).toEqual([key, 'f.xlsx']);
  });
  it('passes an IoError through', () => {
    const e = new IoError('guard.tooLarge', { file: 'g' });
    expect(ioError(e, 'f', 'read')).toBe(e);
  });
});
