import { describe, expect, it } from 'vitest';
import { CURVE_EVAL_IMAGES as ENGINE_CURVE_EVAL_IMAGES } from '../core/experiment/runExperiment.ts';
import type { RunEvent } from '../core/experiment/events.ts';
import type { LabEvent } from '../protocol/workerProtocol.ts';
import { buildWorkPlan, CURVE_EVAL_IMAGES, emptyProgress, estimate, recordProgress, type WorkKind, type WorkProgressState } from './workPlan.ts';

type Started = Extract<RunEvent, { type: 'run-started' }>;

const net = (macs: number) => ({ model: 'resnet20', params: 1, macs });
/** al on a dense network and prunefuse with a 4x smaller selector: 3 rounds, pool 1,000, test 200, 2 epochs. */
const started: Started = {
  type: 'run-started', fractions: [0.1, 0.2, 0.3], counts: [100, 200, 300], poolSize: 1000, testSize: 200,
  methods: [
    { method: 'al', base: 'al', track: 'dense', start: null, kd: false, selector: net(400), target: net(400) },
    { method: 'prunefuse@0.5', base: 'prunefuse', track: 'pruned@0.5', start: 'fused', kd: true, ratio: 0.5, selector: net(100), target: net(400) },
  ],
} as unknown as Started;

/** True seconds per image on this imaginary machine: a training image 4.6 forward passes, small networks less efficient per MAC. */
function secondsPerImage(kind: WorkKind, macs: number): number {
  const forward = 1e-5 * macs ** 0.85;
  return kind === 'training' ? 4.6 * forward : kind === 'ranking' ? 2e-5 : forward;
}

/**
 * The event stream of that run with worker times: steps of 10 images, inference batches of 50, 0.3 s to
 * start each phase; work in the first `coldSeconds` takes 2.5 times as long (the browser's WebAssembly
 * starts on its baseline compiler).
 */
function simulate(coldSeconds = 0): LabEvent[] {
  const plan = buildWorkPlan(started, { epochs: 2, metric: 'lc' });
  let t = 0;
  const out: LabEvent[] = [{ ...started, at: 0 }];
  for (const p of plan.phases) {
    const [kind, round, role, id] = p.key.split('|') as [WorkKind, string, 'selector' | 'target', string];
    const tag = role === 'selector' ? { track: id, role, round: Number(round) } : { track: 'pruned@0.5', role, method: id, round: Number(round) };
    const chunk = kind === 'training' ? 10 : 50;
    t += 300; // each phase's start-up: building the network, the first step's kernel set-up
    for (let done = 0; done < p.units; ) {
      const n = Math.min(chunk, p.units - done);
      done += n;
      t += 1000 * n * secondsPerImage(kind, p.macs) * (t < 1000 * coldSeconds ? 2.5 : 1);
      out.push(
        kind === 'training'
          ? { type: 'step', ...tag, step: done / 10, totalSteps: p.units / 10, at: t }
          : { type: 'work', phase: kind as 'evaluating', ...tag, done, total: p.units, at: t },
      );
    }
  }
  return out;
}

describe('work plan', () => {
  it('agrees with the engine on the curve evaluation size', () => {
    expect(CURVE_EVAL_IMAGES).toBe(ENGINE_CURVE_EVAL_IMAGES);
  });

  it('counts every image a run trains, evaluates, scores and ranks', () => {
    const plan = buildWorkPlan(started, { epochs: 2, metric: 'lc' });
    const units = (kind: WorkKind) => plan.phases.filter((p) => p.kind === kind).reduce((n, p) => n + p.units, 0);
    // Two selectors and one target train on 100 + 200 + 300 images for 2 epochs.
    expect(units('training')).toBe(3 * 600 * 2);
    // al's selector and the target evaluate 200 images after each epoch; prunefuse's selector once per round.
    expect(units('evaluating')).toBe(2 * 3 * 400 + 3 * 200);
    // Two selectors score the unlabelled pool after rounds 1 and 2.
    expect(units('scoring')).toBe(2 * (900 + 800));
  });

  it.each([
    { when: 'at one speed', coldSeconds: 0 },
    { when: 'when its first seconds run slower', coldSeconds: 3 },
  ])('gives an ETA within 10% of the time left once 20% is done, without jumps, $when', ({ coldSeconds }) => {
    const events = simulate(coldSeconds);
    const end = events.at(-1)!.at!;
    const plan = buildWorkPlan(started, { epochs: 2, metric: 'lc' });
    let progress: WorkProgressState = { ...emptyProgress(), lastAt: 0, startedAt: 0 };
    let previous: number | null = null;
    let checked = 0;
    for (const e of events.slice(1)) {
      if (e.type !== 'step' && e.type !== 'work') continue;
      progress = recordProgress(plan, progress, e, e.at);
      const { etaSeconds, fraction } = estimate(plan, progress);
      const left = (end - e.at!) / 1000;
      if (fraction >= 0.2 && etaSeconds !== null && left > 0.05 * (end / 1000)) {
        expect(Math.abs(etaSeconds - left) / left, `at ${(fraction * 100).toFixed(0)}%`).toBeLessThan(0.1);
        if (previous !== null) expect(etaSeconds / previous).toBeLessThan(1.5);
        checked++;
      }
      previous = etaSeconds;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
