/** Presets for a first run, each with what to expect; the estimate for the current settings is by Start. */
import { PRESETS } from '../../core/config/presets.ts';
import { applyPreset } from '../../services/presets.ts';
import { useDeferredLab } from '../useDeferredLab.ts';
import { isActive } from '../../store/types.ts';
import { decodeConfig } from '../../url/codec.ts';

/** Each preset's settings, decoded once. */
const PRESET_CONFIGS = new Map(PRESETS.map((p) => [p.id, decodeConfig(p.query).config]));

const matches = (id: string, config: object, seed: number) => JSON.stringify({ ...PRESET_CONFIGS.get(id), seed }) === JSON.stringify(config);

export function Presets() {
  const { config, busy } = useDeferredLab((s) => ({ config: s.config, busy: isActive(s.run.status) }));
  return (
    <>
      <h3>Presets</h3>
      <ul className="preset-list">
        {PRESETS.map((p) => {
          const current = matches(p.id, config, config.seed);
          return (
            <li key={p.id}>
              <button type="button" className={current ? 'primary' : undefined} aria-pressed={current} disabled={busy} onClick={() => applyPreset(p)} data-testid={`preset.${p.id}`}>
                {p.title}
              </button>{' '}
              <span className="muted">{p.expect}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
