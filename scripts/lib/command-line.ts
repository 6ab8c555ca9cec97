/**
 * The command line of a script under scripts/, read the same way by each: Node's `util.parseArgs` (strict, so
 * an option the script does not know, a missing value or a value given to a flag is an error), plus `--help`
 * and `-h`, which print the script's usage and exit 0. An error prints `<command>: <what is wrong, naming the
 * option>; run with --help to see the options` and exits 2, the status of a usage error (`npm run ingest -- --help`).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** The exit status of a usage error. */
export const USAGE_ERROR = 2;

type HelpOption = { help: { type: 'boolean'; short: 'h' } };

/**
 * The options and arguments of `argv` (the script's arguments) as `options` declares them (parseArgs's shape:
 * `{ name: { type: 'string' | 'boolean', short?, multiple?, default? } }`), with at most `maxPositionals`
 * arguments that are not options (0: none). On `--help` prints `usage` and exits 0; on a usage error exits 2
 * (see the module's docstring).
 */
export function readCommandLine<const T extends ParseArgsOptionsConfig>(command: string, usage: string, options: T, maxPositionals = 0, argv: readonly string[] = process.argv.slice(2)) {
  // Positionals are allowed here and counted below, with a clearer message than parseArgs's.
  const config = { args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } } as T & HelpOption, allowPositionals: true, strict: true as const };
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    usageError(command, (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${unknownOption(config)}` : (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) usageError(command, maxPositionals ? `unexpected argument ${extra} (at most ${maxPositionals})` : `unexpected argument ${extra}: options only`);
  return parsed;
}

/** Prints `<command>: <message>; run with --help to see the options` and exits with the usage-error status. */
export function usageError(command: string, message: string): never {
  console.error(`${command}: ${message}; run with --help to see the options`);
  process.exit(USAGE_ERROR);
}

/** The value of the option `--<name>` as a whole number of at least 1, or `fallback` when it is not given; a usage error otherwise. */
export function positiveWhole(command: string, name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) usageError(command, `--${name} takes a whole number of at least 1, not ${value}`);
  return n;
}

/** The first option of the command line that `config` does not declare, as written (`--bogus`, `-x`). */
function unknownOption(config: { args: string[]; options: ParseArgsOptionsConfig }): string {
  const { tokens } = parseArgs({ ...config, strict: false, tokens: true });
  const token = tokens.find((t) => t.kind === 'option' && !(t.name in config.options));
  return token?.kind === 'option' ? token.rawName : '?';
}
