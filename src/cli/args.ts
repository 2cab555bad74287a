/**
 * Command-line options through Node's own parser (node:util parseArgs): `--flag`, `--key value`,
 * `--key=value`, positionals. This file only declares the options and turns the parser's errors into
 * one-line usage errors (exit status 2).
 */
import { parseArgs as parseNodeArgs } from 'node:util';

export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], flags: readonly string[], valued: readonly string[]): ParsedArgs {
  const options = Object.fromEntries([
    ...flags.map((k) => [k, { type: 'boolean' as const }]),
    ...valued.map((k) => [k, { type: 'string' as const }]),
  ]);
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseNodeArgs({ args: argv, options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const known = [...flags, ...valued].map((k) => `--${k}`).join(', ');
    const option = /'(--?[^' ]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? 'an option';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option} (known: ${known})`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const key = option.replace(/^-+/, '');
      throw new UsageError(flags.includes(key) ? `${option} takes no value` : `${option} needs a value`);
    }
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = new Map<string, string | true>();
  for (const [k, v] of Object.entries(parsed.values)) if (v !== undefined && v !== false) values.set(k, v);
  return { positionals: parsed.positionals, options: values };
}

export function stringOption(args: ParsedArgs, key: string): string | undefined {
  const v = args.options.get(key);
  return typeof v === 'string' ? v : undefined;
}
