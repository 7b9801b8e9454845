/** What a workspace is (a folder with draws/ or ledger.jsonl): the wizard asks isWorkspaceDir, the commands openWorkspace. */
import fs from 'node:fs';
import path from 'node:path';
import { isWorkspaceDir, openWorkspace } from '../../src/io/workspace.js';
import { tempDir } from '../helpers/cli.js';

describe('what a workspace is', () => {
  it('is the same for the wizard (isWorkspaceDir) and for every command (openWorkspace)', () => {
    const cases: [string, (dir: string) => void, boolean][] = [
      ['empty', () => undefined, false],
      ['registries/ only', (d) => fs.mkdirSync(path.join(d, 'registries')), false],
      ['draws/', (d) => fs.mkdirSync(path.join(d, 'draws')), true],
      ['ledger.jsonl', (d) => fs.writeFileSync(path.join(d, 'ledger.jsonl'), ''), true],
    ];
    for (const [name, make, expected] of cases) {
      const dir = tempDir('ssj-ws-check-');
      make(dir);
      let opens = true;
      try {
        openWorkspace(dir);
      } catch {
        opens = false;
      }
      expect([name, isWorkspaceDir(dir), opens]).toEqual([name, expected, expected]);
    }
  });
});
