import type { publish as zh } from '../zh/publish.js';

export const publish: Record<keyof typeof zh, string> = {
  'publish.opt.dryRun': 'write a preview only (marked 预览, not in publications/, not logged, not counted)',
  'publish.opt.out': 'with --dry-run: the preview file or folder, relative to the current folder (a real publication always goes to publications/)',
  'publish.outNeedsDryRun': 'A real publication always goes to publications/ (named by month and sequence, never changed afterwards); --out is only for a --dry-run preview. Add --dry-run for a preview, or drop --out to publish.',
  'publish.listNoDryRun': '--list (the drawn list) has no preview: the draw already wrote it to reports/. Drop --dry-run.',
  'publish.exists':
    'The publication file {file} already exists (the name of publication no. {n}) but the ledger has no such publication. A published file is never rewritten; nothing was written. Run ssj verify --ledger, move the unknown file out of publications/ and try again.',
  'publish.footer': 'Ledger head: {head} (publication no. {n}, {date}; this file\'s SHA-256 is in the ledger: check with ssj verify --ledger)',
  'publish.previewFooter': 'PREVIEW: not published, not in the ledger (ssj publish --dry-run, {date})',
  'publish.previewWrote': 'Wrote a publication preview: {file} ({count} rows, {encoding}). A preview: not in the ledger, not counted as a publication or in the monthly form.',
  'publish.recorded': 'Recorded in the ledger: publication no. {n} ({date}, {site}, {count} rows); the monthly form counts it. This file is never changed afterwards.',
  'publish.reportHead': 'Ledger head: {head} (before this report; its SHA-256 is in the report event after it)',
};
