/**
 * The one catalogue of issue codes: each stable kebab-case code has one
 * severity, the catalogue keys of its message (the first is the usual one;
 * others are wordings of the same finding for a particular case) and the
 * kind of position it names. Issues carry a code, params and a position;
 * their text is rendered at the edge (src/render/issue-text.ts), never here.
 * docs/ISSUES.md lists every code (test/unit/issue-codes.test.ts keeps it so).
 */
import type { Issue, IssueParams, Severity } from './types.js';

/**
 * How an issue's position reaches its message:
 * - `cell`: a cell, row or column of a registry table as Excel shows it (params file, sheet, row, column, cell, value);
 * - `file`: a whole file (params file, value);
 * - `plan`: a plan cell, or the JSON path of a plan field (param cell = the cell, else the column, else the file);
 * - `result`: a cell of a results sheet or table (param where = file, sheet and cell as one phrase).
 */
export type PositionKind = 'cell' | 'file' | 'plan' | 'result';

export interface IssueCodeDef {
  readonly severity: Severity;
  readonly keys: readonly [string, ...string[]];
  readonly position: PositionKind;
}

export const ISSUE_CODES = {
  // registries and other tables read by validate, announce and draw
  'missing-column': { severity: 'error', position: 'cell', keys: ['issue.missing-column', 'plan.missingColumn'] },
  'registry-empty': { severity: 'error', position: 'cell', keys: ['issue.registry-empty'] },
  'missing-value': { severity: 'error', position: 'cell', keys: ['issue.missing-value', 'issue.missing-key', 'issue.missing-insured-key'] },
  'uscc-format': { severity: 'error', position: 'cell', keys: ['issue.uscc-format'] },
  'uscc-checksum': { severity: 'error', position: 'cell', keys: ['issue.uscc-checksum'] },
  'uscc-verified': { severity: 'warning', position: 'cell', keys: ['issue.uscc-verified'] },
  'idcard-format': { severity: 'error', position: 'cell', keys: ['issue.idcard-format'] },
  'idcard-checksum': { severity: 'error', position: 'cell', keys: ['issue.idcard-checksum'] },
  'idcard-precision-lost': { severity: 'error', position: 'cell', keys: ['issue.idcard-precision-lost'] },
  'duplicate-key': { severity: 'error', position: 'cell', keys: ['issue.duplicate-key'] },
  'bad-enum': { severity: 'error', position: 'cell', keys: ['issue.bad-enum'] },
  'bad-date': { severity: 'error', position: 'cell', keys: ['issue.bad-date', 'issue.future-date'] },
  'bad-phone': { severity: 'warning', position: 'cell', keys: ['issue.bad-phone'] },
  'no-license-number': { severity: 'warning', position: 'cell', keys: ['issue.no-license-number'] },
  'bad-licence-date': { severity: 'error', position: 'cell', keys: ['issue.bad-licence-date'] },
  'licence-expiring': { severity: 'warning', position: 'cell', keys: ['issue.licence-expiring'] },
  'licence-expired': { severity: 'info', position: 'cell', keys: ['issue.licence-expired', 'issue.licence-not-yet-valid'] },
  // an unmatched recusal row would silently disable the recusal: an error
  'unknown-reference': { severity: 'error', position: 'cell', keys: ['issue.unknown-inspector', 'issue.unknown-entity'] },
  'unknown-column': { severity: 'info', position: 'cell', keys: ['issue.unknown-column'] },
  'more-issues': { severity: 'info', position: 'cell', keys: ['issue.more-issues'] },
  'unreadable-file': { severity: 'error', position: 'file', keys: ['issue.unreadable-file'] },
  // dropped from the cell in every reader, the cell named (issue 19)
  'control-character': { severity: 'warning', position: 'cell', keys: ['issue.control-character'] },
  // the sheet read is hidden, or other sheets hold rows like its own: only one sheet is read (issue 19)
  'sheet-hidden': { severity: 'warning', position: 'file', keys: ['issue.sheet-hidden'] },
  'sheet-others-hold-rows': { severity: 'warning', position: 'file', keys: ['issue.sheet-others-hold-rows'] },
  'wrong-role': { severity: 'error', position: 'file', keys: ['drawcmd.wrongRole'] },
  // the plan
  'plan-empty': { severity: 'error', position: 'plan', keys: ['plan.empty'] },
  'plan-bad-json': { severity: 'error', position: 'plan', keys: ['plan.badJson'] },
  'plan-missing-value': { severity: 'error', position: 'plan', keys: ['plan.missingValue'] },
  'plan-bad-seq': { severity: 'error', position: 'plan', keys: ['plan.badSeq'] },
  'plan-duplicate-seq': { severity: 'error', position: 'plan', keys: ['plan.duplicateSeq'] },
  'plan-bad-object': { severity: 'error', position: 'plan', keys: ['plan.badObject'] },
  'plan-bad-ratio': { severity: 'error', position: 'plan', keys: ['plan.badRatio', 'plan.insuredCredit'] },
  'plan-bad-frequency': { severity: 'warning', position: 'plan', keys: ['plan.badFrequency'] },
  'plan-bad-filter': { severity: 'error', position: 'plan', keys: ['plan.badFilter'] },
  'plan-team-size': { severity: 'error', position: 'plan', keys: ['plan.teamSize', 'plan.licensedSeats'] },
  'plan-team-groups': { severity: 'error', position: 'plan', keys: ['plan.teamGroups', 'plan.teamSeats'] },
  'plan-bad-region-match': { severity: 'error', position: 'plan', keys: ['plan.badRegionMatch'] },
  'plan-bad-max': { severity: 'error', position: 'plan', keys: ['plan.badMax'] },
  'plan-max-conflict': { severity: 'error', position: 'plan', keys: ['plan.maxConflict'] },
  'plan-check-items': { severity: 'error', position: 'plan', keys: ['plan.checkItemsCount'] },
  'plan-check-items-department': { severity: 'warning', position: 'plan', keys: ['plan.checkItemsDept'] },
  'plan-bad-expertise': { severity: 'error', position: 'plan', keys: ['plan.badExpertise'] },
  'plan-bad-level': { severity: 'error', position: 'plan', keys: ['plan.badLevel'] },
  'plan-wrong-year': { severity: 'error', position: 'plan', keys: ['plan.wrongYear'] },
  'plan-unknown-department': { severity: 'error', position: 'plan', keys: ['plan.unknownDepartment'] },
  'plan-too-few-inspectors': { severity: 'error', position: 'plan', keys: ['plan.tooFewInspectors'] },
  'plan-region-uncovered': { severity: 'error', position: 'plan', keys: ['plan.regionUncovered'] },
  'plan-conflict-blocks': { severity: 'error', position: 'plan', keys: ['plan.conflictBlocks'] },
  'plan-missing-credit': { severity: 'error', position: 'plan', keys: ['plan.missingCredit'] },
  'plan-credit-uncovered': { severity: 'warning', position: 'plan', keys: ['plan.creditUncovered'] },
  'plan-overlap': { severity: 'warning', position: 'plan', keys: ['plan.overlap'] },
  'plan-item-not-listed': { severity: 'error', position: 'plan', keys: ['plan.itemNotListed'] },
  'plan-item-object': { severity: 'warning', position: 'plan', keys: ['plan.itemObject'] },
  'plan-expertise-unknown': { severity: 'error', position: 'plan', keys: ['plan.expertiseUnknown'] },
  'plan-expertise-uncovered': { severity: 'error', position: 'plan', keys: ['plan.expertiseUncovered'] },
  // results sheets and tables
  'results-no-draws': { severity: 'warning', position: 'result', keys: ['results.issue.results-no-draws'] },
  'html-not-results': { severity: 'error', position: 'result', keys: ['results.issue.html-not-results'] },
  'not-results': { severity: 'error', position: 'result', keys: ['results.issue.not-results'] },
  'unreadable': { severity: 'error', position: 'result', keys: ['results.issue.unreadable'] },
  'sheet-names-missing': { severity: 'error', position: 'result', keys: ['results.issue.sheet-names-missing'] },
  'sheet-name-bad': { severity: 'error', position: 'result', keys: ['results.issue.sheet-name-bad'] },
  'table-empty': { severity: 'error', position: 'result', keys: ['results.issue.table-empty'] },
  'draw-missing': { severity: 'error', position: 'result', keys: ['results.issue.draw-missing'] },
  'unknown-draw': { severity: 'error', position: 'result', keys: ['results.issue.unknown-draw'] },
  'entity-missing': { severity: 'error', position: 'result', keys: ['results.issue.entity-missing'] },
  'unknown-entity': { severity: 'error', position: 'result', keys: ['results.issue.unknown-entity'] },
  'not-selected': { severity: 'error', position: 'result', keys: ['results.issue.not-selected'] },
  'entity-name-mismatch': { severity: 'error', position: 'result', keys: ['results.issue.entity-name-mismatch'] },
  'date-missing': { severity: 'error', position: 'result', keys: ['results.issue.date-missing'] },
  'date-bad': { severity: 'error', position: 'result', keys: ['results.issue.date-bad'] },
  'date-before-draw': { severity: 'error', position: 'result', keys: ['results.issue.date-before-draw'] },
  'date-future': { severity: 'error', position: 'result', keys: ['results.issue.date-future'] },
  'codes-missing': { severity: 'error', position: 'result', keys: ['results.issue.codes-missing'] },
  'codes-range': { severity: 'error', position: 'result', keys: ['results.issue.codes-range'] },
  'codes-text': { severity: 'error', position: 'result', keys: ['results.issue.codes-text'] },
  'codes-department-missing': { severity: 'error', position: 'result', keys: ['results.issue.codes-department-missing'] },
  'codes-department-unknown': { severity: 'error', position: 'result', keys: ['results.issue.codes-department-unknown'] },
  'codes-ambiguous': { severity: 'error', position: 'result', keys: ['results.issue.codes-ambiguous'] },
  'sheet-departments': { severity: 'error', position: 'result', keys: ['results.issue.sheet-departments'] },
  'pubdate-missing': { severity: 'error', position: 'result', keys: ['results.issue.pubdate-missing'] },
  'pubdate-bad': { severity: 'error', position: 'result', keys: ['results.issue.pubdate-bad'] },
  'pubdate-future': { severity: 'error', position: 'result', keys: ['results.issue.pubdate-future'] },
  'pubdate-before-inspection': { severity: 'error', position: 'result', keys: ['results.issue.pubdate-before-inspection'] },
  'followup-measure': { severity: 'error', position: 'result', keys: ['results.issue.followup-measure'] },
  'followup-no-measure': { severity: 'error', position: 'result', keys: ['results.issue.followup-no-measure'] },
  'followup-amount': { severity: 'error', position: 'result', keys: ['results.issue.followup-amount'] },
  'followup-date': { severity: 'error', position: 'result', keys: ['results.issue.followup-date'] },
  'duplicate': { severity: 'error', position: 'result', keys: ['results.issue.duplicate'] },
  'conflict': { severity: 'error', position: 'result', keys: ['results.issue.conflict'] },
} as const satisfies Record<string, IssueCodeDef>;

