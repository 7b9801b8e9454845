import type { records as zh } from '../zh/records.js';

export const records: Record<keyof typeof zh, string> = {
  'records.badRecord': 'Draw record {file} is damaged or not an ssj draw record (format must be ssj-draw-record/1).',
  'records.unknownDraw': 'No draw record with id "{id}" (not found in {dir}). ssj status lists every draw.',
  'records.isAmendment': '"{id}" is a substitution amending draw {amends}, not a draw. Use --draw {amends}.',
  'records.badLedgerLine': 'Line {line} of the ledger {file} is damaged (not valid JSON). Run ssj verify --ledger.',
};
