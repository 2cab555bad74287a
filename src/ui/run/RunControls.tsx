/** Start, cancel, rerun and share; Start says why it is disabled. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { validateConfig } from '../../core/config/runConfig.ts';
import { labelCounts, labelFractions } from '../../core/experiment/labelSchedule.ts';
import { cancelRun, startRun } from '../../services/runController.ts';
import { shareLink } from '../../services/share.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';
import { matchesDataset } from '../config/DatasetField.tsx';

function useBlockers(): string[] {
  const { config, drafts, datasets } = useLab(useShallow((s) => ({ config: s.config, drafts: s.drafts, datasets: s.datasets })));
  return useMemo(() => {
    const out = Object.keys(drafts).map((k) => `${k}: ${drafts[k as keyof typeof drafts]!.why}`);
    out.push(...validateConfig(config).map((p) => `${p.key}: ${p.why}`));
    if (!datasets.loaded) out.push('reading the dataset list');
    else if (!datasets.list.some((d) => matchesDataset(d, config.dataset))) out.push(`dataset ${config.dataset} is not in this browser`);
    if (datasets.importing) out.push('a dataset import is running');
    return out;
  }, [config, drafts, datasets]);
}

/** Settings that can run but that a user should know about before Start. */
function useWarnings(): string[] {
  const { config, datasets } = useLab(useShallow((s) => ({ config: s.config, datasets: s.datasets.list })));
  return useMemo(() => {
    const d = datasets.find((x) => matchesDataset(x, config.dataset));
    if (!d || validateConfig(config).length > 0) return [];
    const pool = config.pool > 0 ? Math.min(config.pool, d.counts.train) : d.counts.train;
    const first = labelCounts(labelFractions(config.schedule, config.budget), pool)[0]!;
    return first < d.classes ? [`the first round labels ${first} image${first === 1 ? '' : 's'}, fewer than the ${d.classes} classes: some classes start with no example`] : [];
  }, [config, datasets]);
}

export function RunControls() {
  const { status, lastConfig, share, replaceConfig } = useLab(useShallow((s) => ({ status: s.run.status, lastConfig: s.run.config, share: s.share, replaceConfig: s.actions.replaceConfig })));
  const blockers = useBlockers();
  const warnings = useWarnings();
  const active = isActive(status);
  return (
    <div className="controls">
      <button type="button" className="primary" data-testid="run.start" disabled={active || blockers.length > 0} onClick={() => {
          useLab.getState().actions.takeNextDataset();
          void startRun(useLab.getState().config);
        }}>
        Start
      </button>
      <button type="button" data-testid="run.cancel" disabled={!active || status === 'cancelling'} onClick={cancelRun}>
        Cancel
      </button>
      <button
        type="button"
        data-testid="run.rerun"
        disabled={active || !lastConfig}
        title="run the last run's settings again"
        onClick={() => {
          if (!lastConfig) return;
          replaceConfig(lastConfig);
          void startRun(lastConfig);
        }}
      >
        Rerun
      </button>
      <button type="button" data-testid="share.button" onClick={() => void shareLink()}>
        Share
      </button>
      {share.problem && (
        <span className="muted" role="status" data-testid="share.problem">
          {share.problem}
        </span>
      )}
      {share.url && (
        <span className="share" data-testid="share.status">
          {share.copied ? 'link copied' : 'copy this link:'}{' '}
          <input readOnly data-testid="share.url" value={share.url} onFocus={(e) => e.target.select()} />
        </span>
      )}
      {warnings.length > 0 && blockers.length === 0 && !active && (
        <div className="field-warning" role="note" data-testid="run.warning">
          Note: {warnings.join('; ')}
        </div>
      )}
      {blockers.length > 0 && !active && (
        <div className="muted" data-testid="run.blocked">
          Can't start: {blockers.join('; ')}
        </div>
      )}
    </div>
  );
}
