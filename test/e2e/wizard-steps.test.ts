/**
 * The wizard's month steps in-process, inquirer replaced by a script of
 * answers (each checked against the question asked): the draw asks the
 * announcement, 实施文件 and 抽取地点, shows the seed and waits for a
 * confirmation (no means nothing written); paths are absolute and the
 * witness sheet is offered to the browser ($BROWSER); 递补 and 复核本次抽取
 * run from the menu; the month is remembered; Ctrl-C leaves with 130 and no
 * 错误.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, ROOT } from '../helpers/cli.js';

const DEFAULT = Symbol('default');
type Answer = string | boolean | Error | typeof DEFAULT | { pick: RegExp };
interface Question {
  message: string;
  default?: unknown;
  choices?: { name: string; value: string }[];
  validate?: (v: string) => true | string;
}
let script: [RegExp, Answer][] = [];
const asked: Question[] = [];

/** A select's answer: the value of the first choice whose label matches. */
const pick = (label: RegExp): Answer => ({ pick: label });

/** jest's object under ESM (the global `jest` is not defined there). */
const mocks = (import.meta as unknown as { jest: { unstable_mockModule: (name: string, factory: () => unknown) => void } }).jest;

mocks.unstable_mockModule('inquirer', () => ({
  default: {
    prompt: async (qs: Question[]) => {
      const q = qs[0] as Question;
      asked.push(q);
      const next = script.shift();
      if (!next) throw new Error(`unscripted question: ${q.message}`);
      const [want, answer] = next;
      if (!want.test(q.message)) throw new Error(`expected a question matching ${String(want)}, got: ${q.message}`);
      if (answer instanceof Error) throw answer;
      let value: unknown = answer === DEFAULT ? q.default : answer;
      if (typeof answer === 'object') {
        value = q.choices?.find((c) => answer.pick.test(c.name))?.value;
        if (value === undefined) throw new Error(`no choice matching ${String(answer.pick)} in ${JSON.stringify(q.choices?.map((c) => c.name))}`);
      }
      if (q.validate && typeof value === 'string') {
        const ok = q.validate(value);
        if (ok !== true) throw new Error(`answer ${value} refused: ${ok}`);
      }
      return { value };
    },
  },
}));

const { run } = await import('../../src/commands/wizard.js');
const { makeCtx } = await import('../../src/context.js');
const { setLang } = await import('../../src/i18n/index.js');
const { settingsPath } = await import('../../src/io/settings.js');

const EX = path.join(ROOT, 'examples');
const ctrlC = () => Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });

async function initWorkspace(): Promise<string> {
  const ws = path.join(tempDir('ssj-wizard-steps-'), 'ws');
  const init = (await import('../../src/commands/init.js')).run;
  const ctx = { ...makeCtx({ workspace: ws, date: '2024-06-03', yes: true }), interactive: false, out: () => undefined, err: () => undefined };
  expect(await init(ctx, [ws], { unit: '宁川县医疗保障局', region: '宁川县' })).toBe(0);
  for (const d of ['registries', 'plans']) for (const f of fs.readdirSync(path.join(ws, d))) fs.rmSync(path.join(ws, d, f));
  for (const f of ['pharmacies.xlsx', 'institutions.xlsx', 'inspectors-gbk.csv', 'conflicts.xlsx']) fs.copyFileSync(path.join(EX, f), path.join(ws, 'registries', f));
  fs.copyFileSync(path.join(EX, 'plan-2024.xlsx'), path.join(ws, 'plans', 'plan-2024.xlsx'));
  return ws;
}

interface Session {
  code: number;
  out: string;
  err: string;
}

