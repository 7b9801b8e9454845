import { ssj, expectNoStack } from '../helpers/cli.js';

describe('bin/ssj', () => {
  it('prints Chinese help by default and exits 0', () => {
    const r = ssj(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('双随机');
  });
  it('prints English help with --lang en', () => {
    const r = ssj(['--lang', 'en', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seeded draw');
    expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });
  it('refuses an unknown command with exit 2 and no stack', () => {
    const r = ssj(['bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有“bogus”这个命令');
    expectNoStack(r);
  });
  it('refuses an unknown option with exit 2, in Chinese', () => {
    const r = ssj(['validate', '--frobnicate', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有选项 --frobnicate');
    expectNoStack(r);
  });
  it('says in Chinese (English with --lang en) that the files are missing, not commander\'s English', () => {
    const zh = ssj(['results']);
    expect([zh.code, zh.stderr.includes('缺少参数'), /missing required/.test(zh.stderr)]).toEqual([2, true, false]);
    const en = ssj(['results', '--lang', 'en']);
    expect(en.stderr).toContain('missing argument files');
    const opt = ssj(['draw', '--seed']);
    expect([opt.code, opt.stderr.includes('缺少取值')]).toEqual([2, true]);
  });
  it('refuses a bad --date with exit 2 naming the flag', () => {
    const r = ssj(['status', '--date', '2024-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date');
  });
});
