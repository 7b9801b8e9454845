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
// The record hash known only after the worker started: a stand-in in the document, the hash sent later.
const hash = 'ab'.repeat(32), token = 'cd'.repeat(32);
const withHash = (h) => ({ ...doc, meta: [['记录哈希', h]], footer: '抽取编号 X　记录哈希 ' + h, tables: [{ ...doc.tables[0], rows: [...rows, ['0', h, h]] }] });
const later = new Promise((resolve) => setTimeout(() => resolve(hash), 300));
const [known, pending] = [await printDocXlsx(withHash(hash), 'S'), await printDocXlsxAside(withHash(token), 'S', { token, hash: later })];
const refused = await printDocXlsxAside(withHash(token), 'S', { token, hash: Promise.reject(new Error('no record')) }).then(() => 'built', (e) => e.message);
process.stdout.write(JSON.stringify([aside.length > 100000 && Buffer.from(inline).equals(Buffer.from(aside)), Buffer.from(known).equals(Buffer.from(pending)), refused]));
`;

describe('witness workbook on a worker thread', () => {
  it('gives the same bytes as built on the main thread, also when the record hash comes after it started (and stops when none comes)', () => {
    const r = spawnSync(process.execPath, ['--input-type=module'], { input: script, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, 'no record']);
  });
});
