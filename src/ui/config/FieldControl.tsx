/** One RunConfig field as a control, driven by its entry in CONFIG_FIELDS: bounds, allowed values, message. */
import { useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CONFIG_FIELDS, type ConfigKey } from '../../core/config/runConfig.ts';
import { describeField, formatFieldValue } from '../../core/config/fields.ts';
import { useLab } from '../../store/labStore.ts';
import { FIELD_TEXT } from './fieldText.ts';
import { VALUE_NAMES } from '../names.ts';

/** An option's text: its plain name and, where that differs, the id the URL uses. */
const valueText = (k: ConfigKey, v: string): string => {
  const name = VALUE_NAMES[k]?.[v];
  return name && name !== v ? `${name} (${v})` : v;
};

function TextInput({ k, type }: { k: ConfigKey; type: 'number' | 'text' }) {
  const field = CONFIG_FIELDS[k];
  const { value, draft, setText } = useLab(useShallow((s) => ({ value: s.config[k], draft: s.drafts[k], setText: s.actions.setText })));
  const [editing, setEditing] = useState<string | null>(null);
  const shown = editing ?? draft?.text ?? formatFieldValue(value);
  const bounds = field.kind === 'number' ? { min: field.min, max: field.max, step: field.integer ? 1 : 'any' } : {};
  return (
    <input
      id={`config-${k}`}
      data-testid={`config.${k}`}
      type={type}
      {...bounds}
      value={shown}
      aria-invalid={draft ? true : undefined}
      onChange={(e) => {
        setEditing(e.target.value);
        setText(k, e.target.value);
      }}
      onBlur={() => setEditing(null)}
    />
  );
}

function EnumSelect({ k }: { k: ConfigKey }) {
  const field = CONFIG_FIELDS[k];
  const { value, setText } = useLab(useShallow((s) => ({ value: s.config[k], setText: s.actions.setText })));
  const values = field.kind === 'enum' ? field.values : [];
  return (
    <select id={`config-${k}`} data-testid={`config.${k}`} value={String(value)} onChange={(e) => setText(k, e.target.value)}>
      {values.map((v) => (
        <option key={v} value={v}>{valueText(k, v)}</option>
      ))}
    </select>
  );
}

function EnumChecks({ k }: { k: ConfigKey }) {
  const field = CONFIG_FIELDS[k];
  const { value, draft, setValue } = useLab(useShallow((s) => ({ value: s.config[k], draft: s.drafts[k], setValue: s.actions.setValue })));
  const values = field.kind === 'enumList' ? field.values : [];
  const chosen = new Set(draft ? draft.text.split(',').filter(Boolean) : (value as string[]));
  const toggle = (v: string) => {
    const next = new Set(chosen);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    setValue(k, values.filter((x) => next.has(x)));
  };
  return (
    <div className="checks" data-testid={`config.${k}`} role="group" aria-labelledby={`config-${k}-label`}>
      {values.map((v) => (
        <label key={v} className="check">
          <input type="checkbox" data-testid={`config.${k}.${v}`} checked={chosen.has(v)} onChange={() => toggle(v)} /> {VALUE_NAMES[k]?.[v] ?? v}{' '}
          {VALUE_NAMES[k]?.[v] && <code className="key">{v}</code>}
        </label>
      ))}
    </div>
  );
}

function BoolCheck({ k }: { k: ConfigKey }) {
  const { value, setValue } = useLab(useShallow((s) => ({ value: s.config[k], setValue: s.actions.setValue })));
  return <input id={`config-${k}`} data-testid={`config.${k}`} type="checkbox" checked={value === true} onChange={(e) => setValue(k, e.target.checked)} />;
}

function control(k: ConfigKey): ReactNode {
  const field = CONFIG_FIELDS[k];
  switch (field.kind) {
    case 'enum':
      return <EnumSelect k={k} />;
    case 'enumList':
      return <EnumChecks k={k} />;
    case 'bool':
      return <BoolCheck k={k} />;
    case 'number':
      return <TextInput k={k} type="number" />;
    case 'numberList':
    case 'id':
      return <TextInput k={k} type="text" />;
  }
}

/** Label, control, allowed values and the inline message of one field; `extra` (read-outs) goes below. */
export function FieldRow({ k, children, extra, problem }: { k: ConfigKey; children?: ReactNode; extra?: ReactNode; problem?: string | undefined }) {
  const { why, locked } = useLab(useShallow((s) => ({ why: s.drafts[k]?.why, locked: s.url.locked.includes(k) })));
  const text = FIELD_TEXT[k];
  const message = why ?? problem;
  return (
    <div className="field" data-testid={`field.${k}`} data-locked={locked || undefined}>
      <label id={`config-${k}-label`} htmlFor={`config-${k}`}>
        {text.label} <code className="key">{k}</code>
      </label>
      <p className="help" id={`config-${k}-help`}>
        {text.help}
      </p>
      {/* A disabled fieldset disables every control inside: a locked setting keeps the link's value. */}
      <fieldset className="lockable" disabled={locked} aria-describedby={`config-${k}-help`}>
        {children ?? control(k)}
      </fieldset>
      {locked && (
        <div className="muted" data-testid={`config.${k}.locked`}>
          Locked by this link (a teacher's setting); Reset keeps it.
        </div>
      )}
      {CONFIG_FIELDS[k].kind !== 'id' && <div className="allowed">{describeField(CONFIG_FIELDS[k])}</div>}
      {extra}
      {message && (
        <div className="field-error" role="alert" data-testid={`config.${k}.error`}>
          {message}
        </div>
      )}
    </div>
  );
}
