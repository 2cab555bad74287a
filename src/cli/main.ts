/**
 * The headless runner: `npm run --silent lab -- <command> [options]`. Errors print one line and exit
 * non-zero (2 for bad usage or input, 1 for failures); set LAB_DEBUG=1 for stack traces.
 */
// Registers tfjs's gradient functions in Node (tfjs-core's own module for it is ESM that Node cannot load).
import '@tensorflow/tfjs';
import { UsageError } from './args.ts';
import { evaluateCommand } from './evaluate.ts';
import { modelsCommand } from './models.ts';
import { runCommand } from './run.ts';

const COMMANDS: Record<string, { run: (argv: string[]) => void | Promise<void>; help: string }> = {
  run: { run: runCommand, help: "run '<lab URL or query>' --out results.json [--data PATH] [--resume FILE] [--save-models DIR] [--quiet]" },
  evaluate: { run: evaluateCommand, help: 'evaluate --model FILE.model.json [--data PATH] [--json]' },
  models: { run: modelsCommand, help: 'models [--model ID] [--ratios 0,0.5] [--scope uniform|global] [--input 32x32x3] [--classes 10] [--json]' },
};

function usage(): string {
  return ['usage: npm run --silent lab -- <command> [options]', ...Object.values(COMMANDS).map((c) => `  ${c.help}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command '${name}' (known: ${Object.keys(COMMANDS).join(', ')})`);
  await command.run(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  // A command may have set its own status (130 for a run stopped by Ctrl-C): keep it.
  (code) => (process.exitCode ??= code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lab: ${message}\n`);
    if (process.env.LAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof UsageError || error instanceof RangeError || (error instanceof Error && error.name === 'DatasetError') ? 2 : 1;
  },
);
