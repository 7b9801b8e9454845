/**
 * The commander table: every command and its flags, nothing else. Each verb's
 * work is in src/commands/<verb>.ts, loaded only when that verb runs.
 */
import { Command, Option } from 'commander';
import { t } from './i18n/index.js';
import type { Ctx, GlobalOptions } from './context.js';

export type Handler = (ctx: Ctx, args: string[], opts: Record<string, unknown>) => Promise<number>;
export type Runner = (verb: string, args: string[], opts: Record<string, unknown> & GlobalOptions) => Promise<void>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Flags every command takes, declared once. */
function addCommon(cmd: Command): Command {
  return cmd
    .option('--json', t('cli.opt.json'))
    .option('--lang <lang>', t('cli.opt.lang'))
    .option('--form-lang <lang>', t('cli.opt.formLang'))
    .option('--yes', t('cli.opt.yes'))
    .option('--workspace <dir>', t('cli.opt.workspace'))
    .option('--date <YYYY-MM-DD>', t('cli.opt.date'))
    .option('--debug', t('cli.opt.debug'));
}

/** `--entities a.xlsx b.csv` and `--entities a --entities b` both work. */
const files = (flag: string, desc: string) => new Option(`${flag} <files...>`, desc).argParser(collect as never);

/** `--no-X <value>`: a flag with a value whose name starts with no- (commander would read it as the negation of --X). */
function valueFlag(flag: string, attribute: string, desc: string): Option {
  const o = new Option(flag, desc);
  o.negate = false;
  o.attributeName = () => attribute;
  return o;
}

