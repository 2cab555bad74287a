/** Start, cancel, rerun and share; Start says why it is disabled. */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { validateConfig } from '../../core/config/runConfig.ts';
import { labelCounts, labelFractions } from '../../core/experiment/labelSchedule.ts';
import { cancelRun, startRun } from '../../services/runController.ts';
import { shareLink } from '../../services/share.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';
import { deviceMemoryGb } from '../../services/memory.ts';
import { estimateWorkerMemory, likelyLimit, type MemoryEstimate } from '../../store/memoryEstimate.ts';
import { matchesDataset } from '../../store/datasetMatch.ts';
import { bytes } from '../format.ts';
import { useKeepFocus } from './useKeepFocus.ts';

function useBlockers(): string[] {
  const { config, drafts, datasets, measuring } = useLab(useShallow((s) => ({ config: s.config, drafts: s.drafts, datasets: s.datasets, measuring: s.speed.measuring !== null })));
  return useMemo(() => {
    const out = Object.keys(drafts).map((k) => `${k}: ${drafts[k as keyof typeof drafts]!.why}`);
    out.push(...validateConfig(config).map((p) => `${p.key}: ${p.why}`));
    if (!datasets.loaded) out.push('reading the dataset list');
    else if (!datasets.list.some((d) => matchesDataset(d, config.dataset))) out.push(`dataset ${config.dataset} is not in this browser`);
    if (datasets.importing) out.push('a dataset import is running');
    if (measuring) out.push("measuring this machine's speed for the estimate (a few seconds)");
    return out;
  }, [config, drafts, datasets, measuring]);
}

/** The worker's estimated peak memory for these settings, or null while they cannot run. */
function useMemoryEstimate(): MemoryEstimate | null {
  const { config, datasets } = useLab(useShallow((s) => ({ config: s.config, datasets: s.datasets.list })));
  return useMemo(() => {
    const d = datasets.find((x) => matchesDataset(x, config.dataset));
    return d && validateConfig(config).length === 0 ? estimateWorkerMemory(config, d) : null;
  }, [config, datasets]);
}

/** Settings that can run but that a user should know about before Start. */
function useWarnings(memory: MemoryEstimate | null): string[] {
  const { config, datasets } = useLab(useShallow((s) => ({ config: s.config, datasets: s.datasets.list })));
  return useMemo(() => {
    const d = datasets.find((x) => matchesDataset(x, config.dataset));
    if (!d || validateConfig(config).length > 0) return [];
    const out: string[] = [];
    const pool = config.pool > 0 ? Math.min(config.pool, d.counts.train) : d.counts.train;
    const first = labelCounts(labelFractions(config.schedule, config.budget), pool)[0]!;
    if (first < d.classes) out.push(`the first round labels ${first} image${first === 1 ? '' : 's'}, fewer than the ${d.classes} classes: some classes start with no example`);
    const limit = likelyLimit(deviceMemoryGb());
    if (memory && memory.total > limit) {
      out.push(`this run needs about ${bytes(memory.total)} in its worker, more than this browser is likely to give (about ${bytes(limit)}): the tab may crash; use a smaller pool, batch or model`);
    }
    return out;
  }, [config, datasets, memory]);
}

function MemoryLine({ memory }: { memory: MemoryEstimate | null }) {
  const measured = useLab((s) => s.measuredMemory);
  if (!memory) return null;
  const device = deviceMemoryGb();
  return (
    <div className="muted" data-testid="run.memory" data-bytes={Math.round(memory.total)}>
      Memory: about {bytes(memory.total)} at the worker's peak (pixels {bytes(memory.pixels)}, tensors {bytes(memory.tensors)})
      {device ? ` · device ${device} GB` : ''}
      {measured !== null ? ` · page and workers now ${bytes(measured)}` : ''}
    </div>
  );
}

export function RunControls() {
  const { status, lastConfig, share, replaceConfig } = useLab(useShallow((s) => ({ status: s.run.status, lastConfig: s.run.config, share: s.share, replaceConfig: s.actions.replaceConfig })));
  const blockers = useBlockers();
  const memory = useMemoryEstimate();
  const warnings = useWarnings(memory);
  const active = isActive(status);
  const controls = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // Start goes disabled as a run starts: focus moves to Cancel; Cancel's goes to Start, or else to the run section.
  useKeepFocus(controls, () => [cancel.current, start.current, document.getElementById('run-controls')], `${status}|${blockers.length}`);
  return (
    <div className="controls" ref={controls}>
      <button type="button" ref={start} className="primary" data-testid="run.start" disabled={active || blockers.length > 0} onClick={() => {
          useLab.getState().actions.takeNextDataset();
          void startRun(useLab.getState().config);
        }}>
        Start
      </button>
      <button type="button" ref={cancel} data-testid="run.cancel" disabled={!active || status === 'cancelling'} onClick={cancelRun}>
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
      <MemoryLine memory={memory} />
      {blockers.length > 0 && !active && (
        <div className="muted" data-testid="run.blocked">
          Can't start: {blockers.join('; ')}
        </div>
      )}
    </div>
  );
}
