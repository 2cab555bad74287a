/**
 * Every RunConfig field, grouped as in the paper's setup; a teacher's link hides (`<key>_hide=true`) or
 * locks (`<key>_lock=true`) controls. Each field's help shows under it with "Explain every setting".
 */
import { memo, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { validateConfig, type ConfigKey } from '../../core/config/runConfig.ts';
import { useLab } from '../../store/labStore.ts';
import { DatasetField } from './DatasetField.tsx';
import { FieldRow } from './FieldControl.tsx';
import { GROUPS } from './fieldText.ts';
import { RatioSemantics } from './RatioSemantics.tsx';

/** A field re-renders when its own value or problem changes, not on every keystroke in another field. */
const Field = memo(function Field({ k, problem }: { k: ConfigKey; problem: string | undefined }) {
  if (k === 'dataset') return <DatasetField />;
  if (k === 'ratio') return <FieldRow k={k} problem={problem} extra={<RatioSemantics />} />;
  return <FieldRow k={k} problem={problem} />;
});

export function ConfigPanel() {
  const { config, hidden, locked, resetConfig } = useLab(useShallow((s) => ({ config: s.config, hidden: s.url.hidden, locked: s.url.locked, resetConfig: s.actions.resetConfig })));
  const problems = useMemo(() => new Map(validateConfig(config).map((p) => [p.key, p.why])), [config]);
  const [help, setHelp] = useState(false);
  return (
    <form className={help ? 'config show-help' : 'config'} data-testid="config" aria-label="Settings" onSubmit={(e) => e.preventDefault()}>
      <label className="help-toggle">
        <input type="checkbox" checked={help} onChange={(e) => setHelp(e.target.checked)} data-testid="config.showHelp" /> Explain every setting
      </label>
      {GROUPS.map((g) => {
        const keys = g.keys.filter((k) => !hidden.includes(k));
        if (keys.length === 0) return null;
        return (
          <fieldset key={g.id} data-testid={`config.group.${g.id}`}>
            <legend>{g.title}</legend>
            {keys.map((k) => (
              <Field key={k} k={k} problem={problems.get(k)} />
            ))}
          </fieldset>
        );
      })}
      <button type="button" className="small" data-testid="config.reset" onClick={resetConfig}>
        Reset to defaults (keeps the seed{locked.length > 0 ? ' and locked settings' : ''})
      </button>
    </form>
  );
}
