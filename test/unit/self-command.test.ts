/** The demo's last hint names a way to run ssj that works as printed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selfCommand } from '../../src/commands/demo.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('selfCommand', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-self-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says npx ssj in the project folder (npm run demo: ssj is not on the shell\'s PATH)', () => {
    expect(selfCommand({ PATH: path.join(ROOT, 'node_modules', '.bin'), npm_command: 'run-script' }, ROOT, path.join(ROOT, 'bin', 'ssj'))).toBe('npx ssj');
  });
  it('says ssj when it is on the PATH (npm link), node and the full path otherwise', () => {
    fs.writeFileSync(path.join(dir, 'ssj'), '');
    expect(selfCommand({ PATH: dir }, os.tmpdir(), '/opt/ssj/bin/ssj')).toBe('ssj');
    expect(selfCommand({ PATH: '' }, os.tmpdir(), '/opt/ssj/bin/ssj')).toBe('node /opt/ssj/bin/ssj');
    expect(selfCommand({ PATH: '' }, os.tmpdir(), '/opt/my ssj/bin/ssj')).toBe('node "/opt/my ssj/bin/ssj"');
  });
});
