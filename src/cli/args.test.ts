import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.ts';

const parse = (argv: string[]) => {
  const r = parseArgs(argv, ['json'], ['model', 'ratios']);
  return { positionals: r.positionals, options: Object.fromEntries(r.options) };
};

describe('parseArgs', () => {
  it('reads flags, --key value, --key=value and positionals', () => {
    expect(parse(['run', '--json', '--model', 'resnet8', '--ratios=0,0.5', 'x'])).toEqual({ positionals: ['run', 'x'], options: { json: true, model: 'resnet8', ratios: '0,0.5' } });
  });

  it('says in one line what is wrong, as a usage error', () => {
    expect(() => parse(['--nope'])).toThrow(new UsageError('unknown option --nope (known: --json, --model, --ratios)'));
    expect(() => parse(['--model'])).toThrow('--model needs a value');
    expect(() => parse(['--json=1'])).toThrow('--json takes no value');
    expect(() => parse(['--nope'])).toThrow(UsageError);
  });
});
