/**
 * The month the wizard offers for the report and publication: the one chosen
 * last time, as the workspace remembers it (the month of its last report or
 * publication event in the ledger, else of the report or publication file
 * written last in reports/), else the month of its latest draw, else the
 * month before today (reports are made for the month before, due by the 20th).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../context.js';
import { isV2 } from '../../core/events.js';
import { readLedgerLines } from '../../io/ledger-file.js';
import { listDraws } from '../../io/records.js';
import { workspacePaths } from '../../io/workspace.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** reports/<unit>-2024-06.xlsx, 公示-2024-06.csv, 公示-2024-06-2.csv … */
const MONTH_FILE = /-(\d{4}-(?:0[1-9]|1[0-2]))(?:-\d+)?\.(?:xlsx|csv)$/;

/** The month of the report or publication file written last in reports/, or null. */
function lastReportFile(dir: string): string | null {
  let best: { month: string; mtime: number } | null = null;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const m = MONTH_FILE.exec(name);
    if (!m?.[1]) continue;
    const mtime = fs.statSync(path.join(dir, name)).mtimeMs;
    if (!best || mtime > best.mtime) best = { month: m[1], mtime };
  }
  return best?.month ?? null;
}

/** The month before `today` (YYYY-MM-DD) as YYYY-MM. */
export function lastMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 2, 1));
  return d.toISOString().slice(0, 7);
}

export function rememberedMonth(ctx: Pick<Ctx, 'workspace' | 'today'>): string {
  const ws = workspacePaths(ctx.workspace);
  try {
    for (const l of readLedgerLines(ws).reverse()) {
      if (isV2(l) && (l.kind === 'report' || l.kind === 'publication') && typeof l.month === 'string' && MONTH.test(l.month)) return l.month;
    }
    const reported = lastReportFile(ws.reports);
    if (reported) return reported;
    const latest = listDraws(ws).at(-1);
    if (latest) return latest.drawDate.slice(0, 7);
  } catch {
    /* a damaged ledger or record is the commands' to name; the wizard only offers a default */
  }
  return lastMonth(ctx.today);
}
