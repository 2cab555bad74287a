/** Every RunConfig field, grouped as in the paper's setup; `<key>_hide=true` in the URL hides a control. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { validateConfig, type ConfigKey } from '../../core/config/runConfig.ts';
import { useLab } from '../../store/labStore.ts';
import { DatasetField } from './DatasetField.tsx';
import { FieldRow } from './FieldControl.tsx';
import { GROUPS } from './fieldText.ts';
import { RatioSemantics } from './RatioSemantics.tsx';

function Field({ k, problem }: { k: ConfigKey; problem: string | undefined }) {
  if (k === 'dataset') return <DatasetField />;
  if (k === 'ratio') return <FieldRow k={k} problem={problem} extra={<RatioSemantics />} />;
  return <FieldRow k={k} problem={problem} />;
}

export function ConfigPanel() {
  const { config, hidden, resetConfig } = useLab(useShallow((s) => ({ config: s.config, hidden: s.url.hidden, resetConfig: s.actions.resetConfig })));
  const problems = useMemo(() => new Map(validateConfig(config).map((p) => [p.key, p.why])), [config]);
  return (
    <form className="config" data-testid="config" onSubmit={(e) => e.preventDefault()}>
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
        Reset to defaults (keep seed)
      </button>
    </form>
  );
}
