/**
 * The page's claim on a core while it draws. On a cross-origin isolated page a flag in shared memory goes to
 * every worker that trains (usePageClaim in src/core/kernels/kernelThreads.ts): while it is set, their
 * kernels leave their helper threads asleep, so that on a machine whose cores a run fills (wasm on every
 * core) the main thread finds a free core for a chart's redraw instead of waiting its turn among three busy
 * threads. The charts set it for their redraw turns (src/ui/charts/useStaggered.ts). Results do not change.
 */
const flag: Int32Array | undefined =
  typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true ? new Int32Array(new SharedArrayBuffer(4)) : undefined;

/** The flag for a worker (undefined where the page cannot share memory). */
export function pageClaimFlag(): Int32Array | undefined {
  return flag;
}

/** Claims a core (true) or gives it back (false). */
export function claimCore(on: boolean): void {
  if (flag) Atomics.store(flag, 0, on ? 1 : 0);
}
