/**
 * Running a command's handler in-process (for `ssj demo` and the wizard): the
 * same code path as the command line, with a failure turned into an outcome
 * to show rather than an exit.
 */
import type { Handler, OptionsFor, Verb } from '../../cli.js';
import type { Ctx } from '../../context.js';
import { SsjError } from '../../errors.js';
import { t } from '../../i18n/index.js';

export interface Outcome {
  status: 'ok' | 'failed' | 'unavailable' | 'skipped';
  message?: string;
  /** The catalogue key of the error a failed step threw (the wizard answers some, e.g. a repeated draw). */
  key?: string;
  /** Outputs to point at that an earlier step wrote (e.g. the draw's witness sheet). */
  shown?: string[];
}

/** Runs `ssj <verb>`'s handler; a not-yet-built command is "unavailable", an error is "failed" with its message. */
export async function invokeVerb<V extends Verb>(verb: V, ctx: Ctx, args: string[], opts: OptionsFor<V>): Promise<Outcome> {
  try {
    const mod = (await import(`../${verb}.js`)) as { run: Handler<V> };
    const code = await mod.run(ctx, args, { workspace: ctx.workspace, lang: ctx.lang, ...opts });
    return code === 0 ? { status: 'ok' } : { status: 'failed', message: t('demo.exitCode', { code }) };
  } catch (err) {
    // Ctrl-C inside the verb's own question (e.g. init asking 本单位名称) leaves the wizard, not just the step.
    if (err instanceof SsjError && err.key === 'prompt.cancelled') throw err;
    if (err instanceof SsjError && err.key === 'error.notImplemented') return { status: 'unavailable', message: t('demo.notBuilt', { command: `ssj ${verb}` }) };
    if (err instanceof SsjError) return { status: 'failed', message: t(err.key, err.params), key: err.key };
    return { status: 'failed', message: t('error.unexpected', { message: err instanceof Error ? err.message : String(err) }) };
  }
}
