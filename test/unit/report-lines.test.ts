/** The monthly figures on the terminal: the place from the workspace settings, neutral wording without — never a raw {placeholder}. */
import type { Form3Row } from '../../src/core/report-form3.js';
import { setLang } from '../../src/i18n/index.js';
import { form3Lines } from '../../src/render/report.js';

const row: Form3Row = {
  unit: '宛丰县医疗保障局', meetingNames: '', meetingDates: '', docNames: '', docNumbers: '', trainings: 0, trainees: 0,
  items: 1, selected: 3, ratio: '20%', found: 1, published: 3, sites: '', documents: '', jointLead: '', jointParticipants: '',
  jointSelected: 0, jointFound: 0, jointPublished: 0, jointDocuments: '', population: 15,
};
const placeholder = /\{\w+\}/;

describe('form3Lines', () => {
  afterAll(() => setLang('zh'));

  it('names the level from the settings (县直, 县本级)', () => {
    setLang('zh');
    const lines = form3Lines(row, { region: '宛丰县', level: '县' });
    expect(lines).toContain('本月县直各部门按年度计划开展随机抽查情况');
    expect(lines).toContain('本月县本级开展跨部门联合抽查情况');
    expect(lines.filter((l) => placeholder.test(l))).toEqual([]);
  });

  it('without settings says it neutrally, in both languages', () => {
    setLang('zh');
    const zh = form3Lines(row, null);
    expect(zh).toContain('本月本级各部门按年度计划开展随机抽查情况');
    expect(zh.filter((l) => placeholder.test(l))).toEqual([]);
    setLang('en');
    const en = form3Lines(row, null);
    expect(en.filter((l) => placeholder.test(l))).toEqual([]);
    expect(form3Lines(row, { region: 'X', level: '区' }).join('\n')).toContain('at district level');
  });
});
