/**
 * Pruning previews off the main thread: the seeded initialisation, channel scores and kept channels of the
 * current settings, what global pruning means for the network's size, and the initial kernel norms for the
 * fusion view. tfjs-free (src/core/prune/preview.ts);
 * initialising resnet110 or resnet164 takes longer than a frame, so it never runs on the page.
 */
import * as Comlink from 'comlink';
import { InitCache, initialNorms, previewPruning, previewSummaries, type InitKey, type PruningRequest } from '../src/core/prune/preview.ts';

const cache = new InitCache();

const api = {
  pruning: (request: PruningRequest) => previewPruning(request, cache),
  summaries: (request: PruningRequest) => previewSummaries(request, cache),
  initialNorms: (key: InitKey) => initialNorms(key, cache),
};

export type PruningWorkerApi = typeof api;

Comlink.expose(api);