export function buildProgram(run: Runner, version: string): Command {
  const program = addCommon(new Command('ssj'))
    .description(t('cli.description'))
    .version(version, '-V, --version', t('cli.opt.version'))
    .helpOption('-h, --help', t('cli.opt.help'))
    .helpCommand('help [command]', t('cli.opt.help'))
    .showSuggestionAfterError(true)
    .allowExcessArguments(true)
    .action(async (opts: Record<string, unknown>, cmd: Command) => run('wizard', cmd.args, opts));

  const verb = (name: string, desc: string) => addCommon(program.command(name).description(desc));
  const go = (name: string) =>
    async function (this: Command, ...argv: unknown[]) {
      const cmd = argv[argv.length - 1] as Command;
      await run(name, cmd.args, cmd.optsWithGlobals());
    };

  verb('init', t('cli.cmd.init'))
    .argument('<dir>')
    .option('--force', t('cli.opt.force'))
    .option('--unit <name>', t('cli.opt.init.unit'))
    .option('--region <place>', t('cli.opt.init.region'))
    .option('--level <level>', t('cli.opt.init.level'))
    .action(go('init'));

  verb('templates', t('cli.cmd.templates'))
    .option('--out <dir>', t('cli.opt.out'))
    .option('--force', t('cli.opt.force'))
    .action(go('templates'));

  verb('validate', t('cli.cmd.validate'))
    .argument('<files...>')
    .option('--role <role>', 'pharmacies|institutions|inspectors|conflicts|plan|results')
    .option('--report <file>', t('cli.opt.report'))
    .action(go('validate'));

  const inputs = (cmd: Command) =>
    cmd
      .addOption(files('--plan', t('cli.opt.plan')))
      .addOption(files('--entities', t('cli.opt.entities')))
      .addOption(files('--inspectors', t('cli.opt.inspectors')))
      .addOption(files('--conflicts', t('cli.opt.conflicts')))
      .addOption(files('--items', t('cli.opt.items')))
      .addOption(files('--prior-inspections', t('cli.opt.prior-inspections')));

  inputs(verb('announce', t('cli.cmd.announce')))
    .option('--id <id>', t('cli.opt.id'))
    .option('--document <text>', t('cli.opt.document'))
    .action(go('announce'));

  inputs(verb('draw', t('cli.cmd.draw')))
    .option('--seed <text>', t('cli.opt.seed'))
    .option('--seed-source <text>', t('cli.opt.seed-source'))
    .option('--announcement <file>', t('cli.opt.announcement'))
    .addOption(valueFlag('--no-announcement <reason>', 'noAnnouncement', t('ledger.opt.noAnnouncement')))
    .option('--again <reason>', t('ledger.opt.again'))
    .option('--id <id>', t('cli.opt.id'))
    .option('--document <text>', t('cli.opt.document'))
    .option('--place <text>', t('cli.opt.place'))
    .option('--no-sheets', t('cli.opt.no-sheets'))
    .option('--no-notices', t('cli.opt.no-notices'))
    .option('--no-snapshot', t('cli.opt.no-snapshot'))
    .action(go('draw'));

  verb('substitute', t('cli.cmd.substitute'))
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--entity <key>', t('cli.opt.entity'))
    .option('--inspector <key>', t('cli.opt.inspector'))
    .option('--reason <text>', t('cli.opt.reason'))
    .option('--seed <text>', t('cli.opt.substitute.seed'))
    .option('--seed-source <text>', t('cli.opt.seed-source'))
    .addOption(files('--inspectors', t('cli.opt.inspectors')))
    .addOption(files('--conflicts', t('cli.opt.conflicts')))
    .action(go('substitute'));

  verb('replace', t('replace.cmd'))
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--entity <key>', t('replace.opt.entity'))
    .option('--reason <text>', t('replace.opt.reason'))
    .option('--seed <text>', t('replace.opt.seed'))
    .option('--seed-source <text>', t('cli.opt.seed-source'))
    .addOption(files('--entities', t('cli.opt.entities')))
    .addOption(files('--inspectors', t('cli.opt.inspectors')))
    .addOption(files('--conflicts', t('cli.opt.conflicts')))
    .action(go('replace'));

  verb('verify', t('cli.cmd.verify'))
    .argument('[record...]')
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--ledger', t('cli.opt.ledger'))
    .option('--expect-head <hex>', t('ledger.opt.expectHead'))
    .addOption(files('--plan', t('cli.opt.verify.plan')))
    .addOption(files('--entities', t('cli.opt.verify.entities')))
    .addOption(files('--inspectors', t('cli.opt.inspectors')))
    .addOption(files('--conflicts', t('cli.opt.conflicts')))
    .addOption(files('--items', t('cli.opt.items')))
    .addOption(files('--prior-inspections', t('cli.opt.prior-inspections')))
    .action(go('verify'));

  verb('sheets', t('cli.cmd.sheets'))
    .option('--draw <id>', t('cli.opt.draw'))
    .action(go('sheets'));

  verb('notices', t('cli.cmd.notices'))
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--contact <text>', t('cli.opt.contact'))
    .action(go('notices'));

  verb('results', t('cli.cmd.results'))
    .argument('<files...>')
    .option('--replace', t('cli.opt.replace'))
    .action(go('results'));

  verb('approve', t('cli.cmd.approve'))
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--entity <keys...>', t('cli.opt.entityKeys'))
    .option('--by <name>', t('cli.opt.by'))
    .option('--opinion <text>', t('cli.opt.opinion'))
    .option('--return <reason>', t('cli.opt.return'))
    .action(go('approve'));

  verb('void', t('ledger.cmd.void'))
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--reason <text>', t('ledger.opt.voidReason'))
    .option('--force', t('ledger.opt.voidForce'))
    .action(go('void'));

  verb('archive', t('archive.cmd'))
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--month <YYYY-MM>', t('archive.opt.month'))
    .option('--out <file>', t('archive.opt.out'))
    .action(go('archive'));

  verb('status', t('cli.cmd.status'))
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--followups', t('cli.opt.followups'))
    .action(go('status'));

  verb('report', t('cli.cmd.report'))
    .option('--month <YYYY-MM>', t('cli.opt.month'))
    .option('--unit <name>', t('cli.opt.unit'))
    .option('--activities <file>', t('cli.opt.activities'))
    .option('--items <file>', t('cli.opt.report.items'))
    .addOption(files('--combine', t('cli.opt.combine')))
    .option('--out <file>', t('cli.opt.out'))
    .action(go('report'));

  verb('publish', t('cli.cmd.publish'))
    .option('--month <YYYY-MM>', t('cli.opt.month'))
    .option('--draw <id>', t('cli.opt.draw'))
    .option('--site <name>', t('cli.opt.site'))
    .option('--list', t('cli.opt.list'))
    .option('--encoding <enc>', 'utf8 | gb18030', 'utf8')
    .option('--dry-run', t('publish.opt.dryRun'))
    .option('--out <file>', t('publish.opt.out'))
    .action(go('publish'));

  verb('stats', t('cli.cmd.stats'))
    .option('--year <YYYY>', t('cli.opt.year'))
    .option('--quarter <N>', t('cli.opt.quarter'))
    .addOption(files('--entities', t('cli.opt.statsEntities')))
    .option('--out <file>', t('cli.opt.out'))
    .action(go('stats'));

  verb('demo', t('cli.cmd.demo'))
    .argument('[dir]')
    .action(go('demo'));

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
