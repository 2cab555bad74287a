/**
 * The headless runner interrupted with SIGINT (or killed) and resumed with --resume ends with the accuracies
 * and selections of an uninterrupted run. Runs the CLI as a user would, on the embedded Fashion-MNIST subset.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../core/experiment/events.ts';
import { lab } from '../testing/cli.ts';

const LINK = 'model=resnet8&dataset=fashion-mnist-subset&pool=200&test=50&epochs=1&batch=32&budget=0.3&schedule=0.05,0.05&methods=al,prunefuse&backend=wasm';

const read = (path: string): RunResults => JSON.parse(readFileSync(path, 'utf8')) as RunResults;
const accuracies = (r: RunResults) => r.methods.map((m) => [m.method, m.rounds.map((x) => [x.selectorAccuracy, x.targetAccuracy])]);

describe('lab run --resume', () => {
  it('continues a run stopped by Ctrl-C to the same accuracies and selections as an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-resume-'));
    const [full, partial, resumed] = ['full.json', 'partial.json', 'resumed.json'].map((f) => join(dir, f)) as [string, string, string];
    expect((await lab(['run', LINK, '--out', full])).code).toBe(0);
    const stopped = await lab(['run', LINK, '--out', partial], '[al] round 3');
    expect(stopped.code).toBe(130);
    expect(read(partial).complete).toBe(false);
    expect(read(partial).methods[0]!.rounds.length).toBeLessThan(6);
    const again = await lab(['run', '--resume', partial, '--out', resumed]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`resuming ${partial}`);
    const [a, b] = [read(full), read(resumed)];
    expect(b.complete).toBe(true);
    expect(accuracies(b)).toEqual(accuracies(a));
    expect(b.tracks).toEqual(a.tracks);
    expect(b.initial).toEqual(a.initial);

    // Killed outright (no chance to write anything then): the file holds every round finished before, and resumes the same way.
    const killedPath = join(dir, 'killed.json');
    const killed = await lab(['run', LINK, '--out', killedPath], '[al] round 3', 'SIGKILL');
    expect(killed.code).toBeNull();
    const kept = read(killedPath);
    expect(kept.complete).toBe(false);
    expect(kept.methods[0]!.rounds.length).toBe(2);
    const afterKill = await lab(['run', '--resume', killedPath, '--out', killedPath]);
    expect(afterKill.code, afterKill.stderr).toBe(0);
    expect(accuracies(read(killedPath))).toEqual(accuracies(a));
  });

  it('refuses a results file that does not match the link, in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-resume-'));
    const partial = join(dir, 'partial.json');
    await lab(['run', LINK, '--out', partial], '[al] round 2');
    const refused = await lab(['run', LINK.replace('epochs=1', 'epochs=2'), '--resume', partial, '--out', join(dir, 'x.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n').at(-1)).toBe('lab: cannot resume: the setting epochs differs: 1 in the results, 2 here');
    const broken = await lab(['run', '--resume', join(dir, 'missing.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/lab: cannot read .*missing\.json/);
  });
});

describe('lab run --save-models and lab evaluate', () => {
  it('writes each final model as a weights manifest that evaluates to exactly the recorded accuracy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-models-'));
    const out = join(dir, 'r.json');
    const run = await lab(['run', LINK.replace('budget=0.3', 'budget=0.1'), '--out', out, '--save-models', dir]);
    expect(run.code, run.stderr).toBe(0);
    const results = read(out);
    for (const m of results.methods) {
      const file = join(dir, `${m.method.replace('@', '-')}.model.json`);
      const evaluated = await lab(['evaluate', '--model', file, '--json']);
      expect(evaluated.code, evaluated.stderr).toBe(0);
      const report = JSON.parse(evaluated.stdout) as { accuracy: number; recorded: number; confusion: number[] };
      const last = m.rounds.at(-1)!;
      expect(report.accuracy).toBe(last.targetAccuracy);
      expect(report.recorded).toBe(last.targetAccuracy);
      expect(report.confusion).toEqual(last.confusion);
    }
  });
});
