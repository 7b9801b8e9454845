import ExcelJS from 'exceljs';
import { setLang } from '../../src/i18n/index.js';
import { amendmentWitness, docHtml, drawWitness } from '../../src/render/witness.js';
import { printDocXlsx, replaceToken, spansOf } from '../../src/io/witness-xlsx.js';
import { buildDrawRecord } from '../../src/core/record.js';
import { sampleAmendment, sampleDraw } from './record-fixture.js';
import { firstDifference } from '../helpers/bytes.js';

setLang('zh');

function hostileDraw() {
  const base = sampleDraw();
  const { recordHash: _h, format: _f, algorithm: _a, ...fields } = base;
  return buildDrawRecord({
    ...fields,
    place: '县局<会议室>',
    selected: base.selected.map((s, i) => (i === 0 ? { ...s, name: '<script>alert(1)</script>&药店' } : s)),
  });
}

describe('witness sheet HTML', () => {
  const r = hostileDraw();
  const html = docHtml(drawWitness(r), 'zh');

  it('prints on A4 with the record hash and 第 x 页 共 y 页 in the margins of every page', () => {
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain(`@bottom-left { content: "抽取编号 ${r.drawId}　记录哈希 ${r.recordHash}";`);
    expect(html).toContain('@top-right { content: "第 " counter(page) " 页 共 " counter(pages) " 页";');
    expect(html).toContain(`<div class="footer">抽取编号 ${r.drawId}　记录哈希 ${r.recordHash}</div>`);
    expect(html).not.toContain('position: fixed');
  });
  it('keeps the signature block with the last table, says how to print, and shows China local time', () => {
    expect(html).toMatch(/<div class="keep">\n(<h2>检查组<\/h2>|<table class="grid cont">)[\s\S]*<h2>签字<\/h2>[\s\S]*<\/div>/);
    expect(html).toContain('取消勾选“页眉和页脚”');
    const created = drawWitness({ ...sampleDraw(), createdAt: '2026-12-03T20:56:09.000Z' }).meta.find(([k]) => k === '记录时间');
    expect(created?.[1]).toBe('2026年12月4日 04:56');
  });
  it('lists each plan row with its 抽查频次 (SPEC: kept in the plan, shown in reports)', () => {
    const base = sampleDraw();
    const withFrequency = { ...base, plan: { ...base.plan, rows: base.plan.rows.map((row) => ({ ...row, frequency: '上半年、下半年各一次' })) } };
    const plan = drawWitness(withFrequency).tables[0]!;
    const col = plan.columns.indexOf('抽查频次');
    expect(col).toBeGreaterThan(0);
    expect(plan.rows.map((row) => row[col])).toEqual(base.plan.rows.map(() => '上半年、下半年各一次'));
    expect(drawWitness(base).tables[0]!.rows[0]![col]).toBe('—');
  });
  it('prints formula-like text as written: HTML is never neutralised (issue 19: no apostrophe on the printed page)', () => {
    const base = sampleDraw();
    const { recordHash: _h, format: _f, algorithm: _a, ...fields } = base;
    const r2 = buildDrawRecord({ ...fields, place: '=HYPERLINK("http://x","y")', selected: base.selected.map((s, i) => (i === 0 ? { ...s, name: '+1+1药店' } : s)) });
    const page = docHtml(drawWitness(r2), 'zh');
    expect(page).toContain('<td>+1+1药店</td>');
    expect(page).toContain('<td>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>');
    expect(page).not.toMatch(/&#39;[=+\-@]/);
  });
  it('carries the ledger head before the draw (16 hex), or says the ledger was empty; the substitution sheet too', () => {
    const head = 'ab'.repeat(32);
    const meta = new Map(drawWitness(r, head).meta);
    expect(meta.get('台账末端（本次之前）')).toBe('ab'.repeat(8));
    expect(new Map(drawWitness(r, null).meta).get('台账末端（本次之前）')).toMatch(/^—（台账为空/);
    expect(new Map(drawWitness(r).meta).has('台账末端（本次之前）')).toBe(false);
    expect(new Map(amendmentWitness(sampleAmendment(r), r, head).meta).get('台账末端（本次之前）')).toBe('ab'.repeat(8));
  });
  it('escapes every text', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;药店');
    expect(html).toContain('县局&lt;会议室&gt;');
  });
  it('carries the seed, the content hashes, N → n, exclusions, selections, teams and the signature block', () => {
    for (const text of [r.seed, r.seedSource, r.inputs[0].contentSha256, 'E3', 'E1', '人员I1', 'I4', '某医疗保障局', '本年度已被抽取达到上限', '20240101-1、20240301-1']) {
      expect(html).toContain(text);
    }
    for (const label of ['抽取人', '监督人（人大代表）', '监督人（政协委员）', '监督人（纪检监察/法制机构）', '日期']) expect(html).toContain(`${label}：<span class="line">`);
    expect(html).toMatch(/<td>1 定点零售药店<\/td><td>5<\/td><td>4<\/td><td>2<\/td><td>1<\/td>/);
  });
  it('for a substitution: what was amended, who was removed and why, the replacement and the team after', () => {
    const a = sampleAmendment(r);
    const doc = amendmentWitness(a, r);
    const page = docHtml(doc, 'zh');
    expect(doc.title).toBe('“双随机、一公开”递补抽取记录');
    expect(doc.meta).toEqual(expect.arrayContaining([['所递补的抽取', r.drawId], ['被替换人员', 'I2 人员I2'], ['原因', '回避'], ['候选人数', '2']]));
    expect(page).toContain(a.recordHash);
    expect(page).toContain('I5');
  });
});