async function wizard(ws: string, answers: [RegExp, Answer][], date = '2024-06-05', env: Record<string, string> = {}): Promise<Session> {
  script = [...answers];
  asked.length = 0;
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const ctx = { ...makeCtx({ workspace: ws, date }), interactive: true, out: (s: string | Uint8Array) => out.push(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), err: (s: string) => err.push(s) };
  try {
    const code = await run(ctx, [], {});
    expect(script.map(([q]) => String(q))).toEqual([]); // every scripted answer was asked for
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const HERE: [RegExp, Answer] = [/使用哪个工作目录/, DEFAULT];
const MENU = (entry: RegExp): [RegExp, Answer] => [/下一步做什么/, pick(entry)];
const QUIT = MENU(/^退出$/);

/** The draw's questions up to the seed, without an announcement. */
const drawUpToSeed = (reason: string, seed: string, place = '本局三楼会议室', document = '宁医保〔2024〕12号'): [RegExp, Answer][] => [
  MENU(/并抽取/),
  [/使用这些文件/, true],
  [/没有事先公告。请写明原因/, reason],
  [/实施文件/, document],
  [/抽取地点/, place],
  [/种子（见证人掷骰/, seed],
  [/种子来源说明/, DEFAULT],
];

beforeAll(() => setLang('zh'));

describe('the wizard draws after a confirmed summary', () => {
  let ws = '';
  beforeAll(async () => {
    ws = await initWorkspace();
  });

  it('a draw not confirmed writes nothing', async () => {
    const s = await wizard(ws, [HERE, ...drawUpToSeed('系统故障', '31415926535897932384'), [/确认抽取/, DEFAULT], QUIT]);
    expect(s.code).toBe(0);
    expect(s.out).toContain('种子：31415926535897932384');
    expect(s.out).toContain('不能撤销');
    expect(s.out).toContain('未确认');
    expect(fs.existsSync(path.join(ws, 'draws', '20240605-1.json'))).toBe(false);
    // The confirmation defaults to no: Enter alone never draws.
    expect(asked.find((q) => /确认抽取/.test(q.message))?.default).toBe(false);
  });

  it('records 抽取地点 and 实施文件, shows absolute paths and offers the witness sheet to the browser', async () => {
    const dir = tempDir('ssj-browser-');
    const log = path.join(dir, 'opened.txt');
    const browser = path.join(dir, 'browser.sh');
    fs.writeFileSync(browser, `#!/bin/sh\necho "$1" >> ${log}\n`, { mode: 0o755 });
    const s = await wizard(ws, [HERE, ...drawUpToSeed('系统故障，公告未能按时发布', '27182818284590452353'), [/确认抽取/, true], [/用浏览器打开 20240605-1-witness\.html/, true], QUIT], '2024-06-05', { BROWSER: browser });
    expect(s.code).toBe(0);
    const record = JSON.parse(fs.readFileSync(path.join(ws, 'draws', '20240605-1.json'), 'utf8')) as { place?: string; plan: { document: string }; noAnnouncement?: string; seed: string };
    expect([record.place, record.plan.document, record.noAnnouncement, record.seed]).toEqual(['本局三楼会议室', '宁医保〔2024〕12号', '系统故障，公告未能按时发布', '27182818284590452353']);
    const witness = path.join(ws, 'draws', '20240605-1-witness.html');
    expect(s.out).toContain(`→ 输出：${witness}`);
    expect(s.out).toContain(`→ 输出：${path.join(ws, 'sheets', '20240605-1', 'all.html')}`);
    const html = fs.readFileSync(witness, 'utf8');
    expect(html).toContain('本局三楼会议室');
    expect(html).toContain('宁医保〔2024〕12号');
    for (let i = 0; i < 50 && !fs.existsSync(log); i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.readFileSync(log, 'utf8').trim()).toBe(witness);
  });

  it('a machine without a browser opener (or one that cannot open it) is told the path, not an error', async () => {
    const failing = path.join(tempDir('ssj-browser-'), 'xdg-open-like.sh');
    fs.writeFileSync(failing, '#!/bin/sh\nexit 3\n', { mode: 0o755 }); // as xdg-open on a server: "no method available"
    for (const browser of [path.join(ws, 'no-such-browser'), failing]) {
      const s = await wizard(ws, [HERE, MENU(/^打印见证单/), [/用浏览器打开/, true], QUIT], '2024-06-05', { BROWSER: browser });
      expect(s.code).toBe(0);
      expect(s.out).toContain(`请手动打开：${path.join(ws, 'draws', '20240605-1-witness.html')}`);
    }
  });

  it('递补 from the menu: the entity and the inspector leaving are chosen from the draw, the seed confirmed', async () => {
    const record = JSON.parse(fs.readFileSync(path.join(ws, 'draws', '20240605-1.json'), 'utf8')) as { teams: { entity: string; members: { key: string }[] }[] };
    const team = record.teams[0];
    if (!team) throw new Error('the example draw has teams');
    const leaving = team.members[0]?.key ?? '';
    const s = await wizard(ws, [
      HERE,
      MENU(/^递补检查人员/),
      [/递补哪次抽取/, DEFAULT],
      [/哪个检查对象的检查组/, pick(new RegExp(team.entity))],
      [/哪位检查人员退出/, pick(new RegExp(`^${leaving}`))],
      [/原因/, DEFAULT],
      [/种子（见证人掷骰/, '16180339887498948482'],
      [/种子来源说明/, DEFAULT],
      [/确认递补/, true],
      [/用浏览器打开/, false],
      QUIT,
    ], '2024-06-06');
    expect(s.code).toBe(0);
    expect(s.out).toContain(`退出的检查人员：${leaving}`);
    const amendment = JSON.parse(fs.readFileSync(path.join(ws, 'draws', '20240605-1-A1.json'), 'utf8')) as { substitution: { entity: string; removed: string; reason: string } };
    expect(amendment.substitution).toMatchObject({ entity: team.entity, removed: leaving, reason: '与检查对象存在利害关系，申请回避' });
    expect(s.out).toContain(path.join(ws, 'draws', '20240605-1-A1-witness.html'));
  });

  it('复核本次抽取 re-runs the draw and its substitution', async () => {
    const s = await wizard(ws, [HERE, MENU(/^复核本次抽取/), [/复核哪次抽取/, DEFAULT], QUIT], '2024-06-06');
    expect(s.code).toBe(0);
    expect(s.out).toContain('一致：20240605-1');
    expect(s.out).toContain('复算的递补：20240605-1-A1');
  });

  it('a plan row drawn already in its period is drawn again only with the reason asked for', async () => {
    const upToConfirm = [HERE, ...drawUpToSeed('系统故障', '11111111112222222222'), [/确认抽取/, true] as [RegExp, Answer]];
    const refused = await wizard(ws, [...upToConfirm, [/本期再抽一次/, DEFAULT], QUIT], '2024-06-07');
    expect(refused.out).toContain('同一计划行在本期已经抽取过（20240605-1）');
    expect(fs.existsSync(path.join(ws, 'draws', '20240607-1.json'))).toBe(false);
    const s = await wizard(ws, [...upToConfirm, [/本期再抽一次/, '前次抽取的检查组无法成行'], [/用浏览器打开/, false], QUIT], '2024-06-07');
    expect(s.code).toBe(0);
    const record = JSON.parse(fs.readFileSync(path.join(ws, 'draws', '20240607-1.json'), 'utf8')) as { again?: { reason: string; draws: string[] } };
    expect(record.again).toEqual({ reason: '前次抽取的检查组无法成行', draws: ['20240605-1'] });
  });

  it('remembers the month chosen: within the session, and from the workspace next time', async () => {
    const first = await wizard(ws, [HERE, MENU(/^生成月报表/), [/月份/, '2024-06'], MENU(/^生成公示/), [/月份/, DEFAULT], [/公示网站/, DEFAULT], QUIT], '2024-07-08');
    expect(first.code).toBe(0);
    const months = asked.filter((q) => /月份/.test(q.message)).map((q) => q.default);
    expect(months[1]).toBe('2024-06'); // the session's choice
    await wizard(ws, [HERE, MENU(/^生成月报表/), [/月份/, DEFAULT], QUIT], '2024-08-02');
    expect(asked.find((q) => /月份/.test(q.message))?.default).toBe('2024-06'); // the last report's month, not last month (07)
  });
});

describe('a step that cannot read the workspace', () => {
  it('fails that step, named, and the menu stays', async () => {
    const ws = await initWorkspace();
    fs.writeFileSync(path.join(ws, 'ledger.jsonl'), '{not json\n');
    const s = await wizard(ws, [HERE, MENU(/^递补检查人员/), QUIT]);
    expect(s.code).toBe(0);
    expect(s.out).toMatch(/✗ 失败：.*ledger\.jsonl/);
  });
});

describe('Ctrl-C', () => {
  it('at the menu leaves quietly with exit 130', async () => {
    const ws = await initWorkspace();
    const s = await wizard(ws, [HERE, [/下一步做什么/, ctrlC()]]);
    expect(s.code).toBe(130);
    expect(s.err).toContain('已退出向导');
    expect(s.out + s.err).not.toContain('错误');
  });

  it('inside init\'s own question (本单位名称) leaves the wizard too, nothing half made', async () => {
    const cwd = tempDir('ssj-wizard-new-');
    const s = await wizard(cwd, [[/使用哪个工作目录/, DEFAULT], [/新工作目录的文件夹名/, '宁川县2024'], [/本单位名称/, ctrlC()]]);
    expect(s.code).toBe(130);
    expect(s.out + s.err).not.toContain('错误');
    expect(fs.existsSync(settingsPath(path.join(cwd, '宁川县2024')))).toBe(false);
  });

  it('a new workspace gets the unit settings asked by init, then the menu', async () => {
    const cwd = tempDir('ssj-wizard-new-');
    const s = await wizard(cwd, [[/使用哪个工作目录/, DEFAULT], [/新工作目录的文件夹名/, '宁川县2024'], [/本单位名称/, '宁川县医疗保障局'], [/所在市\/县/, '宁川县'], QUIT]);
    expect(s.code).toBe(0);
    expect(s.out).toContain('宁川县医疗保障局');
    expect(fs.readdirSync(path.join(cwd, '宁川县2024'))).toContain('draws');
  });
});
