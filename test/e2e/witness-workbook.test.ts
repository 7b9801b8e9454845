import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/cli.js';

const dist = (file: string) => JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', file)).href);

// A sheet long enough to be built on a worker thread (the built dist/, as the CLI runs it): its HTML page and
// workbook, against the same built on the main thread.
const script = `
const { printDocXlsx } = await import(${dist('io/witness-xlsx.js')});
const { witnessAside } = await import(${dist('app/witness.js')});
const { docHtml } = await import(${dist('render/witness.js')});
const i18n = await import(${dist('i18n/index.js')});
const rows = Array.from({ length: 30000 }, (_, i) => [String(i + 1), 'K' + i, '名称' + i]);
const doc = { title: 'T', meta: [['a', 'b']], tables: [{ heading: 'H', columns: ['序号', '代码', '名称'], widths: [1, 2, 3], rows }], signatures: ['抽取人'], footer: 'F' };
const here = async (d, hash) => ({ html: Buffer.from(hash ? docHtml(d, 'zh').replaceAll('cd'.repeat(32), hash) : docHtml(d, 'zh')), xlsx: Buffer.from(await printDocXlsx(d, 'S', hash ? { token: 'cd'.repeat(32), hash } : undefined)) });
const same = (a, b) => a.html.length > 100000 && a.xlsx.length > 100000 && Buffer.from(a.html).equals(Buffer.from(b.html)) && Buffer.from(a.xlsx).equals(Buffer.from(b.xlsx));
const plain = same(await here(doc), await witnessAside(doc, 'S', 'zh'));
// The record hash known only after the worker started: a stand-in in the document, the hash sent later.
const hash = 'ab'.repeat(32), token = 'cd'.repeat(32);
const withHash = (h) => ({ ...doc, meta: [['记录哈希', h]], footer: '抽取编号 X　记录哈希 ' + h, tables: [{ ...doc.tables[0], rows: [...rows, ['0', h, h]] }] });
const later = new Promise((resolve) => setTimeout(() => resolve(hash), 300));
const known = await here(withHash(hash));
const pending = await witnessAside(withHash(token), 'S', 'zh', { token, hash: later });
const hashed = same(known, pending) && Buffer.from(pending.html).includes(hash) && !Buffer.from(pending.html).includes(token);
const refused = await witnessAside(withHash(token), 'S', 'zh', { token, hash: Promise.reject(new Error('no record')) }).then(() => 'built', (e) => e.message);
// Forms in English (--form-lang en): the worker writes in the main thread's forms language.
await i18n.loadLang('en');
i18n.setFormLang('en');
const en = await here(doc);
const english = same(en, await witnessAside(doc, 'S', 'zh')) && !en.html.equals((await witnessAside(withHash(hash), 'S', 'zh')).html) && en.html.includes('lang="en"');
process.stdout.write(JSON.stringify([plain, hashed, refused, english]));
`;

describe('witness sheet on a worker thread', () => {
  it('gives the same page and workbook bytes as built on the main thread, also when the record hash comes after it started (and stops when none comes), in the forms language set', () => {
    const r = spawnSync(process.execPath, ['--input-type=module'], { input: script, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, 'no record', true]);
  });
});
