/**
 * Before Start: how long these settings will take on this machine, priced from a short speed calibration
 * of this backend (a few training steps of the model, measured once per model, batch and image shape).
 */
import { useMemo } from 'react';
import { validateConfig } from '../../core/config/runConfig.ts';
import { measureSpeed } from '../../services/speed.ts';
import { useDeferredLab } from '../useDeferredLab.ts';
import { calibrationKey, estimateSeconds, plannedWork } from '../../store/timeEstimate.ts';
import { isActive } from '../../store/types.ts';
import { matchesDataset } from '../../store/datasetMatch.ts';
import { seconds } from '../format.ts';

export function RunEstimate() {
  const { config, datasets, speed, busy } = useDeferredLab((s) => ({ config: s.config, datasets: s.datasets.list, speed: s.speed, busy: isActive(s.run.status) }));
  const dataset = datasets.find((d) => matchesDataset(d, config.dataset));
  const valid = validateConfig(config).length === 0;
  const key = dataset ? calibrationKey(config, dataset) : null;
  const measured = key ? speed.byKey[key] : undefined;
  const total = useMemo(() => (dataset && valid && measured ? estimateSeconds(plannedWork(config, dataset), measured) : null), [config, dataset, valid, measured]);
  if (!dataset || !valid) return null;
  const step = measured ? (1000 * measured.trainSeconds) / measured.steps : null;
  return (
    <div className="estimate" data-testid="run.estimate" data-seconds={total === null ? undefined : Math.round(total)}>
      {total !== null && measured ? (
        <>
          Estimated time on this machine: <strong>about {seconds(total)}</strong>{' '}
          <span className="muted">
            (from a calibration on {measured.backend}: a {measured.model} training step at batch {measured.batch} takes {Math.round(step!)} ms; the run's own progress refines it)
          </span>
        </>
      ) : (
        <>
          <button type="button" className="small" disabled={busy || speed.measuring !== null} onClick={() => void measureSpeed(config, dataset)} data-testid="run.estimate.measure">
            {speed.measuring === key ? 'Measuring this machine…' : 'Estimate the time'}
          </button>{' '}
          <span className="muted">times a few training steps of {config.model} here (a few seconds), then prices the whole run</span>
        </>
      )}
      {speed.error && (
        <span className="field-error" role="alert">
          {' '}
          {speed.error}
        </span>
      )}
    </div>
  );
}
