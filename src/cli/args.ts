/** A small argument parser for the headless runner: `--flag`, `--key value`, `--key=value`, positionals. */

export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], flags: readonly string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(key)) {
      if (inline !== undefined) throw new UsageError(`--${key} takes no value`);
      options.set(key, true);
    } else if (valued.includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${key} needs a value`);
      options.set(key, value);
    } else {
      throw new UsageError(`unknown option --${key} (known: ${[...flags, ...valued].map((k) => `--${k}`).join(', ')})`);
    }
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, key: string): string | undefined {
  const v = args.options.get(key);
  return typeof v === 'string' ? v : undefined;
}
