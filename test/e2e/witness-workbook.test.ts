import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/cli.js';

const dist = (file: string) => JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', file)).href);

// A sheet long enough to have its workbook built on a worker thread (the built dist/, as the CLI runs it),
// against the same built on the main thread. (The workbook adds no text of its own: the forms' language is
// the document's, made on the main thread.)
const script = `
const { printDocXlsx } = await import(${dist('io/witness-xlsx.js')});
const { witnessAside } = await import(${dist('app/witness.js')});
const rows = Array.from({ length: 30000 }, (_, i) => [String(i + 1), 'K' + i, '名称' + i]);
const doc = { title: 'T', meta: [['a', 'b']], tables: [{ heading: 'H', columns: ['序号', '代码', '名称'], widths: [1, 2, 3], rows }], signatures: ['抽取人'], footer: 'F' };
const here = async (d, hash) => Buffer.from(await printDocXlsx(d, 'S', hash ? { token: 'cd'.repeat(32), hash } : undefined));
const same = (a, b) => a.length > 100000 && a.equals(Buffer.from(b));
const plain = same(await here(doc), await witnessAside(doc, 'S'));
// The record hash known only after the worker started: a stand-in in the document, the hash sent later.
const hash = 'ab'.repeat(32), token = 'cd'.repeat(32);
const withHash = (h) => ({ ...doc, meta: [['记录哈希', h]], footer: '抽取编号 X　记录哈希 ' + h, tables: [{ ...doc.tables[0], rows: [...rows, ['0', h, h]] }] });
const later = new Promise((resolve) => setTimeout(() => resolve(hash), 300));
const known = await here(withHash(hash));
const pending = await witnessAside(withHash(token), 'S', { token, hash: later });
const hashed = same(known, pending) && !same(await here(withHash(token)), pending);
const refused = await witnessAside(withHash(token), 'S', { token, hash: Promise.reject(new Error('no record')) }).then(() => 'built', (e) => e.message);
process.stdout.write(JSON.stringify([plain, hashed, refused]));
`;

describe('witness sheet on a worker thread', () => {
  it('gives the same workbook bytes as built on the main thread, also when the record hash comes after it started (and stops when none comes)', () => {
    const r = spawnSync(process.execPath, ['--input-type=module'], { input: script, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, 'no record']);
  });
});
