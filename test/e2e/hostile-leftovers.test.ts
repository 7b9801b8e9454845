/**
 * Issue 19's last hostile cases, in process (`ssjIn`): links to nothing in
 * the workspace, odd text files and workbooks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expectNoStack, ssjIn } from '../helpers/cli.js';
import { makeWorkspace, selected, writeDraw } from '../helpers/workspace.js';

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('a dangling symbolic link in the workspace', () => {
  const cases: [string, (root: string) => string][] = [
    ['draws/x.json → missing', (root) => path.join(root, 'draws', 'x.json')],
    ['results/<id>/y.json → missing', (root) => path.join(root, 'results', '20240601-1', 'y.json')],
    ['ledger.jsonl → missing', (root) => path.join(root, 'ledger.jsonl')],
  ];
  it.each(cases)('%s: named in Chinese, exit 2, no stack trace (status, verify --ledger)', async (_name, where) => {
    const ws = makeWorkspace('ssj-dangling-');
    if (!where(ws.root).endsWith('ledger.jsonl')) writeDraw(ws, { drawId: '20240601-1', drawDate: '2024-06-01', selected: [selected({ key: '91410000MA0000001X', order: 1 })] });
    const link = where(ws.root);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.join(ws.root, 'gone', 'nothing.json'), link);
    for (const args of [['status'], ['verify', '--ledger']]) {
      const r = await ssjIn([...args, '--workspace', ws.root, '--date', '2024-06-02']);
      expectNoStack(r);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(link);
      expect(hasChinese(r.stderr)).toBe(true);
      expect(r.stderr).not.toMatch(/内部错误|ENOENT/);
    }
  });
});
