import { monthlyDue, monthlyFigures, nextQuarterlyDue, parseMonth, percent, safeFileName, defaultUnit, type ActivityRow } from '../../src/core/report.js';
import { form3Row, totalRow } from '../../src/core/report-form3.js';
import { juneScenario, K, SITE_CREDIT, SITE_HR } from '../helpers/report-fixtures.js';

const act = (month: string, category: string, name: string, extra: Partial<ActivityRow> = {}): ActivityRow => ({ month, category, name, date: '', docNumber: '', trainees: '', content: '', ...extra });

const ACTIVITIES: ActivityRow[] = [
  act('2024-06', '会议', '2024年双随机工作部署会', { date: '2024-06-03' }),
  act('2024年6月', '文件', '关于开展2024年双随机抽查的通知', { docNumber: '唐医保字〔2024〕5号' }),
  act('2024/6', '培训', '双随机业务培训班', { trainees: '35', content: '抽查程序' }),
  act('45444', '培训', '执法人员培训', { trainees: '２０', content: '执法规范' }), // Excel serial of 2024-06-01, full-width digits
  act('2024-05', '会议', '五月的会', { date: '2024-05-08' }),
];

describe('monthlyFigures — June 2024 hand counts', () => {
  const s = juneScenario();
  const f = monthlyFigures(s.draws, s.results, s.publications, ACTIVITIES, '2024-06', '唐山市医疗保障局');

  it('counts the plan block as counted by hand', () => {
    // items: 医疗机构检查 (draws A and B) + 药店联合检查 (A) = 2
    expect(f.city.items).toBe(2);
    // selected: A has 5 (E1 E2 P1 P2 P3), B has 1 (E3); C is May; the amendment adds none
    expect(f.city.selected).toBe(6);
    // population: A 10 + 20, B 15
    expect(f.city.population).toBe(45);
    expect(f.city.ratio).toBe('13.33%');
    // found: E2 (5), P1 (8 from 市场监督管理局), E3 (10); E1 1, P2 9/9, P3 no result
    expect(f.city.found).toBe(3);
    // published in June: E1 (result 06-25), P1 (publish 06-28, again 06-29), E4 (May draw, result 06-10); E2 is July, E5 May
    expect(f.city.published).toBe(3);
    expect(new Set(f.city.sites)).toEqual(new Set([SITE_HR, SITE_CREDIT]));
    expect(f.city.documents).toEqual(['唐医保字〔2024〕5号', '唐医保字〔2024〕9号']);
    expect(f.city.subItems).toBe(2); // 医保基金使用, 药品质量
  });

  it('counts the joint block over the joint plan row only', () => {
    expect(f.joint.lead).toEqual(['医疗保障局']);
    expect(f.joint.participants).toEqual(['市场监督管理局']);
    expect(f.joint.items).toBe(1);
    expect(f.joint.selected).toBe(3); // P1 P2 P3
    expect(f.joint.population).toBe(20);
    expect(f.joint.found).toBe(1); // P1
    expect(f.joint.published).toBe(1); // P1, once although published twice
    expect(f.joint.sites).toEqual([SITE_CREDIT]);
    expect(f.joint.documents).toEqual(['唐医保字〔2024〕5号']);
  });

  it('takes items 1–3 from June activity rows only, whatever the month spelling', () => {
    expect(f.meetings).toEqual([{ name: '2024年双随机工作部署会', date: '2024-06-03' }]);
    expect(f.documents).toEqual([{ name: '关于开展2024年双随机抽查的通知', docNumber: '唐医保字〔2024〕5号' }]);
    expect(f.trainings.count).toBe(2);
    expect(f.trainings.trainees).toBe(55);
  });

  it('lists the June entities still without results', () => {
    expect(f.missingResults.map((m) => [m.drawId, m.entity])).toEqual([['20240605-1', K.P3]]);
    expect(f.drawIds).toEqual(['20240605-1', '20240620-1']);
  });

  it('gives May its own figures (publication in June does not count in May)', () => {
    const may = monthlyFigures(s.draws, s.results, s.publications, ACTIVITIES, '2024-05', 'u');
    expect([may.city.selected, may.city.population, may.city.found, may.city.published]).toEqual([2, 8, 1, 1]);
    expect(may.joint.selected).toBe(0);
    expect(may.joint.ratio).toBe('');
  });

  it('counts a publication when results are recorded later, by publication date (July)', () => {
    const jul = monthlyFigures(s.draws, s.results, s.publications, [], '2024-07', 'u');
    expect([jul.city.selected, jul.city.published]).toEqual([0, 1]); // E2, published 07-02
  });

  it('builds the 附件3 row from the form', () => {
    const row = form3Row(f);
    expect([row.items, row.selected, row.ratio, row.found, row.published, row.jointSelected, row.jointFound, row.jointPublished]).toEqual([2, 6, '13.33%', 3, 3, 3, 1, 1]);
    expect(row.jointLead).toBe('医疗保障局');
    expect(row.docNumbers).toBe('唐医保字〔2024〕5号');
    expect(row.trainings).toBe(2);
  });
});

