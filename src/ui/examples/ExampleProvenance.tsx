/** Where and how long an example's recording ran, and what it teaches. */
import type { Example } from '../../core/experiment/exampleIndex.ts';
import { seconds } from '../format.ts';

export function recordingText(example: Example): string {
  const total = example.runs.reduce((n, r) => n + r.seconds, 0);
  const backends = [...new Set(example.runs.map((r) => `${r.backend}${r.backend === 'wasm' ? `, ${r.threads} thread${r.threads === 1 ? '' : 's'}` : ''}`))].join('; ');
  const runs = example.runs.length > 1 ? `${example.runs.length} runs, ` : '';
  return `recorded with the headless runner on a ${example.machine} (${backends}): ${runs}${seconds(total)}`;
}

export function ExampleProvenance({ example }: { example: Example }) {
  return (
    <span className="provenance" data-testid="example.provenance">
      {' '}
      {example.lesson} <span className="muted">({recordingText(example)}.)</span>
    </span>
  );
}
