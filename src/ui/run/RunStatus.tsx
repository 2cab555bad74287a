/** Status, progress with phase and ETA, the backend in use and why, and what went wrong. */
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/labStore.ts';
import type { Phase } from '../../store/types.ts';
import { count, seconds } from '../format.ts';
import { announcement, statusText } from './statusWords.ts';
import { Notice } from '../Notice.tsx';

function phaseText(p: Phase): string {
  const who = p.role === 'selector' ? `selector of ${p.track}` : `target ${p.method ?? ''}`;
  const where = `${p.track} · round ${p.round + 1}/${p.rounds} · ${who}`;
  switch (p.kind) {
    case 'training':
      return `${where} · training · epoch ${p.epoch}/${p.epochs} · step ${p.step}/${p.totalSteps}`;
    case 'evaluating':
      return `${where} · evaluating · ${count(p.step)}/${count(p.totalSteps)} test images`;
    case 'scoring':
      return `${where} · scoring the pool · ${count(p.step)}/${count(p.totalSteps)} images`;
    case 'ranking':
      return `${where} · ranking ${count(p.totalSteps)} pool images`;
  }
}

export function RunStatus() {
  const run = useLab(useShallow((s) => s.run));
  const fraction = run.plan && run.plan.total > 0 ? Math.min(1, run.done / run.plan.total) : run.status === 'done' ? 1 : 0;
  return (
    <div className="status">
      <div className="status-line">
        <span className={`badge ${run.status}`} data-testid="run.status" data-status={run.status}>
          {statusText(run)}
        </span>
        {run.backend && (
          <span className="backend" data-testid="run.backend" data-backend={run.backend.name}>
            backend <strong>{run.backend.name}</strong>: {run.backend.reason}
          </span>
        )}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="run.announce">
        {announcement(run)}
      </div>
      <div className="progress-row">
        <progress aria-label="run progress" data-testid="run.progress" data-progress={fraction.toFixed(3)} max={1} value={fraction} />
        <span className="eta" data-testid="run.eta" data-eta={run.etaSeconds !== null && run.status === 'running' ? run.etaSeconds.toFixed(1) : undefined}>
          {(fraction * 100).toFixed(0)}%{run.etaSeconds !== null && run.status === 'running' ? ` · about ${seconds(run.etaSeconds)} left` : ''}
        </span>
      </div>
      <div className="phase" data-testid="run.phase" data-kind={run.phase?.kind}>
        {run.phase && (run.status === 'running' || run.status === 'cancelling') ? phaseText(run.phase) : run.activity ?? '\u00a0'}
      </div>
      <Notice testId="run.error" className="notice error" alert>
        {run.error}
      </Notice>
      <Notice testId="run.notice" className="notice warn">
        {run.notice}
      </Notice>
      <Notice testId="run.deviceLost" className="notice error" alert>
        {run.deviceLost !== run.error && run.deviceLost}
      </Notice>
    </div>
  );
}
