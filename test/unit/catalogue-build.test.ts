/**
 * scripts/catalogues.mjs (run by `npm run build`) replaces tsc's dist/i18n/zh.js
 * and en.js by one JSON.parse of the same object (start-up, issue #20). The
 * catalogue the built CLI uses must be the one in src/, message for message
 * and in the same order.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { zh } from '../../src/i18n/zh.js';
import { en } from '../../src/i18n/en.js';
import { ROOT } from '../helpers/cli.js';

const built = async (lang: 'zh' | 'en'): Promise<Record<string, string>> =>
  ((await import(pathToFileURL(path.join(ROOT, 'dist', 'i18n', `${lang}.js`)).href)) as Record<string, Record<string, string>>)[lang] as Record<string, string>;

describe('the built catalogues', () => {
  it.each([
    ['zh', zh],
    ['en', en],
  ] as const)('dist/i18n/%s.js holds the catalogue of src/, key for key and in order', async (lang, source) => {
    const b = await built(lang);
    expect(Object.keys(b)).toEqual(Object.keys(source));
    expect(b).toEqual(source);
  });
});
