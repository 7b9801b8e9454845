/**
 * Option declarations that carry their type. src/cli.ts declares each command's
 * flags once with these: the same declaration registers the commander option and
 * gives the command its typed options (`OptionsOf<…>`), so a command reads
 * `opts.month` as `string | undefined`, with no casts. The values are checked by
 * the parsers in ./flags.ts. Light on purpose: cli.ts loads it before any verb.
 */
import { Option } from '../../commander.js';
import type { MsgKey } from '../../i18n/index.js';

/** A description: a catalogue key, or text that reads the same in every language (a list of values). */
export type Desc = MsgKey | { readonly text: string };

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** The attribute commander stores a flag under: `--seed-source <text>` → seedSource, `--no-sheets` → sheets. */
type NameOf<F extends string> = F extends `${infer L} <${string}` ? NameOf<L> : F extends `--no-${infer N}` ? Camel<N> : F extends `--${infer N}` ? Camel<N> : never;

const camel = (s: string) => s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const nameOf = <F extends string>(flags: F) => camel((flags.split(' ')[0] ?? '').replace(/^--(no-)?/, '')) as NameOf<F>;

export interface OptionSpec<N extends string = string, V = unknown> {
  /** The attribute the value is stored under, and the name the command reads it by. */
  readonly name: N;
  /** The commander option, described in the current language. */
  readonly option: (describe: (d: Desc) => string) => Option;
  /** Type only: what the command reads (never set). */
  readonly value?: V;
}

/**
 * A command's options as it reads them. Every member is optional: commander
 * leaves a flag that was not given undefined, and the demo and the wizard run a
 * verb in-process with only the flags a clerk would type.
 */
export type OptionsOf<S extends readonly OptionSpec[]> = {
  readonly [P in S[number] as P['name']]?: P extends OptionSpec<string, infer V> ? V : never;
};

const spec = <N extends string, V>(name: N, option: (describe: (d: Desc) => string) => Option): OptionSpec<N, V> => ({ name, option });

/** `--force`: true when given. */
export const flag = <F extends `--${string}`>(flags: F, desc: Desc) => spec<NameOf<F>, boolean>(nameOf(flags), (d) => new Option(flags, d(desc)));

/** `--no-sheets`: false when given, true otherwise (commander's default). */
export const negatable = <F extends `--no-${string}`>(flags: F, desc: Desc) => spec<NameOf<F>, boolean>(nameOf(flags), (d) => new Option(flags, d(desc)));

/** `--seed <text>`: the text given (or `preset` when not given). */
export const value = <F extends `--${string} <${string}>`>(flags: F, desc: Desc, preset?: string) =>
  spec<NameOf<F>, string>(nameOf(flags), (d) => {
    const o = new Option(flags, d(desc));
    return preset === undefined ? o : o.default(preset);
  });

/** `--entity <keys...>`: every value given. */
export const values = <F extends `--${string} <${string}...>`>(flags: F, desc: Desc) => spec<NameOf<F>, string[]>(nameOf(flags), (d) => new Option(flags, d(desc)));

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--entities a.xlsx b.csv` and `--entities a --entities b` both work: every file given, in order. */
export const files = <F extends `--${string}`>(flag: F, desc: Desc) =>
  spec<NameOf<F>, string[]>(nameOf(flag), (d) => new Option(`${flag} <files...>`, d(desc)).argParser(collect as never));

/** `--no-X <value>`: a flag with a value whose name starts with no- (commander would read it as the negation of --X); stored as noX. */
export const noValue = <F extends `--no-${string} <${string}>`>(flags: F, desc: Desc) => {
  const name = camel((flags.split(' ')[0] ?? '').slice(2)) as F extends `--${infer N} <${string}` ? Camel<N> : never;
  return spec<typeof name, string>(name, (d) => {
    const o = new Option(flags, d(desc));
    o.negate = false;
    o.attributeName = () => name;
    return o;
  });
};
