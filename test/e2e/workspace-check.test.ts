/** The wizard and the commands agree on what a workspace is (a folder with draws/ or ledger.jsonl). */
import fs from 'node:fs';
import path from 'node:path';
import { isWorkspace } from '../../src/io/workspace-files.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { tempDir } from '../helpers/cli.js';

describe('what a workspace is', () => {
  it('is the same for the wizard (isWorkspace) and for every command (openWorkspace)', () => {
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
      expect([name, isWorkspace(dir), opens]).toEqual([name, expected, expected]);
    }
  });
});
