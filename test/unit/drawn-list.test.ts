/** 抽取结果公示: the drawn list's rows, verification codes, neutralisation, privacy; `ssj publish --draw ID --list` in-process. */
import fs from 'node:fs';
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { authorityOf, DRAWN_LIST_COLUMNS, drawnList, drawnListTable, verificationCode } from '../../src/core/drawn-list.js';
import { makeWorkspace, plan, planRow, selected, writeDraw } from '../helpers/workspace.js';
import { runVerb } from '../helpers/inproc.js';

describe('verificationCode', () => {
  it('is the first 8 hex of SHA-256("ssj-verify/1|hash|key"), upper-case, as XXXX-XXXX (docs/RECORDS.md)', () => {
    const hex = createHash('sha256').update('ssj-verify/1|' + 'a'.repeat(64) + '|91410000MA0000001X').digest('hex').slice(0, 8).toUpperCase();
    expect(verificationCode('a'.repeat(64), '91410000MA0000001X')).toBe(`${hex.slice(0, 4)}-${hex.slice(4)}`);
    expect(verificationCode('a'.repeat(64), '91410000MA0000001X')).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(verificationCode('b'.repeat(64), '91410000MA0000001X')).not.toBe(verificationCode('a'.repeat(64), '91410000MA0000001X'));
  });
});

describe('drawnList', () => {
  const ws = makeWorkspace('ssj-list-');
  afterAll(() => fs.rmSync(ws.root, { recursive: true, force: true }));
  const p = plan({ rows: [planRow({ filter: [{ field: '所在地区', values: ['华龙区', '开发区'] }], window: '2024年6月10日至6月30日', subject: '某县医疗保障局', teamGroups: [{ department: '医疗保障局', seats: 1 }, { department: '市场监督管理局', seats: 1 }] })] });
  const draw = writeDraw(ws, {
    plan: p,
    announcementHash: 'c'.repeat(64),
    selected: [
      selected({ key: '91410000MA0000001X', order: 1, name: '=HYPERLINK("x")大药房', legalRepresentative: '张三' }),
      selected({ key: 'P41000000001', order: 2, uscc: '', ybbm: 'P41000000001', name: '仁和药店', legalRepresentative: '李四' }),
    ],
  });

  it('has one row per selected entity with the published columns, codes and hashes', () => {
    const { header, rows } = drawnListTable(drawnList(draw));
    expect(header).toEqual([...DRAWN_LIST_COLUMNS]);
    const col = (n: (typeof DRAWN_LIST_COLUMNS)[number]) => header.indexOf(n);
    expect(rows.map((r) => r[col('统一社会信用代码/医保编码')])).toEqual(['91410000MA0000001X', 'P41000000001']);
    expect(rows.map((r) => r[col('核验码')])).toEqual([verificationCode(draw.recordHash, '91410000MA0000001X'), verificationCode(draw.recordHash, 'P41000000001')]);
    expect(rows.every((r) => r[col('记录哈希')] === draw.recordHash && r[col('公告哈希')] === 'c'.repeat(64) && r[col('随机种子')] === draw.seed)).toBe(true);
    expect(rows[0]?.[col('抽查类型')]).toBe('定向');
    expect(rows[0]?.[col('抽查对象范围')]).toBe('定点零售药店（所在地区：华龙区、开发区）');
    expect(rows[0]?.[col('检查期限')]).toBe('2024年6月10日至6月30日');
    expect(rows[0]?.[col('检查机关')]).toBe('某县医疗保障局、市场监督管理局');
    expect(rows[0]?.[col('抽取数量')]).toBe('2');
  });

  it('neutralises formulas and carries no person (legal representative, team)', () => {
    const cells = drawnListTable(drawnList(draw)).rows.flat();
    expect(cells).toContain(`'=HYPERLINK("x")大药房`);
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    for (const person of ['张三', '李四', '甲1', '乙1', 'ZF101']) expect(cells.join('|')).not.toContain(person);
  });

  it('is 不定向 without a filter', () => {
    const d = { ...draw, plan: plan() };
    expect(drawnListTable(drawnList(d)).rows[0]?.[3]).toBe('不定向');
  });

  it('publish --draw ID --list writes the CSV and the page once; again: already published, same bytes', async () => {
    const r = await runVerb('publish', ws.root, { draw: draw.drawId, list: true });
    expect(r.code).toBe(0);
    const csvPath = `${ws.reports}/抽取结果-${draw.drawId}.csv`;
    const bytes = fs.readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows.length).toBe(3);
    const html = fs.readFileSync(`${ws.reports}/抽取结果-${draw.drawId}.html`, 'utf8');
    expect(html).toContain(verificationCode(draw.recordHash, 'P41000000001'));
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)大药房');
    expect(html).not.toContain('张三');
    const again = await runVerb('publish', ws.root, { draw: draw.drawId, list: true });
    expect(again.code).toBe(0);
    expect(again.out.join('\n')).toContain('未重复写入');
    expect(fs.readFileSync(csvPath)).toEqual(bytes);
  });

  it('--list without --draw is a usage error', async () => {
    const r = await runVerb('publish', ws.root, { month: '2024-06', list: true });
    expect(r.code).toBe(2);
    expect(r.errorKey).toBe('after.list.drawOnly');
  });
});

describe('检查机关 (authorityOf)', () => {
  it('names the 抽查主体 and the joint departments once; without a 抽查主体 the first group stands for it; 专家 and 辅助人员 are no authority', () => {
    const groups = (...g: [string, number][]) => g.map(([department, seats]) => ({ department, seats }));
    expect(authorityOf(planRow({ subject: '某县医疗保障局', teamGroups: groups(['医疗保障局', 1], ['市场监督管理局', 1]) }))).toBe('某县医疗保障局、市场监督管理局');
    expect(authorityOf(planRow({ subject: '', teamGroups: groups(['医疗保障局', 2], ['专家', 1]) }))).toBe('医疗保障局');
    expect(authorityOf(planRow({ subject: '', teamGroups: groups(['医疗保障局', 2], ['辅助人员', 1], ['卫生健康委员会', 1]) }))).toBe('医疗保障局、卫生健康委员会');
    expect(authorityOf(null)).toBe('');
  });
});