describe('totals of a combined 附件3', () => {
  const s = juneScenario();
  const a = form3Row(monthlyFigures(s.draws, s.results, s.publications, ACTIVITIES, '2024-06', '甲'));
  const b = { ...a, unit: '乙', selected: 4, population: 5, found: 1, published: 0, sites: '另一网站', jointSelected: 0 };

  it('sums counts, joins texts and recomputes the ratio from populations', () => {
    const { total, ratioKnown } = totalRow([a, b], '合计');
    expect(ratioKnown).toBe(true);
    expect([total.selected, total.found, total.published, total.jointSelected, total.population]).toEqual([10, 4, 3, 3, 50]);
    expect(total.ratio).toBe('20%');
    expect(total.sites.split('、')).toEqual(expect.arrayContaining([SITE_HR, SITE_CREDIT, '另一网站']));
  });

  it('leaves the ratio blank when a population is unknown', () => {
    const { total, ratioKnown } = totalRow([a, { ...b, population: null }], '合计');
    expect(ratioKnown).toBe(false);
    expect(total.ratio).toBe('');
  });
});

describe('helpers', () => {
  it('rounds percentages to 2 decimals', () => {
    expect([percent(1, 3), percent(2, 3), percent(1, 8), percent(3, 3), percent(0, 5), percent(1, 0), percent(1, 200000)]).toEqual(['33.33%', '66.67%', '12.5%', '100%', '0%', '', '0%']);
  });
  it('parses month spellings', () => {
    expect(['2024-6', '2024年06月', '2024.6', '2024/06/15', '202406', '2024-13', 'x'].map(parseMonth)).toEqual(['2024-06', '2024-06', '2024-06', '2024-06', '2024-06', null, null]);
  });
  it('gives due dates', () => {
    expect(monthlyDue('2024-06')).toBe('2024-07-20');
    expect(monthlyDue('2024-12')).toBe('2025-01-20');
    expect(['2024-03-31', '2024-04-05', '2024-04-06', '2024-08-01', '2024-12-21'].map(nextQuarterlyDue)).toEqual(['2024-04-05', '2024-04-05', '2024-07-01', '2024-10-06', '2025-04-05']);
  });
  it('sanitises unit names for file names', () => {
    expect(safeFileName('唐山市/医保局:A*?')).toBe('唐山市_医保局_A__');
    expect(safeFileName('..')).toBe('_');
    expect(safeFileName('  ')).toBe('_');
  });
  it('defaults the unit to the month draws’ 抽查主体', () => {
    const s = juneScenario();
    expect(defaultUnit(s.draws, '2024-06')).toBe('唐山市医疗保障局');
    expect(defaultUnit(s.draws, '2023-01')).toBeNull();
  });
  it('takes the lead unit of a joint 抽查主体, which alone can seal a form (人力资源和社会保障局 stays whole)', () => {
    const s = juneScenario();
    const withSubject = (subject: string) => s.draws.map((d) => ({ ...d, plan: { ...d.plan, rows: d.plan.rows.map((r) => ({ ...r, subject })) } }));
    expect(defaultUnit(withSubject('宛丰县医疗保障局和县市场监督管理局'), '2024-06')).toBe('宛丰县医疗保障局');
    expect(defaultUnit(withSubject('宛丰县人力资源和社会保障局'), '2024-06')).toBe('宛丰县人力资源和社会保障局');
  });
});
