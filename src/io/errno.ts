/**
 * The one mapping of a Node fs error (errno code) to our IoError naming the
 * file: what was being done decides the few codes that read differently —
 * reading a path through a file (ENOTDIR) is "not found", writing there is
 * "not a folder"; a folder in the way of a new folder (EEXIST) is "not a folder".
 */
import { IoError } from '../errors.js';

export type IoAct = 'read' | 'write' | 'folder';

export function ioError(err: unknown, file: string, act: IoAct = 'write'): IoError {
  if (err instanceof IoError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new IoError('error.fileNotFound', { file });
    case 'ENOTDIR':
      return new IoError(act === 'read' ? 'error.fileNotFound' : 'error.notDirectory', { file });
    case 'EISDIR':
      return new IoError('error.isDirectory', { file });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new IoError('error.permission', { file });
    case 'ENOSPC':
    case 'EDQUOT':
      return new IoError('error.diskFull', { file });
    case 'EEXIST':
      if (act === 'write') return new IoError('error.recordExists', { file });
      if (act === 'folder') return new IoError('error.notDirectory', { file });
  }
  if (act === 'read') return new IoError('error.readFailed', { file, reason: String(code ?? err) });
  return new IoError('error.writeFailed', { file, reason: act === 'write' && err instanceof Error ? err.message : String(code ?? err) });
}
