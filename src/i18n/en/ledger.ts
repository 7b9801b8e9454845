import type { ledger as zh } from '../zh/ledger.js';

export const ledger: Record<keyof typeof zh, string> = {
  'ledger.opt.expectHead': 'with --ledger: the ledger must reach this head (the "Ledger head" a command printed), else it does not match',
  'ledger.verify.atFile': 'file {file} ',
  'ledger.opt.noAnnouncement': 'required without an announcement: why the draw was not announced (recorded, printed on the witness sheet as 未经事先公告)',
  'ledger.opt.again': 'why a plan row already drawn in this 抽查频次 period is drawn again (recorded and printed)',
  'ledger.noAnnouncement':
    'No announcement before the draw: give the file ssj announce wrote with --announcement; if there really was none, say why with --no-announcement REASON (recorded and printed on the witness sheet). Nothing was drawn or written.',
  'ledger.noAnnouncementReason': '--no-announcement needs a reason, e.g. --no-announcement "system failure, the announcement could not be published in time".',
  'ledger.announcementBoth': 'Give either --announcement or --no-announcement, not both.',
  'ledger.repeatedRow': 'Plan row {row} ({item}, {objectType}) was already drawn in period {period} by {draws}.',
  'ledger.repeatDraw':
    'A plan row was already drawn in this period ({draws}); the draw is refused and nothing was written. If the earlier draw was wrong, void it first: ssj void --draw ID --reason TEXT; to draw again anyway, say why with --again REASON (recorded and printed on the witness sheet).',
  'drawcmd.w.noAnnouncement': 'Not announced beforehand',
  'drawcmd.w.again': 'Drawn again this period',
  'drawcmd.w.againEarlier': 'earlier: ',
  'ledger.wizard.noAnnouncement': 'This draw was not announced beforehand. Say why (recorded and printed on the witness sheet):',
  'ledger.status.voided': 'Note: draw {id} was voided; it no longer counts in status, reports or publications.',
  'ledger.head': 'Ledger head {head} (note it down; check later with ssj verify --ledger --expect-head {head})',
  'ledger.damaged':
    'The ledger {file} or a file it lists does not match the record ({count} differences); to protect the records nothing was written: {first}. Run ssj verify --ledger to see every difference; restore changed or deleted files from the archive (the evidence package made by ssj archive, or a backup) before going on.',
  'ledger.verify.ok': 'Ledger consistent: {lines} event lines ({records} draw records), the hash chain is whole, the {files} listed files are unchanged. Ledger head {head}',
  'ledger.verify.headOk': 'The ledger reaches the given head {head} (line {line}); {after} lines follow it.',
  'ledger.verify.headMissing': 'The ledger does not reach the given head {expected}: its head is now {found}. Its tail may have been cut or the whole ledger replaced.',
  'ledger.verify.badHead': '--expect-head takes a ledger head of at least 16 hex characters (the "Ledger head" a command printed), not "{value}".',
  'ledger.verify.unusedAnnouncement': 'Note: announcement {id} was published but no draw has used it (nor was it voided).',
  'ledger.verify.setAside': 'Note: the event on line {line} set aside the interrupted record {id} into draws/interrupted/ (that command did not finish; it is not a valid draw).',
};
