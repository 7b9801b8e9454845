import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
    // Listed by key, so a failure names the message to fix.
    const entries = Object.entries(zh) as [string, string][];
    expect(entries.filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    // A zh message is Chinese, or plain ASCII (codes, formats); bare punctuation around placeholders is a hint it was forgotten.
    const notChinese = entries.filter(([k, v]) => !k.startsWith('raw.') && !(/[\u4e00-\u9fff]/.test(v) || /^[\x20-\x7e]*$/.test(v)) && v.replace(/\{\w+\}/g, '').trim().length > 2);
    expect(notChinese.map(([k]) => k)).toEqual([]);
    expect(Object.entries(en).filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });
  it('renders placeholders', () => {
    expect(t('error.fileNotFound', { file: 'a.xlsx' }, 'zh')).toBe('找不到文件：a.xlsx。请检查路径是否正确。');
    expect(t('error.fileNotFound', { file: 'a.xlsx' }, 'en')).toBe('File not found: a.xlsx. Check the path.');
  });
});

describe('catalogue areas', () => {
  const I18N = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/i18n');
  /** Area name → its keys, read from src/i18n/<lang>/<area>.ts (the one exported object). */
  const areas = async (lang: 'zh' | 'en'): Promise<Map<string, string[]>> => {
    const out = new Map<string, string[]>();
    for (const f of fs.readdirSync(path.join(I18N, lang)).filter((n) => n.endsWith('.ts')).sort()) {
      const mod = (await import(path.join(I18N, lang, f))) as Record<string, Record<string, string>>;
      out.set(f.replace(/\.ts$/, ''), Object.values(mod).flatMap((o) => Object.keys(o)));
    }
    return out;
  };

  it('hold exactly the keys of their prefix: wizard.* in wizard.ts, and nowhere else', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const misplaced = [...(await areas(lang))].flatMap(([area, keys]) => keys.filter((k) => k.split('.')[0] !== area).map((k) => `${lang}/${area}.ts: ${k}`));
      expect(misplaced).toEqual([]);
    }
  });
  it('are the same in zh and en, key for key, and all merged into the catalogue', async () => {
    const [zhAreas, enAreas] = [await areas('zh'), await areas('en')];
    expect([...enAreas.keys()]).toEqual([...zhAreas.keys()]);
    for (const [area, keys] of zhAreas) expect({ area, keys: [...(enAreas.get(area) ?? [])].sort() }).toEqual({ area, keys: [...keys].sort() });
    expect([...zhAreas.values()].flat().sort()).toEqual(Object.keys(zh).sort());
  });
});

describe('keys used in the code exist in both catalogues', () => {
  const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const sources = files(SRC).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));
  const zhKeys = new Set(Object.keys(zh));
  const enKeys = new Set(Object.keys(en));

  it('every literal key passed to t() or an error class is in zh and en', () => {
    const missing: string[] = [];
    const literal = /\b(?:t|UsageError|IoError|InputError|CheckFailed)\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g;
    for (const f of sources) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(literal)) {
        const key = m[1] ?? '';
        if (!zhKeys.has(key) || !enKeys.has(key)) missing.push(`${path.relative(SRC, f)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every key built from a prefix (t(`area.${x}`)) has at least one entry with that prefix', () => {
    const missing: string[] = [];
    const built = /\bt\(\s*`([a-zA-Z][\w.-]*\.)\$\{/g;
    for (const f of sources) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(built)) {
        const prefix = m[1] ?? '';
        if (![...zhKeys].some((k) => k.startsWith(prefix))) missing.push(`${path.relative(SRC, f)}: ${prefix}*`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the demo steps, wizard actions and wizard input kinds all have messages', async () => {
    const { demoSteps } = await import('../../src/commands/demo/steps.js');
    const { ACTIONS } = await import('../../src/commands/wizard/actions.js');
    const keys = [
      ...demoSteps().map((s) => s.title as string),
      ...ACTIONS.map((a) => `wizard.action.${a}`),
      ...['plan', 'entities', 'inspectors', 'conflicts', 'activities'].map((p) => `wizard.inputs.${p}`),
      ...['ok', 'failed', 'unavailable', 'skipped'].map((s) => `demo.status.${s}`),
    ];
    expect(keys.filter((k) => !zhKeys.has(k) || !enKeys.has(k))).toEqual([]);
  });

  it('the demo/wizard area is English in en (no Chinese characters)', () => {
    const area = Object.entries(en).filter(([k]) => /^(demo|wizard|prompt|progress)\./.test(k));
    expect(area.length).toBeGreaterThan(40);
    expect(area.filter(([, v]) => /[\u4e00-\u9fff]/.test(v)).map(([k]) => k)).toEqual([]);
  });
});
