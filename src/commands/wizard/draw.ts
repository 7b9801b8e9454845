/**
 * The wizard's irreversible steps: the draw (announcement or the reason there
 * was none, 实施文件, 抽取地点, the witnesses' seed, a summary to confirm) and
 * the substitution (递补: draw, entity, the inspector leaving, reason, a fresh
 * seed, a summary to confirm). Each then runs the same command handler and
 * shows its sheets by absolute path, offering to open the witness sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../context.js';
import { t } from '../../i18n/index.js';
import { isInsured, maskKey } from '../../core/mask.js';
import type { DrawRecord } from '../../core/types.js';
import { amendmentsOf, listDraws, readLedger, readRecord } from '../../io/records.js';
import { teamInForce } from '../../core/team-in-force.js';
import { workspacePaths } from '../../io/workspace.js';
import { findInputs, drawOutputs } from '../../io/workspace-files.js';
import { askSelect, askText } from '../../render/prompt.js';
import { invokeVerb, type Outcome } from '../common/invoke.js';
import { absolute, askSeed, confirmInputs, confirmIrreversible, drawInputs, notConfirmed, offerOpen, rel } from './shared.js';

/** Announcements in draws/ not yet drawn (newest first), with the 实施文件 each fixes. */
function unusedAnnouncements(ctx: Ctx): { file: string; document: string }[] {
  const dir = workspacePaths(ctx.workspace).draws;
  const used = new Set(readLedger(workspacePaths(ctx.workspace)).map((l) => l.drawId));
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('-announcement.json') && !used.has(n.replace(/-announcement\.json$/, ''))) : [];
  return names.sort().reverse().map((n) => {
    const file = path.join(dir, n);
    let document = '';
    try {
      const a = JSON.parse(fs.readFileSync(file, 'utf8')) as { plan?: { document?: unknown } };
      document = typeof a.plan?.document === 'string' ? a.plan.document : '';
    } catch {
      /* the draw itself names a damaged announcement */
    }
    return { file, document };
  });
}

const NONE = '\u0000none';

/** --announcement FILE (the latest unused one offered first) or --no-announcement REASON. */
async function commitment(ctx: Ctx): Promise<{ announcement: string; document: string } | { noAnnouncement: string }> {
  const unused = unusedAnnouncements(ctx);
  if (unused.length === 0) ctx.out(t('wizard.noUnusedAnnouncement'));
  else {
    const choices = [...unused.map((a) => ({ name: t('wizard.announcementChoice', { file: rel(ctx, a.file) }), value: a.file })), { name: t('wizard.announcementNone'), value: NONE }];
    const picked = await askSelect(ctx, { message: t('wizard.whichAnnouncement'), flag: '--announcement', choices, default: unused[0]?.file });
    const a = unused.find((u) => u.file === picked);
    if (a) return { announcement: a.file, document: a.document };
  }
  return { noAnnouncement: await askText(ctx, { message: t('ledger.wizard.noAnnouncement'), flag: '--no-announcement', validate: (v) => (v.trim() ? true : t('wizard.noAnnouncementMissing')) }) };
}

/** The outputs of a draw or substitution, by absolute path, and the offer to open its witness sheet. */
async function shownOutputs(ctx: Ctx, o: Outcome, id: string | undefined): Promise<Outcome> {
  if (o.status !== 'ok' || !id) return o;
  const shown = absolute(ctx, drawOutputs(ctx.workspace, id));
  for (const p of shown) ctx.out(t('demo.output', { path: p }));
  await offerOpen(ctx, shown.find((f) => f.endsWith('-witness.html')));
  return o;
}

