/**
 * Records the lab's example gallery: runs each example's settings with the headless runner on the embedded
 * data and writes public/examples/<file>.json (results format of the run history) and public/examples/index.json.
 *   npm run record:examples                  every example not yet recorded (resumes a partial one)
 *   npm run record:examples -- quick-demo    only these ids
 *   npm run record:examples -- --index       only rewrite index.json from the files present
 * Runs are resumable: the runner writes the results after every round, and a file that is not complete is
 * continued with --resume, so a recording can span sessions. Threads: PRUNEFUSE_WASM_THREADS (default 1, so
 * the machine stays usable; the index records it).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseResults } from '../src/core/experiment/resultsFile.ts';
import { EXAMPLES, exampleFile } from './examples.ts';
import type { ExampleIndex } from '../src/core/experiment/exampleIndex.ts';

const DIR = 'public/examples';
const threads = process.env.PRUNEFUSE_WASM_THREADS ?? '1';

async function readIfThere(path: string) {
  if (!existsSync(path)) return undefined;
  return parseResults(await readFile(path, 'utf8'));
}

function runner(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PRUNEFUSE_WASM_THREADS: threads },
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lab run ${args.join(' ')} exited with ${code}`))));
  });
}

async function record(ids: Set<string>): Promise<void> {
  for (const example of EXAMPLES) {
    if (ids.size > 0 && !ids.has(example.id)) continue;
    for (const [i, link] of example.links.entries()) {
      const out = `${DIR}/${exampleFile(example, i)}`;
      const previous = await readIfThere(out);
      if (previous?.complete) continue;
      process.stderr.write(`\n== ${example.id} (${i + 1} of ${example.links.length}): ${link}\n`);
      await runner(previous ? ['--resume', out, '--out', out, '--quiet'] : [link, '--out', out, '--quiet']);
    }
  }
}

/** index.json from the examples whose every run is recorded and complete. */
async function writeIndex(): Promise<void> {
  const index: ExampleIndex = { version: 1, examples: [] };
  for (const example of EXAMPLES) {
    const runs = [];
    for (const [i, link] of example.links.entries()) {
      const file = exampleFile(example, i);
      const results = await readIfThere(`${DIR}/${file}`);
      if (!results?.complete) break;
      runs.push({ file, link, backend: results.backend, seconds: Math.round(results.seconds), threads: Number(threads) });
    }
    if (runs.length < example.links.length) {
      process.stderr.write(`index: ${example.id} is not fully recorded yet; left out\n`);
      continue;
    }
    index.examples.push({ id: example.id, title: example.title, lesson: example.lesson, machine: `${os.cpus().length}-core machine, Node ${process.version}`, runs });
  }
  await writeFile(`${DIR}/index.json`, `${JSON.stringify(index, null, 1)}\n`);
  process.stderr.write(`index: ${index.examples.length} examples in ${DIR}/index.json\n`);
}

const args = parseArgs({ allowPositionals: true, options: { index: { type: 'boolean' } } });
await mkdir(DIR, { recursive: true });
if (!args.values.index) await record(new Set(args.positionals));
await writeIndex();
