/** Says why a view shows no pictures or classes: the run's dataset is not in this browser, or is still loading. */
import type { Loaded } from './useDatasetImages.ts';
import type { DatasetLookup } from '../../services/datasetImages.ts';

export function DatasetNote({ lookup, name, what }: { lookup: Loaded<DatasetLookup>; name: string; what: string }) {
  if (lookup.state === 'loading') return <p className="muted" data-testid="dataset.loading">Reading {name}…</p>;
  const why = lookup.state === 'failed' ? lookup.why : lookup.value.available ? null : lookup.value.why;
  if (why === null) return null;
  return (
    <p className="notice warn" data-testid="dataset.unavailable">
      The run’s dataset, {name}, is not available in this browser ({why}), so {what}.
    </p>
  );
}
