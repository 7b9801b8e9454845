import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { askText, askSelect, askConfirm, confirmTheme, flagOrAsk, selectTheme } from '../../src/render/prompt.js';
import { setLang } from '../../src/i18n/index.js';
import { UsageError } from '../../src/errors.js';

const batch = { interactive: false };

async function refusal(p: Promise<unknown>): Promise<[string, unknown]> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UsageError) return [err.key, err.params.flag];
    throw err;
  }
  throw new Error('prompted instead of refusing');
}

describe('the prompt module', () => {
  it('never prompts when not interactive: a usage error naming the flag', async () => {
    expect(await refusal(askText(batch, { message: 'seed?', flag: '--seed' }))).toEqual(['error.missingFlag', '--seed']);
    expect(await refusal(askSelect(batch, { message: 'which?', flag: '--role', choices: [{ name: 'a', value: 'a' }] }))).toEqual(['error.missingFlag', '--role']);
    expect(await refusal(askConfirm(batch, { message: 'sure?', flag: '--force' }))).toEqual(['error.missingFlag', '--force']);
    expect(await refusal(flagOrAsk(batch, undefined, { message: 'month?', flag: '--month' }))).toEqual(['error.missingFlag', '--month']);
    expect(await refusal(flagOrAsk(batch, '  ', { message: 'month?', flag: '--month' }))).toEqual(['error.missingFlag', '--month']);
  });

  it('uses the flag when given, and a confirm fallback (--yes) without asking', async () => {
    expect(await flagOrAsk(batch, '2024-06', { message: 'month?', flag: '--month' })).toBe('2024-06');
    expect(await askConfirm(batch, { message: 'sure?', flag: '--yes', fallback: true })).toBe(true);
    expect(await askConfirm(batch, { message: 'sure?', flag: '--yes', fallback: false })).toBe(false);
  });

  it('is the only module that talks to the terminal (inquirer, readline)', () => {
    const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const offenders = files(SRC)
      .filter((f) => /from '(inquirer|@inquirer\/[\w-]+|node:readline|readline)'/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([path.join('render', 'prompt.ts')]);
  });
});

describe('inquirer in the user\'s language', () => {
  afterAll(() => setLang('zh'));
  it('names the keys and the answers in Chinese by default, in English with --lang en', () => {
    setLang('zh');
    expect(selectTheme().style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']])).toBe('↑↓ 移动 • ⏎ 确定');
    expect([confirmTheme().keywords.yes, confirmTheme().keywords.no]).toEqual(['是', '否']);
    expect(confirmTheme().keywords.error({ yes: '是', no: '否' })).toContain('y 或 n');
    setLang('en');
    expect(selectTheme().style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']])).toBe('↑↓ navigate • ⏎ select');
  });
});
