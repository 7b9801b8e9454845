/** Runs a command's handler in-process on a workspace (faster than spawning bin/ssj): exit code, stdout and stderr lines. */
import { makeCtx } from '../../src/context.js';
import type { Handler, OptionsFor, Verb } from '../../src/cli.js';
import { SsjError } from '../../src/errors.js';
import { t } from '../../src/i18n/index.js';

export interface InprocResult {
  code: number;
  out: string[];
  err: string[];
  /** The error's catalogue key when the handler threw one. */
  errorKey?: string;
}

export async function runVerb<V extends Verb>(verb: V, root: string, opts: OptionsFor<V> = {}, args: string[] = [], date = '2024-06-30'): Promise<InprocResult> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx = { ...makeCtx({ workspace: root, date, json: Boolean(opts.json), yes: true, lang: 'zh' }), interactive: false, out: (s: string | Uint8Array) => out.push(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), err: (s: string) => err.push(s) };
  const mod = (await import(`../../src/commands/${verb}.js`)) as { run: Handler<V> };
  // A test draw says it was not announced unless it names an announcement (the commitment itself is tested on its own).
  const commitment = verb === 'draw' && !('announcement' in opts) && !('noAnnouncement' in opts) ? { noAnnouncement: '测试：未经公告' } : {};
  try {
    const code = await mod.run(ctx, args, { workspace: root, date, ...commitment, ...opts });
    return { code, out, err };
  } catch (e) {
    if (e instanceof SsjError) return { code: e.exitCode, out, err: [...err, t(e.key, e.params)], errorKey: e.key };
    throw e;
  }
}
