/**
 * The pruning worker (workers/pruning.worker.ts), started on first use and kept for the page: channel
 * scores and kept channels of the current settings, and initial kernel norms, computed off the main thread.
 */
import * as Comlink from 'comlink';
import type { PruningWorkerApi } from '../../workers/pruning.worker.ts';
import type { InitKey, PruningRequest, RatioPruning } from '../core/prune/preview.ts';
import type { KernelNorms } from '../core/fuse/snapshot.ts';
import type { PruningSummary } from '../core/prune/summary.ts';

let remote: Comlink.Remote<PruningWorkerApi> | undefined;

function pruningWorker(): Comlink.Remote<PruningWorkerApi> {
  remote ??= Comlink.wrap<PruningWorkerApi>(new Worker(new URL('../../workers/pruning.worker.ts', import.meta.url), { type: 'module', name: 'pruning-preview' }));
  return remote;
}

export const previewPruning = (request: PruningRequest): Promise<RatioPruning[]> => pruningWorker().pruning(request);

export const previewInitialNorms = (key: InitKey): Promise<KernelNorms[]> => pruningWorker().initialNorms(key);

export const previewSummaries = (request: PruningRequest): Promise<PruningSummary[]> => pruningWorker().summaries(request);