export type IssueCode = keyof typeof ISSUE_CODES;
/** The message keys a code may use. */
export type IssueKey<C extends IssueCode> = (typeof ISSUE_CODES)[C]['keys'][number];

/** Where an issue is: the position fields of Issue. */
export type Place = Pick<Issue, 'file' | 'sheet' | 'row' | 'column' | 'cell' | 'value'>;

export const nowhere = (file: string): Place => ({ file, sheet: null, row: null, column: null, cell: null, value: null });

/**
 * The one factory: an issue of `code` at `place`, its severity from the
 * catalogue. `key` picks another wording of the code's message (one of its
 * catalogue keys); params are what the message needs besides the position.
 */
export function issue<C extends IssueCode>(code: C, place: Place, params: IssueParams = {}, key?: IssueKey<C>): Issue {
  const def: IssueCodeDef = ISSUE_CODES[code];
  const out: Issue = { code, severity: def.severity, file: place.file, sheet: place.sheet, row: place.row, column: place.column, cell: place.cell, value: place.value, params };
  if (key !== undefined && key !== def.keys[0]) out.key = key;
  return out;
}

export const issueDef = (code: IssueCode): IssueCodeDef => ISSUE_CODES[code];

/** The message key of an issue: its wording if it names one, else its code's first. */
export const issueKey = (i: Issue): string => i.key ?? ISSUE_CODES[i.code].keys[0];
