/** The printable announcement sheet (抽取前公告): plan, inputs, strata N → n, each entity's probability. */
import { tf, type MsgKey } from '../i18n/index.js';
import type { Announcement, EntityProbability } from '../core/announce.js';
import type { PrintDoc } from '../core/print-doc.js';
import { docHtml, inputsTable, planTable, strataTable } from './witness.js';

/** A printed sheet lists at most this many entities; the entity list file lists all. */
const MAX_LISTED = 5000;

const w = (k: string) => tf(`drawcmd.w.${k}` as MsgKey);

export function announcementDoc(a: Announcement, entities: EntityProbability[]): PrintDoc {
  const strata = a.strata.map((s) => ({ ...s, selected: [] }));
  return {
    title: tf('drawcmd.a.title'),
    intro: tf('drawcmd.a.intro'),
    meta: [
      [w('drawId'), a.drawId],
      [tf('drawcmd.a.announceDate'), a.announceDate],
      [w('document'), a.plan.document],
      [w('algorithm'), a.algorithm],
      [w('createdAt'), a.createdAt],
      [tf('drawcmd.a.hash'), a.announcementHash],
    ],
    tables: [
      planTable(a.plan.rows),
      inputsTable(a.inputs),
      strataTable(strata, true),
      {
        heading: entities.length > MAX_LISTED ? `${tf('drawcmd.a.entities')}${tf('drawcmd.moreInJson', { count: entities.length, shown: MAX_LISTED, file: a.entityList?.file ?? `${a.drawId}-announcement.json` })}` : tf('drawcmd.a.entities'),
        columns: [w('code'), w('stratum'), w('probability'), w('reason')],
        widths: [24, 8, 14, 30],
        rows: entities.slice(0, MAX_LISTED).map((e) => [e.key, String(e.stratum), e.probability, e.excluded ? tf(`drawcmd.reason.${e.excluded}` as MsgKey) : '']),
      },
    ],
    signatures: [],
    footer: tf('drawcmd.a.footer', { id: a.drawId, hash: a.announcementHash }),
  };
}

export const announcementHtml = (a: Announcement, entities: EntityProbability[], lang: string): string => docHtml(announcementDoc(a, entities), lang);
