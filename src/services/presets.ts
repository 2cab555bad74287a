/**
 * Applying a preset: its settings over the defaults, keeping the seed and the settings a teacher locked; then,
 * when this browser has not measured the speed for them yet, the calibration for the time estimate starts.
 */
import type { Preset } from '../core/config/presets.ts';
import { decodeConfig } from '../url/codec.ts';
import { labActions, useLab } from '../store/labStore.ts';
import { calibrationKey } from '../store/timeEstimate.ts';
import { matchesDataset } from '../store/datasetMatch.ts';
import { measureSpeed } from './speed.ts';

export function applyPreset(preset: Preset): void {
  const { config, url } = useLab.getState();
  const next = decodeConfig(preset.query).config;
  next.seed = config.seed;
  for (const k of url.locked) (next as unknown as Record<string, unknown>)[k] = config[k];
  labActions().replaceConfig(next);
  const { datasets, speed } = useLab.getState();
  const dataset = datasets.list.find((d) => matchesDataset(d, next.dataset));
  if (dataset && !speed.byKey[calibrationKey(next, dataset)]) void measureSpeed(next, dataset);
}
