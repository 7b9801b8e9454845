import type { ledger as zh } from '../zh/ledger.js';

export const ledger: Record<keyof typeof zh, string> = {
  'ledger.opt.expectHead': 'with --ledger: the ledger must reach this head (the "Ledger head" a command printed), else it does not match',
  'ledger.verify.atFile': 'file {file} ',
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
