/**
 * The templates filled in the way a clerk fills them (typing into the data
 * sheet under the header, keeping the title rows, the styles and the 说明
 * sheet) read back through the real reader: `ssj validate` recognises each
 * file's role and finds zero issues; planted errors land on the right cells.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir, ssjIn } from '../helpers/cli.js';
import { idCheckDigit } from '../../src/core/checks/idcard.js';
import { orgCodeCheckChar, usccCheckChar } from '../../src/core/checks/uscc.js';

/** A valid 统一社会信用代码 (GB 32100 + GB 11714 inner check) for an 8-character organisation body. */
function uscc(body8: string): string {
  const first17 = `91410902${body8}${orgCodeCheckChar(body8) ?? ''}`;
  return first17 + (usccCheckChar(first17) ?? '');
}
const idNo = (first17: string) => first17 + idCheckDigit(first17);

type Cell = string | number | Date;
interface Filled {
  role: string;
  rows: Cell[][];
}

const P1 = uscc('MA44X0K1');
const P2 = uscc('MA45B1C2');
const I1 = uscc('41755012');

const FILL = new Map<string, Filled>([
  ['附件2-定点零售药店名录库.xlsx', {
    role: 'pharmacies',
    rows: [
      [1, '华龙区', '濮阳市华龙区康民大药房', P1, 'P41090200001', P1, '豫AA3930001', '濮阳市华龙区人民路1号', `张三 ${idNo('41090119800101123')}`, '李四', '13912345678', '', 'A', '社区药店、连锁'],
      [2, '清丰县', '清丰县百姓大药房', P2, 'P41092200002', P2, '豫AA3930002', '清丰县城关镇中原路8号', `王五 ${idNo('41092219750512002')}`, '赵六', '0393-7221234', '', 'C', ''],
    ],
  }],
  ['附件3-定点医疗机构名录库.xlsx', {
    role: 'institutions',
    rows: [
      [1, '华龙区', '濮阳市华龙区人民医院', I1, 'H41090200001', '公立', '综合', '二级甲等', new Date(Date.UTC(2005, 2, 5)), '濮阳市华龙区胜利路2号', `孙七 ${idNo('41090119700303002')}`, '周八', '0393-4412345', '', 'B', ''],
      [2, '清丰县', '清丰县马庄桥镇东村卫生室', '', 'H41092200017', '公立', '综合', '未定级', '2012-06-01', '清丰县马庄桥镇东村', `吴九 ${idNo('41092219660909003')}`, '', '13700001111', '村卫生室', '', '村卫生室'],
    ],
  }],
  ['附件4-检查人员名录库.xlsx', {
    role: 'inspectors',
    rows: [
      [1, '华龙区', '郑一', '男', '濮阳市医疗保障局', '临床医学 本科', '基金监管科', '科长', '41090020210001', '全市', '', '医保基金审核', '在岗'],
      [2, '华龙区', '钱二', '女', '濮阳市医疗保障局', '会计学 本科', '基金监管科', '科员', '41090020210002', '华龙区、清丰县', '', '', '在岗'],
      [3, '清丰县', '冯三', '男', '濮阳市市场监督管理局', '药学 本科', '药品科', '副科长', '41090020210003', '全市', '', '药品管理', ''],
      // A third 医疗保障局 inspector: 钱二 is recused from P2 and the example plan seats two of the bureau on every team.
      [4, '华龙区', '孙四', '女', '濮阳市医疗保障局', '法学 本科', '稽核科', '科员', '41090020210004', '全市', '', '', '在岗'],
    ],
  }],
  ['回避名单.xlsx', { role: 'conflicts', rows: [['41090020210002', P2, '近亲属在该药店任职']] }],
  ['月度工作情况.xlsx', {
    role: 'activities',
    rows: [
      ['2024-06', '会议', '全市医保基金监管“双随机、一公开”工作推进会', new Date(Date.UTC(2024, 5, 5)), '', '', '', ''],
      ['2024-06', '文件', '关于开展2024年“双随机、一公开”抽查的通知', '2024-06-10', '濮医保〔2024〕15号', '', '', ''],
      ['2024-06', '培训', '执法人员业务培训', '2024-06-20', '', 36, '医保基金使用监督管理条例', ''],
    ],
  }],
]);

/** Types rows into the data sheet under the header, as Excel keeps them: the template's formats stay. */
async function fill(src: string, dest: string, rows: Cell[][], headerRow: number, edit?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  rows.forEach((values, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    values.forEach((v, c) => {
      if (v !== '') row.getCell(c + 1).value = v;
    });
    row.commit();
  });
  edit?.(ws);
  await wb.xlsx.writeFile(dest);
}

interface ValidateJson {
  files: { file: string; role: string; rows: number; issues: { code: string; cell: string | null; severity: string }[] }[];
  summary: { errors: number; warnings: number; infos: number };
}

