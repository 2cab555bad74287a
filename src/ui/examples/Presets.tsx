/** Presets for a first run, each with what to expect; the estimate for the current settings is by Start. */
import { useShallow } from 'zustand/react/shallow';
import { PRESETS } from '../../core/config/presets.ts';
import { applyPreset } from '../../services/presets.ts';
import { useLab } from '../../store/labStore.ts';
import { isActive } from '../../store/types.ts';
import { decodeConfig } from '../../url/codec.ts';

const matches = (query: string, config: object, seed: number) => JSON.stringify({ ...decodeConfig(query).config, seed }) === JSON.stringify(config);

export function Presets() {
  const { config, busy } = useLab(useShallow((s) => ({ config: s.config, busy: isActive(s.run.status) })));
  return (
    <>
      <h3>Presets</h3>
      <ul className="preset-list">
        {PRESETS.map((p) => {
          const current = matches(p.query, config, config.seed);
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
