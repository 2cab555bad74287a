/** The lab store's state, in plain data. */
import type { ConfigKey, RunConfig } from '../core/config/runConfig.ts';
import type { EpochMetrics } from '../core/train/trainer.ts';
import type { MethodMeta, RoundResult, RunResults, TrainingCurve } from '../core/experiment/events.ts';
import type { Verdict } from '../core/experiment/reproduction.ts';
import type { RunSummary } from '../storage/db.ts';
import type { IgnoredValue } from '../url/codec.ts';
import type { PanelId } from '../url/panels.ts';
import type { Example, ExampleIndex } from '../core/experiment/exampleIndex.ts';
import type { SpeedCalibration } from '../core/train/speedCalibration.ts';
import type { WorkKind, WorkPlan, WorkProgressState } from './workPlan.ts';

export type RunStatus = 'idle' | 'starting' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export const isActive = (s: RunStatus): boolean => s === 'starting' || s === 'running' || s === 'cancelling';

/** A text a user typed that does not fit its field, and why. The config keeps its last valid value. */
export interface Draft {
  text: string;
  why: string;
}

export interface DatasetEntry {
  /** The id a config uses: the short id for embedded datasets, the content id for imported ones. */
  id: string;
  /** The content id (`name-hash`). */
  datasetId: string;
  name: string;
  source: 'embedded' | 'imported';
  classes: number;
  counts: { train: number; test: number };
  imageShape: [number, number, number];
  bytes: number;
}

export interface DatasetsState {
  list: DatasetEntry[];
  loaded: boolean;
  /** What is being imported (file names), or null. */
  importing: string | null;
  importProgress: string | null;
  error: string | null;
  message: string | null;
  /** A dataset imported while a run went on: the next Start selects it. */
  next: string | null;
}

/** Where a run is: the network at work now, what it does, and how far it is with that. */
export interface Phase {
  kind: WorkKind;
  track: string;
  role: 'selector' | 'target';
  method?: string;
  round: number;
  rounds: number;
  /** Training: steps; the other kinds: images done of total in the current pass. */
  step: number;
  totalSteps: number;
  epoch: number;
  epochs: number;
}

/** Where the run on screen comes from: running (or run) here, or results opened without running. */
export type RunOrigin = 'live' | 'history' | 'imported' | 'shared' | 'example';

export interface RunState {
  status: RunStatus;
  id: number;
  origin: RunOrigin;
  /** Its entry in the run history, once saved. */
  historyId: string | null;
  /** A name for results opened without running (the history entry's or the file's). */
  title: string | null;
  /** The config of the current or last run. */
  config: RunConfig | null;
  backend: { name: string; reason: string } | null;
  /** What the worker does before training starts ('loading cifar10-subset'). */
  activity: string | null;
  error: string | null;
  /** E.g. 'the worker did not stop in 3 s and was terminated'. */
  notice: string | null;
  deviceLost: string | null;
  phase: Phase | null;
  plan: WorkPlan | null;
  /** Progress measured so far (units done per phase, rates per network and kind). */
  progress: WorkProgressState | null;
  /** Fraction of the run done (of plan.total = 1), by estimated time; and when training started (ms, performance.now()). */
  done: number;
  trainingSince: number | null;
  etaSeconds: number | null;
  seconds: number | null;
}

export interface LiveCurve {
  key: string;
  label: string;
  epochs: number;
  points: EpochMetrics[];
}

export interface Metrics {
  methods: readonly MethodMeta[];
  fractions: readonly number[];
  counts: readonly number[];
  poolSize: number;
  testSize: number;
  /** Round results by method. */
  rounds: Readonly<Record<string, readonly RoundResult[]>>;
  /** Target (and al selector) training curves, in the order they finished. */
  curves: readonly TrainingCurve[];
  live: LiveCurve | null;
  results: RunResults | null;
}

export interface UrlState {
  ignored: IgnoredValue[];
  /** A teacher's link: settings hidden, settings locked (the hidden ones too), views and page parts hidden. */
  hidden: ConfigKey[];
  locked: ConfigKey[];
  panels: PanelId[];
  /** The example the address names while it is on screen (`?example=<id>`). */
  example: string | null;
  noticeDismissed: boolean;
}

/** The example gallery: its index once loaded, why it could not be, and the example on screen. */
export interface ExamplesState {
  index: ExampleIndex | null;
  error: string | null;
  open: Example | null;
}

/** A run in the history list: its stored summary, and whether some tab runs it now. */
export interface HistoryEntry extends RunSummary {
  /** Running in some tab now (it holds the run's lock); else a 'running' entry was interrupted. */
  live: boolean;
}

export interface HistoryState {
  entries: HistoryEntry[];
  loaded: boolean;
  /** Why the history could not be read or written (storage full, IndexedDB unavailable). */
  error: string | null;
  storage: { usage: number; quota: number; persisted: boolean } | null;
  /** A run just deleted, kept until the undo expires. */
  undo: { id: string; name: string } | null;
  /** Runs picked for comparison, by history id. */
  compare: string[];
}

export interface Reproduction {
  recorded: RunResults;
  title: string;
  verdict: Verdict | null;
}

export interface ComparedRun {
  id: string;
  name: string;
  results: RunResults;
}

/** A run repeated under several seeds: the seeds, and the results of those finished so far. */
export interface Repeats {
  config: RunConfig;
  seeds: number[];
  results: RunResults[];
  /** Still running further seeds. */
  running: boolean;
}

export interface ModelCheck {
  busy: boolean;
  text: string;
  /** true: the recorded accuracy, exactly; false: it differs or the files could not be read; null: nothing to compare. */
  ok: boolean | null;
}

/** Speed calibrations of this browser, by calibrationKey (store/timeEstimate.ts), and one being measured. */
export interface SpeedState {
  byKey: Record<string, SpeedCalibration & { reason: string; measuredAt: string }>;
  measuring: string | null;
  error: string | null;
}
