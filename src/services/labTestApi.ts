/** Types of the window test API (window.__lab), importable by the e2e specs without the app's modules. */
import type { RunConfig } from '../core/config/runConfig.ts';
import type { BenchRequest, BenchRow } from '../protocol/bench.ts';
import type { RunOrigin, RunStatus } from '../store/types.ts';
import type { IgnoredValue } from '../url/codec.ts';

export interface LabSnapshot {
  status: RunStatus;
  /** 'live', or where results shown without running came from. */
  origin: RunOrigin;
  historyId: string | null;
  backend: string | null;
  backendReason: string | null;
  error: string | null;
  notice: string | null;
  config: RunConfig;
  ignored: IgnoredValue[];
  hidden: string[];
  datasets: string[];
  importError: string | null;
  /** Final test accuracy of each method per round (target for all but al, whose selector is the target). */
  accuracies: Record<string, number[]>;
  selectorAccuracies: Record<string, number[]>;
  roundsDone: number;
  seconds: number | null;
}

export interface LabTestApi {
  state(): LabSnapshot;
  workerMemory(): Promise<{ numTensors: number; numBytes: number; backend: string } | null>;
  /** Destroys the lab worker's WebGPU device; false without a worker or a device. */
  loseDevice(): Promise<boolean>;
  /** Makes the lab worker end without an error ('close') or block forever ('hang'); false without a worker. */
  breakWorker(how: 'close' | 'hang'): Promise<boolean>;
  /** Makes the labelling worker end without an error; false without one. */
  breakLabellingWorker(): Promise<boolean>;
  /** Runs the benchmark in the lab worker (`npm run bench -- --browser`); progress lines through `onProgress`. */
  bench(request: BenchRequest, onProgress?: (line: string) => void): Promise<BenchRow[]>;
}

declare global {
  interface Window {
    __lab?: LabTestApi;
  }
}

