/**
 * What a clerk sees at a terminal during long work: a progress bar (on
 * stderr) when reading a large registry takes more than about a second
 * (validate, draw) —
 * and never under --json, nor when stderr is not a terminal. Driven in tmux;
 * skips without tmux, fails under CI=true.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ssj, tempDir, BIN, ROOT } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const CI = process.env.CI === 'true';

const SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];
/** GB 32100-2015 code with a GB 11714 organisation code inside: both check characters right. */
function uscc(n: number): string {
  const body = String(n).padStart(8, '0');
  const c = 11 - ([...body].reduce((s, ch, i) => s + Number(ch) * (ORG_W[i] ?? 0), 0) % 11);
  const first17 = `91411399${body}${c === 10 ? 'X' : c === 11 ? '0' : String(c)}`;
  const sum = [...first17].reduce((s, c, i) => s + SET.indexOf(c) * (W[i] ?? 0), 0);
  return first17 + SET[(31 - (sum % 31)) % 31];
}

/** A pharmacy registry large enough that reading it takes over a second. */
function bigRegistry(dir: string, rows: number): string {
  const file = path.join(dir, 'pharmacies-big.csv');
  const lines = ['序号,所在地区,名称,统一社会信用代码,医保编码,药品经营许可证,营业(执业)场所,联系电话,信用等级'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},城关镇,宛丰县第${i}药店,${uscc(i)},P${String(i).padStart(11, '0')},豫CB${String(i).padStart(7, '0')},宛丰县人民路${i}号,1380000${String(i % 10000).padStart(4, '0')},A`);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a shell command in a tmux terminal; returns every distinct screen seen until it prints DONE. */
async function screens(session: string, cwd: string, command: string): Promise<string[]> {
  const seen: string[] = [];
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '30', '-c', cwd, `${command}; echo "DONE-$?"; sleep 120`);
  try {
    const deadline = Date.now() + 120000;
    while (Date.now() < deadline) {
      const screen = tmux('capture-pane', '-p', '-t', session).stdout;
      if (seen.at(-1) !== screen) seen.push(screen);
      if (/DONE-\d+/.test(screen)) return seen;
      await sleep(100);
    }
    throw new Error(`no DONE; last screen:\n${seen.at(-1) ?? ''}`);
  } finally {
    tmux('kill-session', '-t', session);
  }
}

const bar = /\[[█░]{10,}\]\s+\d+%/;
const maybe = hasTmux ? describe : CI ? describe : describe.skip;

maybe('progress bars at a terminal', () => {
  if (!hasTmux) {
    it('needs tmux under CI', () => expect(hasTmux).toBe(true));
    return;
  }
  const dir = tempDir('ssj-progress-');
  const file = bigRegistry(dir, 400000);
  // The bar at once (not after a second): the parallel reader reads this file in about a second.
  const cmd = (extra: string) => `env TZ=Asia/Shanghai SSJ_PROGRESS_DELAY_MS=1 ${process.execPath} ${BIN} validate ${file} ${extra} > ${path.join(dir, 'out.txt')}`;

  it('shows a bar on the terminal while a large registry is read, and clears it', async () => {
    const seen = await screens(`ssj-progress-${process.pid}`, dir, cmd(''));
    expect(seen.some((s) => bar.test(s) && s.includes('pharmacies-big.csv'))).toBe(true);
    expect(bar.test(seen.at(-1) ?? '')).toBe(false);
    expect(seen.at(-1)).toContain('DONE-0');
  }, 150000);

  it('never shows one under --json (stdout stays pure JSON)', async () => {
    const seen = await screens(`ssj-progress-json-${process.pid}`, dir, cmd('--json'));
    expect(seen.some((s) => bar.test(s))).toBe(false);
    expect(() => JSON.parse(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')) as unknown).not.toThrow();
  }, 150000);

  it('shows one while `ssj draw` reads its registries, then the draw', async () => {
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(path.join(ws, 'draws'), { recursive: true });
    const examples = path.join(ROOT, 'examples');
    const draw = `env TZ=Asia/Shanghai SSJ_PROGRESS_DELAY_MS=1 ${process.execPath} ${BIN} draw --workspace ${ws} --plan ${path.join(examples, 'plan-2024.xlsx')} --entities ${file} --inspectors ${path.join(examples, 'inspectors-gbk.csv')} --seed 12345678 --date 2024-06-03 --no-sheets --no-announcement 测试 > ${path.join(dir, 'draw.txt')}`;
    const seen = await screens(`ssj-progress-draw-${process.pid}`, dir, draw);
    expect(seen.some((s) => bar.test(s) && s.includes('pharmacies-big.csv'))).toBe(true);
    expect(seen.at(-1)).toContain('DONE-0');
    expect(fs.readFileSync(path.join(dir, 'draw.txt'), 'utf8')).toContain('20240603-1');
  }, 150000);

  it('never writes one when stderr is not a terminal', () => {
    // The bar asked for at once (it would show on a terminal), on a registry a tenth the size: a pipe gets none.
    const sub = path.join(dir, 'small');
    fs.mkdirSync(sub);
    const r = ssj(['validate', bigRegistry(sub, 40000)], { env: { SSJ_PROGRESS_DELAY_MS: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\d+%/);
  }, 150000);
});
