/**
 * Progress of the inference passes (evaluating test images, scoring the pool) and of ranking, for a host
 * that shows it. The engine's event stream reports training steps; these passes are reported here, to
 * the one listener the host installs (the lab worker), rather than through a callback threaded through
 * every caller. Reports are cheap: one call per inference batch.
 */
export type InferencePhase = 'evaluating' | 'scoring' | 'ranking';

export type InferenceListener = (phase: InferencePhase, done: number, total: number) => void;

let listener: InferenceListener | undefined;

/** Installs (or, with undefined, removes) the listener. */
export function onInferenceProgress(l: InferenceListener | undefined): void {
  listener = l;
}

export function reportInference(phase: InferencePhase, done: number, total: number): void {
  listener?.(phase, done, total);
}
