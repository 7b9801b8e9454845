/**
 * The wizard: never prompts without a TTY or with --yes/--json (exit 2), and,
 * driven in a real pseudo-terminal with tmux, completes a draw on a copy of
 * the examples (with the summary confirmed), creates a workspace through init's
 * questions and leaves on Ctrl-C with 130. Skips only when tmux is absent; under CI=true it fails instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { committed, ssj, ssjIn, tempDir, expectNoStack, ROOT, BIN } from '../helpers/cli.js';

const EX = path.join(ROOT, 'examples');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const CI = process.env.CI === 'true';

describe('ssj alone without a terminal', () => {
  it('refuses to prompt: exit 2 with error.noTty', () => {
    const r = ssj([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectNoStack(r);
    const j = ssj(['--json']);
    expect(j.code).toBe(2);
    expect((JSON.parse(j.stdout) as { error: { code: string } }).error.code).toBe('error.noTty');
  });
  it('never prompts with --yes either', () => {
    const r = ssj(['--yes', '--json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('error.noTty');
  });
  it('a missing required flag is a usage error naming the flag, not a prompt', () => {
    const ex = (f: string) => path.join(EX, f);
    const ws = tempDir();
    const r = ssj(committed(['draw', '--workspace', ws, '--yes', '--plan', ex('plan-2024.xlsx'), '--entities', ex('pharmacies.xlsx'), '--inspectors', ex('inspectors-gbk.csv')]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed');
    expectNoStack(r);
    expect(fs.readdirSync(ws).filter((f) => f !== 'draws')).toEqual([]);
  });
});

/** A workspace made by `ssj init` with the example county's registries in place of the blank ones. */
async function exampleWorkspace(): Promise<string> {
  const ws = path.join(tempDir('ssj-wizard-'), 'ws');
  expect((await ssjIn(['init', ws])).code).toBe(0); // the setup in-process; the wizard itself runs in the terminal
  for (const d of ['registries', 'plans']) for (const f of fs.readdirSync(path.join(ws, d))) fs.rmSync(path.join(ws, d, f));
  for (const f of ['pharmacies.xlsx', 'institutions.xlsx', 'inspectors-gbk.csv', 'conflicts.xlsx']) fs.copyFileSync(path.join(EX, f), path.join(ws, 'registries', f));
  fs.copyFileSync(path.join(EX, 'plan-2024.xlsx'), path.join(ws, 'plans', 'plan-2024.xlsx'));
  return ws;
}

