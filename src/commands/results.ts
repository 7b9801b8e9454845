/**
 * ssj results FILE… [--replace]: imports filled record sheets and results
 * tables (files, folders or patterns; record sheets not filled in yet are skipped). Each
 * file is all or nothing; the others still import. Exit 0 when
 * every file imported (or was already imported), 1 when any was refused, 2
 * when a file could not be read at all (missing, a folder, no permission).
 */
import type { Handler } from '../cli.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { readResultsFile, workspaceDraws, type ReadResult } from '../io/results-read.js';
import { expandInputs } from '../io/expand-inputs.js';
import { importResults } from '../app/results-import.js';
import { shortHead } from '../app/ledger.js';
import { openWorkspace } from '../io/workspace.js';
import { importSummary, renderImport } from '../render/results.js';
import { yes } from './common/flags.js';

export const run: Handler<'results'> = async (ctx, args, opts) => {
  if (args.length === 0) throw new UsageError('results.import.noFiles');
  const ws = openWorkspace(ctx.workspace);
  const readCtx = { index: workspaceDraws(ws), today: ctx.today, importedAt: ctx.nowIso };
  const readings: ReadResult[] = [];
  // Blank record sheets: not filled in yet. Skipped wherever they come from — a shell expands
  // `sheets/<id>/*.xlsx` into names before ssj sees them, and a batch job importing a whole draw's sheets
  // mid-month must not fail on the ones still out with the inspectors.
  const skipped: string[] = [];
  const inputs = expandInputs(args);
  if (inputs.length === 0) throw new UsageError('results.import.nothingFound', { where: args.join(' ') });
  for (const input of inputs) {
    const r = await readResultsFile(input.file, readCtx);
    if (r.blank) skipped.push(input.file);
    else readings.push(r);
  }
  const { outcomes, head } = await importResults(ws, readings, yes(opts.replace), ctx.now);
  if (ctx.json) ctx.out(JSON.stringify({ ...importSummary(outcomes, skipped), ...(head ? { ledgerHead: head } : {}) }));
  else {
    renderImport(outcomes, skipped, ctx.out, ctx.err);
    if (head) ctx.out(t('ledger.head', { head: shortHead(head) }));
  }
  if (readings.some((r) => r.ioError)) return 2;
  return outcomes.some((o) => o.status === 'refused') ? 1 : 0;
};
