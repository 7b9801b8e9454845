import type { guard as zh } from '../zh/guard.js';

export const guard: Record<keyof typeof zh, string> = {
  'guard.outsideWorkspace': 'Refusing to write {file}: {link} is a symbolic link leading outside the workspace {dir} (or a broken link). ssj never writes through a link that leaves the workspace; replace it with an ordinary folder inside the workspace.',
  'guard.badIdInFile': 'The draw id "{id}" in {file} is invalid: only ASCII letters, digits and . _ -, no paths. The file may have been edited; it was not used.',
  'guard.drawNotInLedger': 'Draw "{id}" is not in the ledger {file} (an interrupted draw or a foreign file). ssj status lists every draw in the ledger.',
  'guard.badLedgerShape': 'Line {line} of the ledger {file} is not a valid ledger entry ({what}). Run ssj verify --ledger, or restore the ledger from the archive.',
  'guard.badRecordShape': 'The record file {file} does not have the record format ({what}). It may have been edited; run ssj verify --ledger.',
  'guard.notRegularFile': '{file} is not a regular file (a device, pipe or socket); refused. Give a file.',
  'guard.tooLarge': '{file} is {mb} MB, over the limit of {max} MB; refused. Check that this is the right file.',
  'guard.demoHoldsRealDraw': '{dir} was a demo folder but now holds draw {id}, which is not the demo’s (or its ledger cannot be read); ssj demo will not delete it. Run the demo in an empty folder.',
  'guard.subAlreadyMade': 'This substitution is already in the ledger ({id}: {inspector} replaced for {entity}); nothing is drawn again. The record sheets were written again with the teams in force in the ledger.',
  'guard.sharedStringsTooLarge': 'The shared-strings part of {file} inflates to {size} MB, over the limit of {limit} MB (reading it needs about ten times that in memory); refused. If the registry really is this large, save it as CSV in Excel/WPS and read that.',
  'guard.dateBeforeLedger': 'The date {date} is earlier than the date {last} of the last entry (line {line}) of the ledger {file}; a ledger cannot be back-dated, refused. Check --date or the computer\'s date.',
  'guard.dateAbsurd': '--date {date} is too far from today ({today}) to be a real date; refused. Only dates from 2000 up to a year from today are accepted.',
  'guard.lockedOtherHost': 'The workspace is in use from another computer ({host}, process {pid}): {file}. ssj will not take the lock over, so that two computers never write at once; try again when it is done. If it is surely no longer running, the lock counts as stale in {minutes} minute(s), or delete the file by hand.',
  'guard.passwordProtected': '{file} is password-protected (encrypted); ssj cannot read it. Open it in Excel/WPS with the password, save a copy without one (File → Info → Protect Workbook → Encrypt with Password, clear it), and read that copy.',
  'guard.tooManyRowsTogether': 'The registries read come to more than {limit} rows together (the earlier files hold {earlier}; stopped at row {row} of {file}). The limit is for all entity files read at once, so splitting them does not help; pass only the registries this draw needs.',
  'guard.danglingLink': '{file} is a broken symbolic link (its target {target} does not exist); ssj does not take it for a missing file or record. Remove the link, or put back the file it points to, and try again.',
  'guard.lockTakenOver': 'Note: took over the workspace lock {file} left by process {pid}@{host} (taken {started}): that process is no longer running (or the other computer\'s lock has expired), most likely an interrupted command. This command goes on; ssj verify --ledger confirms the ledger is whole.',
};