describe('templates read back through the reader', () => {
  let tpl: string;
  let filled: string;
  beforeAll(async () => {
    const root = tempDir();
    tpl = path.join(root, 'templates');
    filled = path.join(root, 'filled');
    fs.mkdirSync(filled);
    expect((await ssjIn(['templates', '--out', tpl])).code).toBe(0);
    for (const [file, f] of FILL) await fill(path.join(tpl, file), path.join(filled, file), f.rows, f.role === 'inspectors' || f.role === 'conflicts' || f.role === 'activities' ? 2 : 3);
    fs.copyFileSync(path.join(tpl, '抽查工作计划.xlsx'), path.join(filled, '抽查工作计划.xlsx'));
  });

  it('blank templates: every role recognised; the registries a draw needs say they have no rows, nothing else', async () => {
    const files = fs.readdirSync(tpl).sort().map((f) => path.join(tpl, f));
    const r = await ssjIn(['validate', ...files, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as ValidateJson;
    const needed = new Set(['附件2-定点零售药店名录库.xlsx', '附件3-定点医疗机构名录库.xlsx', '附件4-检查人员名录库.xlsx']);
    expect(out.files.map((f) => [path.basename(f.file), f.role, f.issues.map((i) => i.code)])).toEqual(
      // The results table (issue 17) is checked against draws: outside a workspace it says there are none to check it against.
      files.map((f) => [path.basename(f), path.basename(f) === '抽查工作计划.xlsx' ? 'plan' : roleOf(path.basename(f)), needed.has(path.basename(f)) ? ['registry-empty'] : path.basename(f) === '检查结果表.xlsx' ? ['results-no-draws'] : []]),
    );
  });

  it('filled with valid data: the right role, every row, zero issues', async () => {
    const names = [...FILL.keys(), '抽查工作计划.xlsx'];
    const r = await ssjIn(['validate', ...names.map((f) => path.join(filled, f)), '--json'], { env: { SSJ_LANG: 'zh' } });
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(out.files.map((f) => [path.basename(f.file), f.role, f.rows, f.issues.map((i) => [i.code, i.cell])])).toEqual(
      names.map((n) => [n, FILL.get(n)?.role ?? 'plan', FILL.get(n)?.rows.length ?? 2, []]),
    );
    expect(out.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(r.code).toBe(0);
  });

  it('planted errors are reported on the cells Excel shows, under the title rows', async () => {
    const bad = path.join(filled, 'bad-pharmacies.xlsx');
    const rows = (FILL.get('附件2-定点零售药店名录库.xlsx')?.rows ?? []).map((r) => [...r]);
    (rows[1] as Cell[])[3] = P2.slice(0, 17) + (P2[17] === '0' ? '1' : '0'); // wrong check character
    (rows[1] as Cell[])[12] = 'E'; // not a credit class
    await fill(path.join(tpl, '附件2-定点零售药店名录库.xlsx'), bad, rows, 3);
    const r = await ssjIn(['validate', bad, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(out.files[0]?.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.cell]).sort()).toEqual([['bad-enum', 'M5'], ['uscc-checksum', 'D5']]);
  });
});

describe('a workspace from ssj init, filled in', () => {
  it('runs the README command lines as written: validate, then announce with the example plan', async () => {
    const ws = path.join(tempDir(), 'ws');
    expect((await ssjIn(['init', ws])).code).toBe(0);
    for (const [file, f] of FILL) {
      const folder = f.role === 'activities' ? 'reports' : 'registries';
      await fill(path.join(ws, 'templates', file), path.join(ws, folder, file), f.rows, f.role === 'pharmacies' || f.role === 'institutions' ? 3 : 2);
    }
    const lines = fs.readFileSync(path.join(ws, 'README.txt'), 'utf8').split('\r\n').map((l) => l.trim());
    for (const verb of ['validate', 'announce']) {
      const line = lines.find((l) => l.startsWith(`ssj ${verb} `)) ?? '';
      const r = await ssjIn([...line.split(' ').slice(1), '--date', '2024-06-01', '--json'], { cwd: ws });
      expect([verb, r.code, r.stderr]).toEqual([verb, 0, '']);
    }
    expect(fs.readdirSync(path.join(ws, 'draws')).filter((f) => f.endsWith('-announcement.json'))).toHaveLength(1);
  });
});

function roleOf(file: string): string {
  for (const [name, f] of FILL) if (name === file) return f.role;
  // Templates the fill table does not cover (ssj-draw/2's optional inputs).
  return ({ '参保人名录库.xlsx': 'insured', '既往检查记录.xlsx': 'prior-inspections', '附件1-随机抽查事项清单.xlsx': 'items', '检查结果表.xlsx': 'results' } as Record<string, string>)[file] ?? 'plan';
}
