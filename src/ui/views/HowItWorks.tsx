/**
 * How PruneFuse works: prune → train the selector → select → fuse → distil, as a diagram (an ordered list,
 * so it reads the same to everyone) whose current step is highlighted during a run.
 */
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/labStore.ts';
import { currentSteps, STEPS, type Step } from './howItWorksStep.ts';

const TEXT: Record<Step, { title: string; what: string }> = {
  prune: {
    title: 'Prune',
    what: 'The untrained dense ResNet θ is pruned at initialisation: every channel is scored by the L2 norm of its filter (channels tied by residual additions as one group) and the lowest are removed, keeping ⌊c·(1−p)⌋ per layer. The result θp is a physically narrower network: about (1−p)² of the parameters and compute.',
  },
  'train-selector': {
    title: 'Train the selector',
    what: 'Each round, θp is trained from its initial weights on the images labelled so far (first a random 2%).',
  },
  select: {
    title: 'Select',
    what: 'The trained θp scores every unlabelled image (least confidence, entropy, margin or k-centers) and the top-k are sent to be labelled. Cheap, because θp is small: this is where PruneFuse saves compute. Then the next round begins, until the label budget is spent.',
  },
  fuse: {
    title: 'Fuse',
    what: 'The trained θp* is copied into the untrained dense θ at the channels it kept (filters, batch-norm parameters and statistics, classifier weights); every other weight keeps its initialisation.',
  },
  distil: {
    title: 'Distil',
    what: 'The fused network trains on the labelled images with knowledge distillation from θp*: λ·CE + (1−λ)·T²·KL(teacher‖student). It starts ahead of a network trained from scratch.',
  },
};

const WHO = { pruned: 'the pruned selector θp', dense: 'the dense model (active-learning baseline)', proxy: 'the small proxy (SVP baseline)' } as const;

export function HowItWorks() {
  const { status, phase, methods } = useLab(useShallow((s) => ({ status: s.run.status, phase: s.run.phase, methods: s.metrics.methods })));
  const now = currentSteps(status, phase, methods);
  const round = phase && (status === 'running' || status === 'cancelling') ? ` (round ${phase.round + 1} of ${phase.rounds})` : '';
  return (
    <section className="how" aria-labelledby="how-title" data-testid="how">
      <h2 id="how-title">How PruneFuse works</h2>
      <p className="hint">
        The baselines run alongside: active learning selects with the dense model itself; SVP selects with a smaller ResNet trained from scratch. The target is always the dense model.
      </p>
      <ol className="pipeline">
        {STEPS.map((s) => {
          const active = now.steps.includes(s);
          return (
            <li key={s} className={active ? 'active' : undefined} aria-current={active ? 'step' : undefined} data-testid={`how.step.${s}`}>
              <strong>{TEXT[s].title}</strong>
              {active && <span className="now"> — now{round}</span>}
              <span className="what">{TEXT[s].what}</span>
            </li>
          );
        })}
      </ol>
      <p className="loop">
        Steps 2 and 3 repeat every round until the label budget is spent; steps 4 and 5 make the final model. The lab also
        fuses and distils after every round, to chart the accuracy a user would get by stopping there.
      </p>
      <p className="muted" role="status" data-testid="how.now">
        {now.who && status === 'running' ? `Working now: ${WHO[now.who]}${now.steps.length === 0 ? ', training a target from scratch' : ''}${round}.` : status === 'running' || status === 'starting' ? 'Starting…' : 'Start a run to see each step light up as it happens.'}
      </p>
    </section>
  );
}
