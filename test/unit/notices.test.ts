/** 检查通知书 and 行政检查审批表: the model (items and basis, team in force, materials, 本年度第 N 次, 核验码) and `ssj notices` in-process. */
import fs from 'node:fs';
import path from 'node:path';
import { verificationCode } from '../../src/core/drawn-list.js';
import { approvalFormModel, materialsOf, noticeModels } from '../../src/core/notice.js';
import { makeWorkspace, plan, planRow, selected, writeAmendment, writeDraw } from '../helpers/workspace.js';
import { runVerb } from '../helpers/inproc.js';

describe('notices', () => {
  const ws = makeWorkspace('ssj-notices-');
  afterAll(() => fs.rmSync(ws.root, { recursive: true, force: true }));
  const row = planRow({ basis: '《医疗保障基金使用监督管理条例》', checkItems: ['基金使用', '药品质量'], teamGroups: [{ department: '医疗保障局', seats: 1 }, { department: '市场监督管理局', seats: 1 }], materials: '医保结算清单；进销存台账;处方', window: '2024年6月10日至6月30日' });
  const A = '91410000MA0000001X';
  const B = '91410000MA0000002X';
  const first = writeDraw(ws, { drawId: '20240301-1', drawDate: '2024-03-01', plan: plan({ rows: [row] }), selected: [selected({ key: A, order: 1 })] });
  const draw = writeDraw(ws, { drawId: '20240601-1', drawDate: '2024-06-01', plan: plan({ rows: [row] }), selected: [selected({ key: A, order: 1, name: '<b>仁和</b>药店' }), selected({ key: B, order: 2 })] });
  const team = { entity: A, members: [{ key: 'ZF101', name: '甲1', unit: '测试市医疗保障局', department: '', role: '组长' as const }, { key: 'ZF999', name: '递补员', unit: '测试市医疗保障局', department: '', role: '组员' as const }] };
  const amendment = writeAmendment(ws, draw, { entity: A, removed: 'ZF102', team });

  it('gives items with their basis, the team in force, materials, the count this year and the 核验码', () => {
    const models = noticeModels({ draw, amendments: [amendment], earlier: [first], contact: '0393-1234567' });
    expect(models.map((m) => m.entity.key)).toEqual([A, B]);
    const [a, b] = models;
    expect(a?.items).toEqual([{ item: '基金使用', basis: '《医疗保障基金使用监督管理条例》' }, { item: '药品质量', basis: '《医疗保障基金使用监督管理条例》' }]);
    expect(a?.team.map((m) => m.key)).toEqual(['ZF101', 'ZF999']);
    expect(a?.materials).toEqual(['医保结算清单', '进销存台账', '处方']);
    expect(a?.timesThisYear).toBe(2);
    expect(b?.timesThisYear).toBe(1);
    expect(a?.verification).toBe(verificationCode(draw.recordHash, A));
    expect(a?.window).toBe('2024年6月10日至6月30日');
    expect(a?.number).toBe('20240601-1-01');
  });

  it('lists each inspector once on the approval form', () => {
    const f = approvalFormModel(draw, [amendment]);
    expect(f.entities.map((e) => e.code)).toEqual([A, B]);
    expect(f.inspectors.map((i) => i.member.key).sort()).toEqual(['ZF101', 'ZF201', 'ZF202', 'ZF999']);
    expect(materialsOf(null)).toEqual([]);
  });

  it('ssj notices writes one notice per entity, all.html and the 审批表; its 核验码 match the drawn list', async () => {
    const r = await runVerb('notices', ws.root, { draw: draw.drawId, contact: '联系人：王科长 0393-1234567' });
    expect(r.code).toBe(0);
    const dir = path.join(ws.root, 'notices', draw.drawId);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['01-_b_仁和__b_药店.html', '02-药店2.html', 'all.html', '审批表.html'].sort());
    const one = fs.readFileSync(path.join(dir, files.find((f) => f.startsWith('01-')) as string), 'utf8');
    expect(one).toContain('&lt;b&gt;仁和&lt;/b&gt;药店');
    expect(one).not.toContain('<b>仁和');
    expect(one).toContain('陈述、申辩');
    expect(one).toContain('申请回避');
    expect(one).toContain('ZF999');
    expect(one).toContain('本年度你单位第 2 次');
    expect(one).toContain('联系人：王科长 0393-1234567');
    await runVerb('publish', ws.root, { draw: draw.drawId, list: true });
    const csv = fs.readFileSync(path.join(ws.reports, `抽取结果-${draw.drawId}.csv`), 'utf8');
    for (const key of [A, B]) {
      const code = verificationCode(draw.recordHash, key);
      expect(csv).toContain(`${key},${code}`);
      expect(fs.readFileSync(path.join(dir, 'all.html'), 'utf8')).toContain(code);
    }
    const approval = fs.readFileSync(path.join(dir, '审批表.html'), 'utf8');
    expect(approval).toContain('分管负责人审批意见');
    expect(approval).toContain('签字');
  });

  it('needs --draw', async () => {
    const r = await runVerb('notices', ws.root, {});
    expect(r.code).toBe(2);
  });
});
