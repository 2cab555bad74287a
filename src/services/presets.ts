/** Applying a preset: its settings over the defaults, keeping the seed and the settings a teacher locked. */
import type { Preset } from '../core/config/presets.ts';
import { decodeConfig } from '../url/codec.ts';
import { labActions, useLab } from '../store/labStore.ts';

export function applyPreset(preset: Preset): void {
  const { config, url } = useLab.getState();
  const next = decodeConfig(preset.query).config;
  next.seed = config.seed;
  for (const k of url.locked) (next as unknown as Record<string, unknown>)[k] = config[k];
  labActions().replaceConfig(next);
}
