/**
 * The commander table: every command and its flags, nothing else. Each verb's
 * work is in src/commands/<verb>.ts, loaded only when that verb runs.
 */
import { Command } from './commander.js';
import { t } from './i18n/index.js';
import type { Ctx } from './context.js';
import { files, flag, negatable, noValue, value, values, type Desc, type OptionSpec, type OptionsOf } from './commands/common/options.js';

/** Flags every command takes, declared once. */
export const COMMON = [
  flag('--json', 'cli.opt.json'),
  value('--lang <lang>', 'cli.opt.lang'),
  value('--form-lang <lang>', 'cli.opt.formLang'),
  flag('--yes', 'cli.opt.yes'),
  value('--workspace <dir>', 'cli.opt.workspace'),
  value('--date <YYYY-MM-DD>', 'cli.opt.date'),
  flag('--debug', 'cli.opt.debug'),
] as const;

/** The input-file flags of announce, draw and verify (read relative to the current folder). */
const INPUTS = [
  files('--plan', 'cli.opt.plan'),
  files('--entities', 'cli.opt.entities'),
  files('--inspectors', 'cli.opt.inspectors'),
  files('--conflicts', 'cli.opt.conflicts'),
  files('--items', 'cli.opt.items'),
  files('--prior-inspections', 'cli.opt.prior-inspections'),
] as const;

/** Every command's own flags, in the order --help lists them. */
export const OPTIONS = {
  wizard: [],
  init: [
    flag('--force', 'cli.opt.force'),
    value('--unit <name>', 'cli.opt.init.unit'),
    value('--region <place>', 'cli.opt.init.region'),
    value('--level <level>', 'cli.opt.init.level'),
  ],
  templates: [value('--out <dir>', 'cli.opt.out'), flag('--force', 'cli.opt.force')],
  validate: [value('--role <role>', { text: 'pharmacies|institutions|inspectors|conflicts|plan|results' }), value('--report <file>', 'cli.opt.report')],
  announce: [...INPUTS, value('--id <id>', 'cli.opt.id'), value('--document <text>', 'cli.opt.document')],
  draw: [
    ...INPUTS,
    value('--seed <text>', 'cli.opt.seed'),
    value('--seed-source <text>', 'cli.opt.seed-source'),
    value('--announcement <file>', 'cli.opt.announcement'),
    noValue('--no-announcement <reason>', 'ledger.opt.noAnnouncement'),
    value('--again <reason>', 'ledger.opt.again'),
    value('--id <id>', 'cli.opt.id'),
    value('--document <text>', 'cli.opt.document'),
    value('--place <text>', 'cli.opt.place'),
    negatable('--no-sheets', 'cli.opt.no-sheets'),
    negatable('--no-notices', 'cli.opt.no-notices'),
    negatable('--no-snapshot', 'cli.opt.no-snapshot'),
  ],
  substitute: [
    value('--draw <id>', 'cli.opt.draw'),
    value('--entity <key>', 'cli.opt.entity'),
    value('--inspector <key>', 'cli.opt.inspector'),
    value('--reason <text>', 'cli.opt.reason'),
    value('--seed <text>', 'cli.opt.substitute.seed'),
    value('--seed-source <text>', 'cli.opt.seed-source'),
    files('--inspectors', 'cli.opt.inspectors'),
    files('--conflicts', 'cli.opt.conflicts'),
  ],
  replace: [
    value('--draw <id>', 'cli.opt.draw'),
    value('--entity <key>', 'replace.opt.entity'),
    value('--reason <text>', 'replace.opt.reason'),
    value('--seed <text>', 'replace.opt.seed'),
    value('--seed-source <text>', 'cli.opt.seed-source'),
    files('--entities', 'cli.opt.entities'),
    files('--inspectors', 'cli.opt.inspectors'),
    files('--conflicts', 'cli.opt.conflicts'),
  ],
  verify: [
    value('--draw <id>', 'cli.opt.draw'),
    flag('--ledger', 'cli.opt.ledger'),
    value('--expect-head <hex>', 'ledger.opt.expectHead'),
    files('--plan', 'cli.opt.verify.plan'),
    files('--entities', 'cli.opt.verify.entities'),
    files('--inspectors', 'cli.opt.inspectors'),
    files('--conflicts', 'cli.opt.conflicts'),
    files('--items', 'cli.opt.items'),
    files('--prior-inspections', 'cli.opt.prior-inspections'),
  ],
  sheets: [value('--draw <id>', 'cli.opt.draw')],
  notices: [value('--draw <id>', 'cli.opt.draw'), value('--contact <text>', 'cli.opt.contact')],
  results: [flag('--replace', 'cli.opt.replace')],
  approve: [
    value('--draw <id>', 'cli.opt.draw'),
    values('--entity <keys...>', 'cli.opt.entityKeys'),
    value('--by <name>', 'cli.opt.by'),
    value('--opinion <text>', 'cli.opt.opinion'),
    value('--return <reason>', 'cli.opt.return'),
  ],
  void: [value('--draw <id>', 'cli.opt.draw'), value('--reason <text>', 'ledger.opt.voidReason'), flag('--force', 'ledger.opt.voidForce')],
  archive: [value('--draw <id>', 'cli.opt.draw'), value('--month <YYYY-MM>', 'archive.opt.month'), value('--out <file>', 'archive.opt.out')],
  status: [value('--draw <id>', 'cli.opt.draw'), flag('--followups', 'cli.opt.followups')],
  report: [
    value('--month <YYYY-MM>', 'cli.opt.month'),
    value('--unit <name>', 'cli.opt.unit'),
    value('--activities <file>', 'cli.opt.activities'),
    value('--items <file>', 'cli.opt.report.items'),
    files('--combine', 'cli.opt.combine'),
    value('--out <file>', 'cli.opt.out'),
  ],
  publish: [
    value('--month <YYYY-MM>', 'cli.opt.month'),
    value('--draw <id>', 'cli.opt.draw'),
    value('--site <name>', 'cli.opt.site'),
    flag('--list', 'cli.opt.list'),
    value('--encoding <enc>', { text: 'utf8 | gb18030' }, 'utf8'),
    flag('--dry-run', 'publish.opt.dryRun'),
    value('--out <file>', 'publish.opt.out'),
  ],
  stats: [
    value('--year <YYYY>', 'cli.opt.year'),
    value('--quarter <N>', 'cli.opt.quarter'),
    files('--entities', 'cli.opt.statsEntities'),
    value('--out <file>', 'cli.opt.out'),
  ],
  demo: [],
} as const satisfies Record<string, readonly OptionSpec[]>;