describe('witness sheet workbook', () => {
  it('is A4 with the record hash in the page footer and the same content', async () => {
    const r = hostileDraw();
    const bytes = await printDocXlsx(drawWitness(r), r.drawId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.headerFooter.oddFooter).toContain(r.recordHash);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    for (const text of [r.seed, '<script>alert(1)</script>&药店', 'E3', '人员I4', '监督人（政协委员）', r.inputs[0].contentSha256]) expect(texts).toContain(text);
  });
});

describe('witness sheet workbook, cell by cell', () => {
  const long = Array.from({ length: 250 }, (_, i) => [String(i + 1), `=SUM(A${i})`, `名称\u0001${i}&<b>`]);
  const doc = {
    title: '标题',
    intro: '说明',
    meta: [['抽取编号', 'X-1']] as [string, string][],
    tables: [
      { heading: '短表', columns: ['序号', '名称'], widths: [1, 3], rows: [['1', '甲'.repeat(40)]] },
      { heading: '长表', columns: ['序号', '代码', '名称'], widths: [1, 2, 3], rows: long },
    ],
    signatures: ['抽取人'],
    footer: '页脚 & 哈希',
  };
  const load = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await printDocXlsx(doc, 'X-1')) as unknown as ArrayBuffer);
    return wb.worksheets[0];
  };

  it('merges short tables (wrapped, rows as tall as their text) and leaves long ones unmerged with borders around each span', async () => {
    const ws = await load();
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges);
    expect(ws.name).toBe('X-1');
    expect(ws.getCell('A1').value).toBe('标题');
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(ws.getCell('A2').font).toMatchObject({ name: '宋体', bold: true });
    expect(ws.getCell('D3').value).toBe('X-1');
    const short = 7; // title, intro, meta, blank, heading, header: the short table's row
    expect(ws.getCell(`E${short}`).value).toBe('甲'.repeat(40));
    expect(ws.getRow(short).height).toBeGreaterThan(15);
    expect(ws.getCell(`E${short}`).alignment).toMatchObject({ wrapText: true });
    expect(merges).toEqual(expect.arrayContaining(['A1', 'A3', 'D3', `E${short}`]));
    const header = short + 3;
    const first = header + 1;
    expect(ws.getCell(`A${header}`).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(merges.some((m) => Number(/\d+/.exec(m)![0]) >= header && Number(/\d+/.exec(m)![0]) <= header + 250)).toBe(false);
    const row = ws.getRow(first);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((c) => String(row.getCell(c).value ?? ''))).toEqual(
      ['1', '', "'=SUM(A0)", '', '', '', '', '名称0&<b>', '', '', '', '', '', ''], // spans 2, 5, 7
    );
    const sides = (c: number) => Object.keys(row.getCell(c).border ?? {}).sort().join(',');
    expect([sides(2), sides(3), sides(4), sides(5), sides(8), sides(9), sides(14)]).toEqual(
      ['bottom,right,top', 'bottom,left,top', 'bottom,top', 'bottom,top', 'bottom,left,top', 'bottom,top', 'bottom,right,top'],
    );
    expect(row.getCell(8).alignment).toEqual({ vertical: 'top' });
    expect(ws.getCell(`A${first + 250 + 1}`).value).toBe('抽取人');
    expect(ws.getCell(`F${first + 250 + 1}`).border).toMatchObject({ bottom: { style: 'thin' } });
    expect(ws.headerFooter.oddFooter).toBe('&L&8页脚 && 哈希&R&8&P / &N');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });
  it('gives the same bytes for the same document', async () => {
    expect(firstDifference(await printDocXlsx(doc, 'X-1'), await printDocXlsx(doc, 'X-1'))).toBeNull();
  });
});

describe('workbook column spans', () => {
  it('spread a table over the 14-column grid by its widths, each at least one column', () => {
    expect(spansOf([6, 6, 24, 36, 16], 5)).toEqual([1, 1, 4, 6, 2]);
    expect(spansOf([1, 1], 2)).toEqual([7, 7]);
    for (const [w, n] of [[[5, 22, 13, 16, 16, 18, 22], 7], [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 100], 14], [[3], 1]] as [number[], number][]) {
      const spans = spansOf(w, n);
      expect(spans.reduce((a, b) => a + b, 0)).toBe(14);
      expect(Math.min(...spans)).toBeGreaterThanOrEqual(1);
    }
  });
});


describe('the record hash put in after the sheet is built', () => {
  it('replaces every stand-in and refuses a value of another length', () => {
    const token = 'ab'.repeat(32);
    const hash = '0123456789abcdef'.repeat(4);
    const buf = Buffer.from(`<v>${token}</v>中文<f>${token}${token}</f>`);
    replaceToken(buf, token, hash);
    expect(buf.toString()).toBe(`<v>${hash}</v>中文<f>${hash}${hash}</f>`);
    expect(() => replaceToken(buf, hash, 'short')).toThrow();
  });
});
