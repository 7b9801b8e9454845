/** The monthly figures on the terminal: 附件3's row as labelled lines (the same data --json and the workbook print). */
import { getLang, t, type MsgKey } from '../i18n/index.js';
import type { Form3Row } from '../core/report-form3.js';
import { levelWord, type FormPlace } from '../core/settings.js';

/** A list for one line: the first ten, then 等. */
export const shortList = (xs: string[], max = 10) => (xs.length > max ? `${xs.slice(0, max).join('、')}${t('report.more')}` : xs.join('、'));


const LINES: [MsgKey, keyof Form3Row][][] = [
  [
    ['report.f3.meetingName', 'meetingNames'],
    ['report.f3.docName', 'docNames'],
    ['report.f3.trainings', 'trainings'],
    ['report.f3.trainees', 'trainees'],
  ],
  [
    ['report.f3.items', 'items'],
    ['report.f3.selected', 'selected'],
    ['report.f3.ratio', 'ratio'],
    ['report.f3.found', 'found'],
    ['report.f3.published', 'published'],
    ['report.f3.sites', 'sites'],
    ['report.f3.documents', 'documents'],
  ],
  [
    ['report.f3.lead', 'jointLead'],
    ['report.f3.participants', 'jointParticipants'],
    ['report.f3.jointSelected', 'jointSelected'],
    ['report.f3.found', 'jointFound'],
    ['report.f3.published', 'jointPublished'],
    ['report.f3.documents', 'jointDocuments'],
  ],
];
const HEADINGS: MsgKey[] = ['report.f3.gMeeting', 'report.f3.gPlan', 'report.f3.gJoint'];
/** The same headings without a place, for a workspace without settings: never a raw {level}. */
const NEUTRAL: MsgKey[] = ['report.f3.gMeeting', 'report.f3.gPlanAny', 'report.f3.gJointAny'];

/** Labelled lines of one unit's 附件3 row, grouped as the form's header groups them; the place from the workspace settings (null: neutral wording). */
export function form3Lines(row: Form3Row, place: FormPlace | null): string[] {
  const out: string[] = [];
  const words = place ? { region: place.region, level: levelWord(place.level, getLang()) } : null;
  LINES.forEach((group, i) => {
    out.push(words ? t(HEADINGS[i] as MsgKey, words) : t(NEUTRAL[i] as MsgKey));
    for (const [key, field] of group) {
      const v = row[field];
      out.push(`  ${t(key)}: ${v === '' || v === null ? '-' : String(v)}`);
    }
  });
  return out;
}