const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(session: string, text: string | RegExp, ms = 30000): Promise<string> {
  const deadline = Date.now() + ms;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-p', '-t', session, '-S', '-200').stdout;
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${String(text)}; screen:\n${screen}`);
}

const maybe = hasTmux ? describe : CI ? describe : describe.skip;

maybe('the wizard in a real terminal (tmux)', () => {
  if (!hasTmux && CI) it('needs tmux under CI', () => expect(hasTmux).toBe(true));
  if (!hasTmux) return;
  const session = `ssj-wizard-${process.pid}`;
  afterAll(() => tmux('kill-session', '-t', session));

  it('chooses the workspace, takes the witnesses\' seed, confirms and completes a draw', async () => {
    const ws = await exampleWorkspace();
    // $BROWSER is the opener the wizard offers the witness sheet to: `true` opens nothing here.
    const cmd = `env NO_COLOR=1 TZ=Asia/Shanghai BROWSER=true ${process.execPath} ${BIN} --date 2024-06-05; echo "WIZARD-EXIT=$?"; sleep 600`;
    expect(tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', '-c', ws, cmd).status).toBe(0);
    await waitFor(session, '使用哪个工作目录');
    tmux('send-keys', '-t', session, 'Enter'); // this folder
    await waitFor(session, '下一步做什么');
    tmux('send-keys', '-t', session, 'Down', 'Down', 'Enter'); // the draw
    await waitFor(session, '使用这些文件');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, '没有事先公告。请写明原因'); // no announcement in this workspace: the reason is asked
    tmux('send-keys', '-t', session, '-l', '演示：未经公告');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, '实施文件');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, '抽取地点');
    tmux('send-keys', '-t', session, '-l', '本局三楼会议室');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, '种子（见证人掷骰得到的数字）');
    tmux('send-keys', '-t', session, '-l', '12'); // too short: the prompt says why and stays
    tmux('send-keys', '-t', session, 'Enter');
    await sleep(500);
    tmux('send-keys', '-t', session, 'BSpace', 'BSpace');
    tmux('send-keys', '-t', session, '-l', '31415926535897932384');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, '种子来源说明');
    tmux('send-keys', '-t', session, 'Enter');
    const summary = await waitFor(session, '确认抽取');
    expect(summary).toContain('种子：31415926535897932384');
    expect(fs.existsSync(path.join(ws, 'draws', '20240605-1.json'))).toBe(false); // nothing before the confirmation
    tmux('send-keys', '-t', session, '-l', 'y');
    tmux('send-keys', '-t', session, 'Enter');
    const screen = await waitFor(session, /用浏览器打开|✗ 失败/, 60000);
    expect(screen).toContain(path.join(ws, 'draws', '20240605-1-witness.html')); // absolute paths
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /下一步做什么[\s\S]*❯ 打印见证单/); // the next step in the month's order is offered first
    tmux('send-keys', '-t', session, 'Enter');
    const printed = await waitFor(session, '抽取 20240605-1 的见证单');
    expect(printed).toContain(path.join(ws, 'sheets', '20240605-1', 'all.html'));
    await waitFor(session, /用浏览器打开 20240605-1-witness.html/);
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /❯ 递补检查人员/);
    // substitute, results, status, approve, publish, report, verify the draw, verify the ledger, 退出
    tmux('send-keys', '-t', session, 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter');
    await waitFor(session, 'WIZARD-EXIT=0');
    const record = JSON.parse(fs.readFileSync(path.join(ws, 'draws', '20240605-1.json'), 'utf8')) as { seed: string; seedSource: string; place: string; noAnnouncement: string };
    expect(record.seed).toBe('31415926535897932384');
    expect(record.seedSource).toBe('监督人现场掷骰，按签字顺序连接');
    expect([record.place, record.noAnnouncement]).toEqual(['本局三楼会议室', '演示：未经公告']);
    expect(fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect((await ssjIn(['verify', '--ledger', '--workspace', ws])).code).toBe(0);
  }, 120000);

  it('outside a workspace offers to create one (ssj init asks the unit), opens the menu; Ctrl-C leaves quietly', async () => {
    const cwd = tempDir('ssj-wizard-new-');
    const s2 = `${session}-new`;
    const cmd = `env NO_COLOR=1 TZ=Asia/Shanghai ${process.execPath} ${BIN} --date 2024-06-05; echo "WIZARD-EXIT=$?"; sleep 600`;
    expect(tmux('new-session', '-d', '-s', s2, '-x', '200', '-y', '50', '-c', cwd, cmd).status).toBe(0);
    try {
      await waitFor(s2, /❯ 新建工作目录/); // not a workspace: creating one is the default
      tmux('send-keys', '-t', s2, 'Enter');
      await waitFor(s2, '新工作目录的文件夹名');
      tmux('send-keys', '-t', s2, '-l', '宛丰县2024');
      tmux('send-keys', '-t', s2, 'Enter');
      await waitFor(s2, '本单位名称');
      tmux('send-keys', '-t', s2, '-l', '宛丰县医疗保障局');
      tmux('send-keys', '-t', s2, 'Enter');
      await waitFor(s2, '所在市/县/区');
      tmux('send-keys', '-t', s2, '-l', '宛丰县');
      tmux('send-keys', '-t', s2, 'Enter'); // 县 gives the level: not asked
      await waitFor(s2, '下一步做什么');
      for (const d of ['registries', 'plans', 'draws', 'templates']) expect(fs.existsSync(path.join(cwd, '宛丰县2024', d))).toBe(true);
      tmux('send-keys', '-t', s2, 'C-c');
      const screen = await waitFor(s2, /WIZARD-EXIT=\d+/);
      expect(screen).toContain('WIZARD-EXIT=130');
      expect(screen).toContain('已退出向导');
      expect(screen).not.toContain('错误');
    } finally {
      tmux('kill-session', '-t', s2);
    }
  }, 60000);

  it('speaks English with --lang en', async () => {
    const ws = await exampleWorkspace();
    const s3 = `${session}-en`;
    const cmd = `env NO_COLOR=1 ${process.execPath} ${BIN} --lang en --date 2024-06-05; echo "WIZARD-EXIT=$?"; sleep 600`;
    expect(tmux('new-session', '-d', '-s', s3, '-x', '200', '-y', '50', '-c', ws, cmd).status).toBe(0);
    try {
      await waitFor(s3, 'Which workspace?');
      tmux('send-keys', '-t', s3, 'Enter');
      const menu = await waitFor(s3, 'What next?');
      // Paths may be Chinese (they are the user's); everything else on screen is English.
      const text = menu.split('\n').map((l) => l.replace(/\S*\/\S*/g, '')).join('\n');
      expect(text).not.toMatch(/[\u4e00-\u9fff]/);
      tmux('send-keys', '-t', s3, 'Up', 'Enter');
      await waitFor(s3, 'WIZARD-EXIT=0');
    } finally {
      tmux('kill-session', '-t', s3);
    }
  }, 60000);
});
