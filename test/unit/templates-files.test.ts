/** The committed templates/ folder is what `ssj templates` writes today (regenerate: node bin/ssj templates --out templates --force). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateDefs } from '../../src/core/template-defs.js';
import { templateBytes } from '../../src/io/templates.js';
import { stableZipTimes } from '../../src/io/stable-zip.js';
import { setLang } from '../../src/i18n/index.js';
import { firstDifference } from '../helpers/bytes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('committed templates', () => {
  beforeAll(() => setLang('zh'));
  it.each(templateDefs().map((d) => [d.file, d] as const))('templates/%s is up to date', async (_file, def) => {
    const committed = fs.readFileSync(path.join(ROOT, 'templates', def.file));
    const fresh = await templateBytes(def);
    expect(firstDifference(fresh, committed)).toBeNull();
  });
});

describe('stableZipTimes', () => {
  it('sets every entry to 1980-01-01 00:00 and leaves the rest alone', async () => {
    const def = templateDefs()[0];
    if (!def) throw new Error('no template');
    const bytes = await templateBytes(def);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let entries = 0;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        expect([dv.getUint16(i + 12, true), dv.getUint16(i + 14, true)]).toEqual([0, 33]);
        entries += 1;
      }
    }
    expect(entries).toBeGreaterThan(5);
    expect(stableZipTimes(bytes)).toEqual(bytes);
  });
  it('returns anything that is not a zip unchanged', () => {
    const junk = new Uint8Array([1, 2, 3, 4, 5]);
    expect(stableZipTimes(junk)).toBe(junk);
  });
});
