import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/cli.js';

// A sheet long enough to be built on a worker thread (the built dist/, as the CLI runs it).
const script = `
const { printDocXlsx, printDocXlsxAside } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/io/witness-xlsx.js')).href)});
const rows = Array.from({ length: 30000 }, (_, i) => [String(i + 1), 'K' + i, '名称' + i]);
const doc = { title: 'T', meta: [['a', 'b']], tables: [{ heading: 'H', columns: ['序号', '代码', '名称'], widths: [1, 2, 3], rows }], signatures: ['抽取人'], footer: 'F' };
const [inline, aside] = [await printDocXlsx(doc, 'S'), await printDocXlsxAside(doc, 'S')];
process.stdout.write(String(aside.length > 100000 && Buffer.from(inline).equals(Buffer.from(aside))));
`;

describe('witness workbook on a worker thread', () => {
  it('gives the same bytes as built on the main thread', () => {
    const r = spawnSync(process.execPath, ['--input-type=module'], { input: script, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true');
  });
});
