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
  it('refuses an unknown option with exit 2', () => {
    const r = ssj(['validate', '--frobnicate', 'x.csv']);
    expect(r.code).toBe(2);
    expectNoStack(r);
  });
  it('refuses a bad --date with exit 2 naming the flag', () => {
    const r = ssj(['status', '--date', '2024-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date');
  });
});
