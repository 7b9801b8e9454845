import { zh } from '../../src/i18n/zh.js';
import { en } from '../../src/i18n/en.js';
import { t } from '../../src/i18n/index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in zh and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('use the same placeholders in both languages', () => {
    const mismatched = Object.keys(zh).filter(
      (k) => placeholders(zh[k as keyof typeof zh]).join() !== placeholders(en[k as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });
  it('has no empty message, and zh messages are Chinese', () => {
    for (const [k, v] of Object.entries(zh)) {
      expect(v.trim()).not.toBe('');
      if (!k.startsWith('raw.')) expect(/[\u4e00-\u9fff]/.test(v) || /^[\x20-\x7e]*$/.test(v)).toBe(true);
    }
    for (const v of Object.values(en)) expect(v.trim()).not.toBe('');
  });
  it('renders placeholders', () => {
    expect(t('error.fileNotFound', { file: 'a.xlsx' }, 'zh')).toBe('找不到文件：a.xlsx。请检查路径是否正确。');
    expect(t('error.fileNotFound', { file: 'a.xlsx' }, 'en')).toBe('File not found: a.xlsx. Check the path.');
  });
});
