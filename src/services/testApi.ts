/**
 * A small typed window API for end-to-end tests: read the state as plain data, ask the worker how many
 * tensors are alive, destroy its WebGPU device (as a driver reset would), end the lab's or the labelling
 * worker without a word, and run the benchmark in the lab worker (`npm run bench -- --browser`).
 * Installed by main.tsx.
 */
import { useLab } from '../store/labStore.ts';
import type { LabSnapshot } from './labTestApi.ts';
import { benchInWorker, breakWorker, loseWorkerDevice, workerMemory } from './runController.ts';
import { breakLabellingWorker } from './labelling.ts';

function snapshot(): LabSnapshot {
  const s = useLab.getState();
  const rounds = Object.entries(s.metrics.rounds);
  return {
    status: s.run.status,
    origin: s.run.origin,
    historyId: s.run.historyId,
    backend: s.run.backend?.name ?? null,
    backendReason: s.run.backend?.reason ?? null,
    error: s.run.error,
    notice: s.run.notice,
    config: s.config,
    ignored: s.url.ignored,
    hidden: [...s.url.hidden],
    datasets: s.datasets.list.map((d) => d.id),
    importError: s.datasets.error,
    accuracies: Object.fromEntries(rounds.map(([m, r]) => [m, r.map((x) => x.targetAccuracy ?? x.selectorAccuracy)])),
    selectorAccuracies: Object.fromEntries(rounds.map(([m, r]) => [m, r.map((x) => x.selectorAccuracy)])),
    roundsDone: rounds.reduce((n, [, r]) => n + r.length, 0),
    seconds: s.run.seconds,
  };
}

export function installTestApi(): void {
  window.__lab = { state: snapshot, workerMemory, loseDevice: loseWorkerDevice, breakWorker, breakLabellingWorker, bench: benchInWorker };
}
