import fc from 'fast-check';
import { handlingOf, maskPersonal, PUBLICATION_COLUMNS, publicationRows, resultCell } from '../../src/core/publish.js';
import { inertText as neutralise } from '../../src/core/text.js';
import { juneScenario, K, makeResult } from '../helpers/report-fixtures.js';

const ID18 = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe('publicationRows', () => {
  const s = juneScenario();
  const june = s.draws.filter((d) => d.drawDate.startsWith('2024-06'));
  const out = publicationRows({ draws: june, amendments: [s.amendment], results: s.results, today: '2024-06-30' });
  const col = (name: (typeof PUBLICATION_COLUMNS)[number]) => PUBLICATION_COLUMNS.indexOf(name);

  it('has exactly the SPEC columns', () => {
    expect(out.header).toEqual(['序号', '抽查任务', '抽查事项', '检查对象名称', '统一社会信用代码', '所在地区', '检查机关', '检查人员', '检查日期', '检查结果', '处理情况', '公示日期']);
  });

  it('heads the key column 统一社会信用代码/医保编码 when a village clinic (no USCC, keyed by its 医保编码) is published', () => {
    const clinic = june.map((d, i) => (i === 0 ? { ...d, selected: d.selected.map((e, j) => (j === 0 ? { ...e, uscc: '', ybbm: e.key } : e)) } : d));
    const o = publicationRows({ draws: clinic, amendments: [s.amendment], results: s.results, today: '2024-06-30' });
    expect(o.header[4]).toBe('统一社会信用代码/医保编码');
    expect(o.rows.map((r) => r[4])).toEqual(out.rows.map((r) => r[4]));
  });

  it('gives one row per inspection with a result and skips the others', () => {
    expect(out.rows.map((r) => r[col('统一社会信用代码')])).toEqual([K.E1, K.E2, K.P1, K.P2, K.E3]);
    expect(out.skipped).toEqual([{ drawId: '20240605-1', entity: K.P3, name: '百姓大药房' }]);
    expect(out.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('uses the team in force after the amendment, names with 执法证号', () => {
    expect(out.rows[0]?.[col('检查人员')]).toBe('检查员1(冀A001)、递补员(冀A099)');
    expect(out.rows[1]?.[col('检查人员')]).toBe('检查员3(冀A003)、检查员4(冀A004)');
  });

  it('writes result texts, per department for joint inspections', () => {
    expect(out.rows[0]?.[col('检查结果')]).toBe('1 未发现问题');
    expect(out.rows[2]?.[col('检查结果')]).toBe('医疗保障局：1 未发现问题；市场监督管理局：8 发现问题待后续处理');
    expect(out.rows[2]?.[col('检查机关')]).toBe('唐山市医疗保障局、市场监督管理局');
  });

  it('does not repeat a department the 抽查主体 already names', () => {
    const joint = june.map((d) => ({ ...d, plan: { ...d.plan, rows: d.plan.rows.map((r) => ({ ...r, subject: '唐山市医疗保障局和市市场监督管理局' })) } }));
    const o = publicationRows({ draws: joint, amendments: [s.amendment], results: s.results, today: '2024-06-30' });
    expect(o.rows[2]?.[col('检查机关')]).toBe('唐山市医疗保障局和市市场监督管理局');
  });

  it('keeps an existing 公示日期 and uses today otherwise', () => {
    expect(out.rows.map((r) => r[col('公示日期')])).toEqual(['2024-06-25', '2024-07-02', '2024-06-30', '2024-06-30', '2024-06-30']);
  });

  it('neutralises formula-like cells', () => {
    expect(out.rows[2]?.[col('检查对象名称')]).toBe("'=cmd|' /C calc'!A0 大药房");
    expect(out.rows[1]?.[col('处理情况')]).toBe('\'=HYPERLINK("http://x")');
    for (const row of out.rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('masks ID numbers, phones and the legal representative in 处理情况', () => {
    const handling = out.rows[0]?.[col('处理情况')] ?? '';
    expect(handling).not.toMatch(ID18);
    expect(handling).not.toMatch(MOBILE);
    expect(handling).not.toContain('钱院长');
    expect(out.rows[3]?.[col('处理情况')]).not.toContain('2819003');
    for (const row of out.rows) for (const cell of row) {
      expect(cell).not.toMatch(ID18);
      expect(cell).not.toMatch(MOBILE);
      expect(cell).not.toContain('赵法人');
    }
  });
});

describe('处理情况 (handlingOf)', () => {
  it('is the table\'s 处理情况; from a record sheet, which has none, its 备注 (where the form says to write it)', () => {
    const r = makeResult('d', 'e', '2024-06-10', [['', [5]]], null, '');
    expect(handlingOf({ ...r, remarks: '发现过期药品2盒，已责令整改', source: { ...r.source, form: 'sheet' } })).toBe('发现过期药品2盒，已责令整改');
    expect(handlingOf({ ...r, remarks: '待核查结论后公示', source: { ...r.source, form: 'table' } })).toBe('');
    expect(handlingOf({ ...r, handling: '已整改', remarks: '别的', source: { ...r.source, form: 'sheet' } })).toBe('已整改');
  });
});

describe('maskPersonal', () => {
  it('masks IDs (with X), mobiles, landlines and labelled numbers, leaves amounts and dates', () => {
    expect(maskPersonal('身份证11010519491231002X。')).toBe('身份证******************。');
    expect(maskPersonal('旧证 110105491231002 号')).toBe('旧证 *************** 号');
    expect(maskPersonal('手机 139-1234-5678 处')).not.toMatch(/\d{4}/);
    expect(maskPersonal('电话：2819003')).toBe('电话：***');
    expect(maskPersonal('罚款 5000 元，2024-06-01 整改')).toBe('罚款 5000 元，2024-06-01 整改');
    expect(maskPersonal('负责人张三已签字', ['张三'])).toBe('负责人**已签字');
  });
  it('masks a name written after 联系人, 法定代表人 and other roles, not the words that follow a role', () => {
    expect(maskPersonal('已约谈联系人曹平敏、法定代表人蔡阳。')).toBe('已约谈联系人***、法定代表人**。');
    expect(maskPersonal('联系人：王芳，负责人 李强')).toBe('联系人：**，负责人 **');
    expect(maskPersonal('店长刘一。')).toBe('店长**。');
    expect(maskPersonal('联系人已整改，法定代表人签字确认，负责人表示配合。')).toBe('联系人已整改，法定代表人签字确认，负责人表示配合。');
    expect(maskPersonal('约谈负责人，责令整改')).toBe('约谈负责人，责令整改');
  });
  it('neutralises every dangerous first character', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx', 'ok'].map(neutralise)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", 'ok']);
  });
  it('writes several codes of one department', () => {
    expect(resultCell(makeResult('d', 'e', '2024-01-01', [['医疗保障局', [5, 8]]]))).toBe('5 发现问题已责令整改、8 发现问题待后续处理');
  });
});

describe('allow-list and masking properties', () => {
  it('never publishes a field that is not on the allow-list, even one added to the records later', () => {
    const s = juneScenario();
    const poisoned = s.draws.map((d) => ({
      ...d,
      selected: d.selected.map((e) => ({ ...e, idCard: '130203198001011234', contactName: '孙联系', contactPhone: '13800001111', legalRepresentative: '周法人' })),
      teams: d.teams.map((t) => ({ ...t, members: t.members.map((m) => ({ ...m, idCard: '110105194912310021', phone: '13712345678' })) })),
    }));
    const out = publicationRows({ draws: poisoned, amendments: [], results: s.results, today: '2024-06-30' });
    const text = JSON.stringify(out.rows);
    for (const bad of ['130203198001011234', '孙联系', '13800001111', '周法人', '110105194912310021', '13712345678', '赵法人']) expect(text).not.toContain(bad);
  });

  it('neutralise never leaves a dangerous first character', () => {
    fc.assert(fc.property(fc.string(), (v) => !/^[=+\-@\t\r]/.test(neutralise(v))));
  });

  it('maskPersonal removes any ID or mobile number embedded in text', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
    const id = fc.tuple(digits(17), fc.constantFrom('0', '5', '9', 'X', 'x')).map(([a, b]) => a + b);
    const mobile = fc.tuple(fc.constantFrom('13', '15', '18', '19'), digits(9)).map(([a, b]) => a + b);
    const text = fc.string({ maxLength: 8 }).filter((t) => !/[0-9A-Za-z]$/.test(t) && !/^[0-9A-Za-z]/.test(t));
    fc.assert(
      fc.property(text, fc.oneof(id, mobile), text, (a, secret, b) => !maskPersonal(`${a}${secret}${b}`).includes(secret)),
    );
  });
});
