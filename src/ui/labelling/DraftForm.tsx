/**
 * An import waiting to start: what was imported and skipped, the classes (needed now: at least two), and
 * the session's settings: the batch size (default 2% of the images, at least 5 per class), the selection
 * metric, the dense model and its pruning ratio, the epochs per round, the held-out share and the seed.
 */
import { useId, useState } from 'react';
import { defaultBatchSize } from '../../core/labelling/randomBatch.ts';
import { METRIC_IDS, type MetricId } from '../../core/select/metricIds.ts';
import { MODEL_IDS, type ModelId } from '../../core/models/resnet.ts';
import { parseClassNames } from '../../core/labelling/unlabelledImport.ts';
import { defaultLabellingSettings, discardDraft, startLabelling } from '../../services/labelling.ts';
import { useLabelling } from '../../store/labellingStore.ts';
import { count } from '../format.ts';
import { METRIC_NAMES } from '../names.ts';

function NumberField({ id, label, value, min, max, step, onChange, note }: { id: string; label: string; value: number; min: number; max: number; step?: number; onChange(v: number): void; note?: string }) {
  const bad = !(value >= min && value <= max);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" value={Number.isFinite(value) ? value : ''} min={min} max={max} step={step ?? 1} aria-invalid={bad} aria-describedby={`${id}-note`} onChange={(e) => onChange(e.target.valueAsNumber)} />
      <div className={bad ? 'field-error' : 'allowed'} id={`${id}-note`}>{bad ? `between ${min} and ${max}` : note}</div>
    </div>
  );
}

export function DraftForm() {
  const draft = useLabelling((s) => s.draft);
  const id = useId();
  const [classesText, setClassesText] = useState(draft?.classes.join('\n') ?? '');
  const [name, setName] = useState(draft?.name ?? 'my images');
  const base = defaultLabellingSettings(draft?.count ?? 0, draft?.classes.length ?? 0);
  const [settings, setSettings] = useState(base);
  const [batchTouched, setBatchTouched] = useState(false);
  if (!draft) return null;
  let classes: string[] = [];
  let classProblem: string | null = null;
  try {
    classes = parseClassNames(classesText);
    if (classes.length < 2) classProblem = 'give at least two class names';
  } catch (error) {
    classProblem = error instanceof Error ? error.message : String(error);
  }
  const batchSize = batchTouched ? settings.batchSize : defaultBatchSize(draft.count, classes.length);
  const set = (patch: Partial<typeof settings>) => setSettings((s) => ({ ...s, ...patch }));
  const ok = draft.count > 0 && classProblem === null && batchSize >= 1 && batchSize <= draft.count && settings.epochs >= 1 && settings.epochs <= 200
    && settings.ratio > 0 && settings.ratio < 1 && settings.holdoutShare >= 0 && settings.holdoutShare <= 0.5 && Number.isInteger(settings.seed) && settings.seed >= 0;
  return (
    <form className="label-draft" aria-labelledby={`${id}-title`} onSubmit={(e) => {
      e.preventDefault();
      if (ok) void startLabelling(name.trim() || draft.name, classes, { ...settings, batchSize });
    }}>
      <h3 id={`${id}-title`}>Imported: {count(draft.count)} images ({draft.size} × {draft.size}, {draft.channels === 1 ? 'grey' : 'colour'}){draft.known > 0 ? `, ${count(draft.known)} with known labels` : ''}</h3>
      {draft.skipped.length > 0 && (
        <details className="notice warn" data-testid="label-skipped" open={draft.skipped.length <= 10}>
          <summary>{count(draft.skipped.length)} files skipped</summary>
          <ul>
            {draft.skipped.slice(0, 200).map((s) => (
              <li key={s.name}><strong>{s.name}</strong>: {s.why}</li>
            ))}
            {draft.skipped.length > 200 && <li>… and {count(draft.skipped.length - 200)} more</li>}
          </ul>
        </details>
      )}
      {draft.csvProblems.length > 0 && (
        <details className="notice warn" data-testid="label-csv-problems">
          <summary>{count(draft.csvProblems.length)} lines of the labels CSV were not used</summary>
          <ul>{draft.csvProblems.slice(0, 100).map((p) => <li key={p}>{p}</li>)}</ul>
        </details>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>Session name</label>
        <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-classes`}>Classes (one per line or comma-separated; the first nine get keys 1-9)</label>
        <textarea id={`${id}-classes`} rows={4} value={classesText} aria-invalid={classProblem !== null} aria-describedby={`${id}-classes-note`} onChange={(e) => setClassesText(e.target.value)} disabled={draft.known > 0} />
        <div id={`${id}-classes-note`} className={classProblem ? 'field-error' : 'allowed'}>{classProblem ?? `${classes.length} classes${draft.known > 0 ? ' (fixed by the known labels)' : ''}`}</div>
      </div>
      <fieldset>
        <legend>Selector and rounds</legend>
        <NumberField id={`${id}-batch`} label="Images per batch" value={batchSize} min={1} max={draft.count} onChange={(v) => { setBatchTouched(true); set({ batchSize: v }); }} note="default: 2% of the images, at least 5 per class" />
        <div className="field">
          <label htmlFor={`${id}-metric`}>Which images to ask next</label>
          <select id={`${id}-metric`} value={settings.metric} onChange={(e) => set({ metric: e.target.value as MetricId })}>
            {METRIC_IDS.map((m) => <option key={m} value={m}>{METRIC_NAMES[m]} ({m})</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-model`}>Dense model (the selector is it, pruned)</label>
          <select id={`${id}-model`} value={settings.model} onChange={(e) => set({ model: e.target.value as ModelId })}>
            {MODEL_IDS.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </div>
        <NumberField id={`${id}-ratio`} label="Pruning ratio (share of channels removed)" value={settings.ratio} min={0.05} max={0.95} step={0.05} onChange={(v) => set({ ratio: v })} />
        <NumberField id={`${id}-epochs`} label="Epochs per round" value={settings.epochs} min={1} max={200} onChange={(v) => set({ epochs: v })} />
        <NumberField id={`${id}-holdout`} label="Held-out share of each batch (for the estimate)" value={settings.holdoutShare} min={0} max={0.5} step={0.05} onChange={(v) => set({ holdoutShare: v })} note="a random share, never trained on" />
        <NumberField id={`${id}-seed`} label="Seed" value={settings.seed} min={0} max={0xffffffff} onChange={(v) => set({ seed: v })} />
      </fieldset>
      <div className="controls">
        <button type="submit" disabled={!ok} data-testid="label-start">Start labelling</button>
        <button type="button" onClick={discardDraft}>Discard</button>
      </div>
    </form>
  );
}
