import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/cli.js';

const dist = (file: string) => JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', file)).href);

// A drawn list long enough to be encoded on a worker thread (the built dist/, as the CLI runs it), against the
// same encoded on the main thread, in both encodings; a list with a quote, a comma and markup in its names.
const script = `
const { drawnListAside } = await import(${dist('app/publish-list.js')});
const { drawnListBytes } = await import(${dist('render/drawn-list-files.js')});
const entries = Array.from({ length: 25000 }, (_, i) => ({
  order: i + 1, drawType: i % 3 ? '不定向' : '定向', item: '检查事项' + (i % 4), scope: '定点零售药店（信用等级A）', population: 1000000, eligible: 999000, size: 25000,
  window: i % 2 ? '' : '2024-06-01 至 2024-06-30', authority: '某市医疗保障局', name: i % 1000 ? '药房第' + i + '店' : '"<b>药房</b>", 第' + i + '店', code: '9141' + String(i).padStart(14, '0'), verification: 'ABCD-' + String(i % 10000).padStart(4, '0'),
}));
const list = { drawId: '20240601-1', drawDate: '2024-06-01', taskName: '任务', document: '', seed: '31415926535897932384', announcementHash: 'a'.repeat(64), recordHash: 'b'.repeat(64), entries };
const same = async (enc) => {
  const here = drawnListBytes(list, enc);
  const aside = await drawnListAside(list, enc);
  return here.csv.length > 1000000 && Buffer.from(here.csv).equals(Buffer.from(aside.csv)) && Buffer.from(here.html).equals(Buffer.from(aside.html));
};
process.stdout.write(JSON.stringify([await same('utf8'), await same('gb18030')]));
`;

describe('drawn list on a worker thread', () => {
  it('gives the same CSV and HTML bytes as encoded on the main thread, UTF-8 and GB18030', () => {
    const r = spawnSync(process.execPath, ['--input-type=module'], { input: script, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true]);
  });
});