export async function draw(ctx: Ctx): Promise<Outcome> {
  const f = await confirmInputs(ctx, await findInputs(ctx.workspace), ['plan', 'entities', 'inspectors', 'conflicts']);
  const c = await commitment(ctx);
  // An announcement fixes the 实施文件 (a different one is refused by the draw); without one it may be given here.
  const document = 'announcement' in c ? c.document : await askText(ctx, { message: t('wizard.document'), flag: '--document', default: '' });
  const place = await askText(ctx, { message: t('wizard.place'), flag: '--place', default: '' });
  const { seed, seedSource } = await askSeed(ctx);
  const summary: Parameters<typeof confirmIrreversible>[1] = [
    'announcement' in c ? ['wizard.sum.announcement', rel(ctx, c.announcement)] : ['wizard.sum.noAnnouncement', c.noAnnouncement],
    ['wizard.sum.document', document === '' ? t('wizard.sum.documentFromPlan') : document],
    ['wizard.sum.place', place],
    ['wizard.sum.seed', seed],
    ['wizard.sum.seedSource', seedSource],
  ];
  if (!(await confirmIrreversible(ctx, summary, 'wizard.confirmDraw'))) return notConfirmed();
  const before = new Set(readLedger(workspacePaths(ctx.workspace)).map((l) => l.drawId));
  const opts = {
    ...drawInputs(f),
    seed,
    seedSource,
    sheets: true,
    ...('announcement' in c ? { announcement: c.announcement } : { noAnnouncement: c.noAnnouncement }),
    ...('announcement' in c || document === '' ? {} : { document }),
    ...(place !== '' ? { place } : {}),
  };
  let o = await invokeVerb('draw', ctx, [], opts);
  if (o.status === 'failed' && o.key === 'ledger.repeatDraw') {
    // Drawn already in this 抽查频次 period: say so, and draw again only with the reason given (recorded and printed).
    ctx.out(o.message ?? '');
    const again = await askText(ctx, { message: t('wizard.againReason'), flag: '--again', default: '' });
    if (again === '') return { status: 'skipped', message: t('wizard.notConfirmed') };
    o = await invokeVerb('draw', ctx, [], { ...opts, again });
  }
  const made = listDraws(workspacePaths(ctx.workspace)).find((d) => !before.has(d.drawId));
  return shownOutputs(ctx, o, made?.drawId);
}

/** A selected entity as the screen shows it: order and code (a 参保人 masked), never a name. */
const entityLabel = (d: DrawRecord, key: string): string => {
  const s = d.selected.find((x) => x.key === key);
  return s ? `${String(s.order).padStart(2, '0')}  ${isInsured(s) ? maskKey(s.key) : s.key}` : key;
};

export async function substitute(ctx: Ctx): Promise<Outcome> {
  const ws = workspacePaths(ctx.workspace);
  const draws = listDraws(ws).reverse();
  const latest = draws[0];
  if (!latest) return { status: 'failed', message: t('wizard.noDrawYet') };
  const drawId = await askSelect(ctx, { message: t('wizard.subDraw'), flag: '--draw', choices: draws.map((d) => ({ name: d.drawId, value: d.drawId })), default: latest.drawId });
  const d = draws.find((x) => x.drawId === drawId) ?? latest;
  const entity = await askSelect(ctx, { message: t('wizard.subEntity'), flag: '--entity', choices: d.selected.map((s) => ({ name: entityLabel(d, s.key), value: s.key })) });
  const amendments = amendmentsOf(readLedger(ws).filter((l) => l.amends === d.drawId).map((l) => readRecord(ws, l.drawId)), d.drawId);
  const team = teamInForce(d, amendments, entity);
  if (!team || team.members.length === 0) return { status: 'failed', message: t('wizard.subNoTeam', { entity: entityLabel(d, entity) }) };
  const roleOf = (role: string) => t(role === '组长' ? 'wizard.subLeader' : 'wizard.subMember');
  const inspector = await askSelect(ctx, { message: t('wizard.subInspector'), flag: '--inspector', choices: team.members.map((m) => ({ name: `${m.key}（${roleOf(m.role)}）`, value: m.key })) });
  const reason = await askText(ctx, { message: t('wizard.subReason'), flag: '--reason', default: t('wizard.subReasonDefault'), validate: (v) => (v.trim() ? true : t('wizard.subReasonMissing')) });
  const { seed, seedSource } = await askSeed(ctx);
  const summary: Parameters<typeof confirmIrreversible>[1] = [
    ['wizard.sum.draw', d.drawId],
    ['wizard.sum.entity', entityLabel(d, entity)],
    ['wizard.sum.inspector', inspector],
    ['wizard.sum.reason', reason],
    ['wizard.sum.seed', seed],
    ['wizard.sum.seedSource', seedSource],
  ];
  if (!(await confirmIrreversible(ctx, summary, 'wizard.confirmSubstitute'))) return notConfirmed();
  const before = new Set(readLedger(ws).map((l) => l.drawId));
  const o = await invokeVerb('substitute', ctx, [], { draw: d.drawId, entity, inspector, reason, seed, seedSource });
  const made = readLedger(ws).find((l) => !before.has(l.drawId) && l.amends === d.drawId);
  return shownOutputs(ctx, o, made?.drawId);
}
