/**
 * Backends, as configs name them and as hosts report them. The lab's worker (workers/backend.ts) and the
 * CLI (src/cli/backend.ts) each choose one; this is the vocabulary both use and the page shows.
 */
export const BACKEND_IDS = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendId = (typeof BACKEND_IDS)[number];

/** A backend asked for by name ('auto' leaves the choice to the host). */
export type BackendRequest = Exclude<BackendId, 'auto'>;

/** The backend a host chose, and why, in words the lab shows. */
export interface BackendChoice {
  name: string;
  reason: string;
  /** XNNPACK threads (wasm only). */
  threads?: number;
}
