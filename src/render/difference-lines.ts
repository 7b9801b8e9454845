/**
 * Verify's difference lines (issue 15/21): where the record and the re-run differ, the field in the
 * user's words with the record's own path after it.
 */
import { t, type MsgKey } from '../i18n/index.js';
import type { Difference } from '../core/verify.js';

const FIELD_NAMES: ReadonlySet<string> = new Set(['recordHash', 'prevRecordHash', 'selected', 'teams', 'team', 'strata', 'inputs', 'seed', 'algorithm', 'plan', 'drawId', 'announcementHash', 'substitution', 'amends']);

/** A difference's field in the user's words, the record's own path after it: 检查组（teams[2].members[1].key）. */
function fieldLabel(field: string): string {
  const head = /^[A-Za-z]+/.exec(field)?.[0] ?? '';
  return FIELD_NAMES.has(head) ? t('drawcmd.verify.fieldNamed', { name: t(`drawcmd.verify.field.${head}` as MsgKey), field }) : field;
}

const show = (v: Difference['expected']) => (v === null || v === '' ? t('drawcmd.verify.none') : String(v));

/** One line per difference: where (record, ledger line, stratum, position, entity), the field, expected and found. */
export function differenceLines(diffs: Difference[], recordId?: string): string[] {
  return diffs.map((d) => {
    const where = [
      d.line !== undefined ? t('drawcmd.verify.atLine', { n: d.line }) : '',
      d.file !== undefined ? t('ledger.verify.atFile', { file: d.file }) : '',
      d.drawId !== undefined && d.drawId !== recordId ? t('drawcmd.verify.atRecord', { id: d.drawId }) : '',
      d.stratum !== undefined ? t('drawcmd.verify.atStratum', { n: d.stratum }) : '',
      d.position !== undefined ? t('drawcmd.verify.atPosition', { n: d.position }) : '',
      d.entity !== undefined ? t('drawcmd.verify.atEntity', { key: d.entity }) : '',
    ].join('');
    return t('drawcmd.verify.diff', { where, field: fieldLabel(d.field), expected: show(d.expected), found: show(d.found) });
  });
}