export type Verb = keyof typeof OPTIONS;
export type GlobalOptions = OptionsOf<typeof COMMON>;
/** The input-file flags as announce, draw and verify read them. */
export type InputOptions = OptionsOf<typeof INPUTS>;
/** What `ssj <verb>` reads: its own flags and the common ones, typed by their declaration above. */
export type OptionsFor<V extends Verb> = OptionsOf<(typeof OPTIONS)[V]> & GlobalOptions;

export type Handler<V extends Verb> = (ctx: Ctx, args: string[], opts: OptionsFor<V>) => Promise<number>;
export type Runner = <V extends Verb>(verb: V, args: string[], opts: OptionsFor<V>) => Promise<void>;

const describe = (d: Desc): string => (typeof d === 'string' ? t(d) : d.text);
const addOptions = (cmd: Command, specs: readonly OptionSpec[]): Command => specs.reduce((c, s) => c.addOption(s.option(describe)), cmd);

export function buildProgram(run: Runner, version: string): Command {
  const program = addOptions(new Command('ssj'), COMMON)
    .description(t('cli.description'))
    .version(version, '-V, --version', t('cli.opt.version'))
    .helpOption('-h, --help', t('cli.opt.help'))
    .helpCommand('help [command]', t('cli.opt.help'))
    .showSuggestionAfterError(true)
    .allowExcessArguments(true)
    .action(async function (this: Command) {
      await run('wizard', this.args, this.opts<OptionsFor<'wizard'>>());
    });

  /** `ssj <name> [args]`: the common flags, the verb's own (OPTIONS), and its handler in src/commands/<name>.ts. */
  const verb = <V extends Exclude<Verb, 'wizard'>>(name: V, desc: string, ...args: string[]) => {
    const cmd = addOptions(program.command(name).description(desc), COMMON);
    for (const a of args) cmd.argument(a);
    addOptions(cmd, OPTIONS[name]).action(async function (this: Command) {
      await run(name, this.args, this.optsWithGlobals<OptionsFor<V>>());
    });
  };

  verb('init', t('cli.cmd.init'), '<dir>');
  verb('templates', t('cli.cmd.templates'));
  verb('validate', t('cli.cmd.validate'), '<files...>');
  verb('announce', t('cli.cmd.announce'));
  verb('draw', t('cli.cmd.draw'));
  verb('substitute', t('cli.cmd.substitute'));
  verb('replace', t('replace.cmd'));
  verb('verify', t('cli.cmd.verify'), '[record...]');
  verb('sheets', t('cli.cmd.sheets'));
  verb('notices', t('cli.cmd.notices'));
  verb('results', t('cli.cmd.results'), '<files...>');
  verb('approve', t('cli.cmd.approve'));
  verb('void', t('ledger.cmd.void'));
  verb('archive', t('archive.cmd'));
  verb('status', t('cli.cmd.status'));
  verb('report', t('cli.cmd.report'));
  verb('publish', t('cli.cmd.publish'));
  verb('stats', t('cli.cmd.stats'));
  verb('demo', t('cli.cmd.demo'), '[dir]');

  const titles = new Map<string, string>([
    ['Usage:', t('cli.help.usage')],
    ['Options:', t('cli.help.options')],
    ['Commands:', t('cli.help.commands')],
    ['Arguments:', t('cli.help.arguments')],
    ['Global Options:', t('cli.help.globalOptions')],
  ]);
  for (const cmd of [program, ...program.commands]) {
    cmd.helpOption('-h, --help', t('cli.opt.help'));
    cmd.configureHelp({ styleTitle: (title: string) => titles.get(title) ?? title });
  }
  return program;
}
