/**
 * The one exit point. Parses the command line, runs the verb, and turns every
 * outcome into an exit code: 0 ok, 1 bad data or failed check, 2 usage or I/O.
 * Stacks are printed only with --debug.
 */
import { TOOL_VERSION } from './version.js';
import type { CommanderError as CommanderErrorType } from 'commander';
import type { Handler, Runner } from './cli.js';
import { screenSafe } from './render/screen.js';
import { SsjError, EXIT_USAGE, UsageError } from './errors.js';
import type { MsgKey } from './i18n/index.js';
import { phase } from './io/timing.js';

/*
 * Start-up (issue #20): this module loads nothing but errors.js before it
 * knows the command. `ssj --version` answers from package.json alone;
 * commander, the catalogues and the command table are imported next, and each
 * verb's module (with the libraries it needs) only when that verb runs.
 * test/e2e/startup-modules.test.ts checks what a spawned run loads.
 */
type I18n = typeof import('./i18n/index.js');
let CommanderError: typeof CommanderErrorType;
let t: I18n['t'];


/** Commander's common errors in the user's language (the quoted name taken from its English message); others framed as they are. */
const COMMANDER_KEYS: Record<string, MsgKey> = {
  'commander.missingArgument': 'error.cli.missingArgument',
  'commander.optionMissingArgument': 'error.cli.optionMissingArgument',
  'commander.unknownOption': 'error.cli.unknownOption',
  'commander.unknownCommand': 'error.cli.unknownCommand',
  'commander.excessArguments': 'error.cli.excessArguments',
};

function commanderMessage(err: CommanderErrorType): string {
  const raw = err.message.replace(/^error:\s*/i, '');
  const key = COMMANDER_KEYS[err.code];
  const name = /'([^']+)'/.exec(raw)?.[1];
  return t('error.usage', { message: key && name !== undefined ? t(key, { name }) : key === 'error.cli.excessArguments' ? t(key, { name: '' }) : raw });
}

function report(err: unknown, debug: boolean, json: boolean): number {
  let code: number = EXIT_USAGE;
  let key = 'error.unexpected';
  let message: string;
  if (err instanceof SsjError) {
    code = err.exitCode;
    key = err.key;
    message = t(err.key, err.params);
  } else if (err instanceof CommanderError) {
    key = err.code;
    message = commanderMessage(err);
  } else {
    message = t('error.unexpected', { message: err instanceof Error ? err.message : String(err) });
  }
  if (json) process.stdout.write(JSON.stringify({ error: { code: key, exitCode: code, message } }) + '\n');
  process.stderr.write(screenSafe(`${t('error.prefix')}${message}\n`));
  if (debug && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
  return code;
}

function exit(code: number): void {
  process.exitCode = code;
  // Let stdout drain (pipes are asynchronous), then leave even if a prompt library left a handle open.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

/**
 * Dates are China time (Asia/Shanghai) whatever the machine's zone: a laptop
 * left on UTC would date an 8 a.m. Beijing draw to the day before. SSJ_TZ
 * names another zone when one is really wanted.
 */
function useChinaTime(env: NodeJS.ProcessEnv = process.env): void {
  env.TZ = env.SSJ_TZ && env.SSJ_TZ.trim() !== '' ? env.SSJ_TZ.trim() : 'Asia/Shanghai';
}

export async function main(argv: string[]): Promise<void> {
  useChinaTime();
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  exit(await runCli(argv));
}

/** Global options that take a value, and those that do not: beside --version they change nothing it prints. */
const VALUE_GLOBALS = new Set(['--lang', '--form-lang', '--workspace', '--date']);
const FLAG_GLOBALS = new Set(['--json', '--yes', '--debug']);

/** `ssj --version` (or -V) with global options only and no command: answered from package.json alone. */
export function onlyVersion(argv: readonly string[]): boolean {
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--version' || a === '-V') version = true;
    else if (VALUE_GLOBALS.has(a)) i++;
    else if (!FLAG_GLOBALS.has(a) && !/^--(lang|form-lang|workspace|date)=/.test(a)) return false;
  }
  return version;
}

/** Runs one command line and returns its exit code; output goes to process.stdout/stderr. In-process tests call this (test/helpers/cli.ts ssjIn). */
export async function runCli(argv: string[]): Promise<number> {
  if (onlyVersion(argv)) {
    process.stdout.write(TOOL_VERSION + '\n');
    return 0;
  }
  const [i18n, commander, { buildProgram }, { makeCtx }] = await Promise.all([import('./i18n/index.js'), import('./commander.js'), import('./cli.js'), import('./context.js')]);
  const { parseLang, setLang, loadLang } = i18n;
  ({ t } = i18n);
  CommanderError = commander.CommanderError;
  const debug = argv.includes('--debug');
  const json = argv.includes('--json');
  const langIdx = argv.indexOf('--lang');
  const lang = parseLang(langIdx >= 0 ? argv[langIdx + 1] : process.env.SSJ_LANG) ?? 'zh';
  await loadLang(lang);
  setLang(lang);

  let code = 0;
  const run: Runner = async (verb, args, opts) => {
    // The catalogues makeCtx will switch to (--lang, --form-lang, SSJ_LANG, SSJ_FORM_LANG); a bad value is makeCtx's to refuse.
    for (const raw of [opts.lang ?? process.env.SSJ_LANG, opts.formLang ?? process.env.SSJ_FORM_LANG]) {
      const l = parseLang(raw);
      if (l !== undefined) await loadLang(l);
    }
    const ctx = makeCtx(opts);
    phase('command line parsed');
    const mod = (await import(`./commands/${verb}.js`)) as { run: Handler<typeof verb> };
    phase(`${verb} loaded`);
    code = await mod.run(ctx, args, opts);
    phase(`${verb} done`);
  };
  const program = buildProgram(run, TOOL_VERSION);
  program.exitOverride();
  program.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError && (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')) {
      code = 0;
    } else {
      code = report(err, debug, json);
    }
  }
  return code;
}

export { UsageError };
