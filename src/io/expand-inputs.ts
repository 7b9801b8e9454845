/**
 * The files a command was given: a folder stands for its spreadsheets, an
 * unexpanded `*.xlsx` is expanded, Excel's ~$ lock files are known. Apart from
 * results-read.ts so that validate finds its files without loading the
 * results reader (start-up, issue #20).
 */
import fs from 'node:fs';
import path from 'node:path';

const IMPORTABLE = /\.(xlsx|xlsm|xls|ods|csv)$/i;
/** Excel's lock file (~$name.xlsx), open while the workbook is: never data. */
export const isLockFile = (file: string): boolean => path.basename(file).startsWith('~$');
const skipName = (name: string, kinds: RegExp) => isLockFile(name) || name.startsWith('.') || !kinds.test(name);

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * The files to import: a folder stands for the spreadsheets in it, and a
 * `*`/`?` pattern the shell did not expand (Windows cmd and PowerShell pass
 * `sheets\20240601-1\*.xlsx` as is) is expanded here. Anything else is kept
 * as given, so a missing file is reported by name.
 */
export function expandInputs(args: readonly string[], kinds: RegExp = IMPORTABLE): { file: string; expanded: boolean }[] {
  const out: { file: string; expanded: boolean }[] = [];
  const seen = new Set<string>();
  const add = (file: string, expanded: boolean) => {
    if (!seen.has(file)) out.push({ file, expanded });
    seen.add(file);
  };
  for (const arg of args) {
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(arg);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      const names = fs.readdirSync(arg).filter((n) => !skipName(n, kinds) && fs.statSync(path.join(arg, n)).isFile());
      for (const n of names.sort()) add(path.join(arg, n), true);
      continue;
    }
    const base = path.basename(arg);
    if (!st && /[*?]/.test(base) && !/[*?]/.test(path.dirname(arg))) {
      const dir = path.dirname(arg);
      const re = globToRegExp(base);
      const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => re.test(n) && !skipName(n, kinds)) : [];
      if (found.length > 0) {
        for (const n of found.sort()) add(path.join(dir, n), true);
        continue;
      }
    }
    add(arg, false);
  }
  return out;
}
