/**
 * The views' hooks over services/datasetImages: the dataset's facts, labels of images and thumbnails, as
 * React state. A request is keyed by its content (dataset and indices), so a live run's new checkpoint
 * asks again only when the images asked for changed; an answer that arrives after the key changed is dropped.
 */
import { useEffect, useState } from 'react';
import { imageLabels, imageThumbnails, lookupDataset, testSetFacts, type DatasetLookup, type LabelledImage, type TestSetFacts } from '../../services/datasetImages.ts';

/** While a new answer loads, `stale` is the last one for the same dataset (a live run's views keep showing it). */
export type Loaded<T> = { state: 'loading'; stale?: T } | { state: 'ready'; value: T } | { state: 'failed'; why: string };

/** The answer, or the stale one while a new one loads. */
export const latest = <T,>(loaded: Loaded<T>): T | undefined => (loaded.state === 'ready' ? loaded.value : loaded.state === 'loading' ? loaded.stale : undefined);

const datasetOf = (key: string) => key.split('|', 1)[0];

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

function useAsync<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    load().then(
      (value) => current && setAnswer({ key, loaded: { state: 'ready', value } }),
      (error: unknown) => current && setAnswer({ key, loaded: { state: 'failed', why: why(error) } }),
    );
    return () => void (current = false);
    // `load` is a new closure every render; `key` names all it depends on.
  }, [key]);
  if (answer && answer.key === key) return answer.loaded;
  const stale = answer && key !== null && datasetOf(answer.key) === datasetOf(key) && answer.loaded.state === 'ready' ? answer.loaded.value : undefined;
  return stale === undefined ? { state: 'loading' } : { state: 'loading', stale };
}

export function useDatasetLookup(id: string | null): Loaded<DatasetLookup> {
  return useAsync(id, () => lookupDataset(id!));
}

/** Labels by index; null key (no dataset, or none available) asks nothing. */
export function useImageLabels(id: string | null, indices: readonly number[]): Loaded<Map<number, number>> {
  return useAsync(id === null ? null : `${id}|${indices.join(',')}`, () => imageLabels(id!, indices));
}

export function useThumbnails(id: string | null, indices: readonly number[]): Loaded<Map<number, LabelledImage>> {
  return useAsync(id === null ? null : `${id}|${indices.join(',')}`, () => imageThumbnails(id!, indices));
}

export function useTestSet(id: string | null, seed: number, caps: { pool: number; test: number }): Loaded<TestSetFacts> {
  return useAsync(id === null ? null : `${id}|${seed}|${caps.pool}|${caps.test}`, () => testSetFacts(id!, seed, caps));
}
