/**
 * The lab's store: the config (mirrored to the URL by services/urlSync), the datasets, the run and its
 * metrics. Actions are grouped under `actions`; they only change state. Side effects (workers, URL,
 * IndexedDB, clipboard) live in services/. Per-step events reach it in batches, about once per frame.
 */
import { create } from 'zustand';
import { fieldProblem, formatFieldValue, parseFieldText, type FieldValue } from '../core/config/fields.ts';
import { CONFIG_FIELDS, cloneConfig, defaultConfig, type ConfigKey, type RunConfig } from '../core/config/runConfig.ts';
import type { DecodedConfig } from '../url/codec.ts';
import type { LabEvent } from '../protocol/workerProtocol.ts';
import { emptyMetrics, reduceEvents } from './reduceEvents.ts';
import { endOfRun } from './runEnd.ts';
import { endStatus, type RunResults } from '../core/experiment/events.ts';
import { metricsFromResults } from './metricsFromResults.ts';
import { isActive, type DatasetEntry, type DatasetsState, type Draft, type ComparedRun, type ExamplesState, type HistoryState, type Metrics, type ModelCheck, type Repeats, type Reproduction, type RunOrigin, type RunState, type SpeedState, type UrlState } from './types.ts';

export interface LabActions {
  setValue(key: ConfigKey, value: FieldValue): void;
  setText(key: ConfigKey, text: string): void;
  loadDecoded(decoded: DecodedConfig): void;
  replaceConfig(config: RunConfig): void;
  /** The defaults, except the seed and the settings a teacher's link hides or locks. */
  resetConfig(): void;
  dismissUrlNotice(): void;

  setDatasets(list: DatasetEntry[]): void;
  importStarted(what: string): void;
  importProgress(text: string): void;
  importFailed(message: string): void;
  /** A new dataset: selected at once, or, while a run goes, for the next run (the URL keeps the running run's). */
  importDone(entry: DatasetEntry, message: string): void;
  datasetMessage(message: string | null): void;
  /** Selects the dataset imported during the last run, if any (at the next Start). */
  takeNextDataset(): void;

  /** A new run (or the resumption of history entry `historyId`); returns the run's id. */
  runStarting(config: RunConfig, historyId?: string): number;
  savedAs(runId: number, historyId: string): void;
  /** Shows results without running: a history entry, an imported file, shared results. */
  showResults(results: RunResults, origin: Exclude<RunOrigin, 'live'>, historyId: string | null, title: string): void;
  setHistory(patch: Partial<HistoryState>): void;
  setReproduction(r: Reproduction | null): void;
  setComparison(runs: ComparedRun[]): void;
  setRepeats(repeats: Repeats | null): void;
  setModelCheck(check: ModelCheck | null): void;
  applyEvents(id: number, events: readonly LabEvent[]): void;
  /** The worker's call returned: its events, the results among them, have all been applied. */
  runSettled(id: number): void;
  runFailed(id: number, message: string): void;
  cancelRequested(): void;
  runTerminated(id: number, notice: string): void;

  /** A link to share, whether it reached the clipboard, or why there is none. */
  setShare(url: string | null, copied: boolean, problem?: string): void;
  setExamples(patch: Partial<ExamplesState>): void;
  setSpeed(patch: Partial<SpeedState>): void;
  /** The example the address names: set while one is on screen, null once the settings change or a run starts. */
  setUrlExample(id: string | null): void;
  /** This page's memory with its workers, as the browser measured it (bytes). */
  setMeasuredMemory(bytes: number): void;
}

export interface LabState {
  config: RunConfig;
  drafts: Partial<Record<ConfigKey, Draft>>;
  url: UrlState;
  datasets: DatasetsState;
  run: RunState;
  metrics: Metrics;
  share: { url: string | null; copied: boolean; problem: string | null };
  history: HistoryState;
  /** A rerun of recorded results, and its verdict once it ends. */
  reproduction: Reproduction | null;
  /** Saved runs loaded for the comparison charts, in the order picked. */
  comparison: ComparedRun[];
  /** The repeats of the last run with several seeds. */
  repeats: Repeats | null;
  /** The last check of an exported model opened in the lab. */
  modelCheck: ModelCheck | null;
  /** performance.measureUserAgentSpecificMemory()'s last answer (bytes), or null. */
  measuredMemory: number | null;
  examples: ExamplesState;
  speed: SpeedState;
  actions: LabActions;
}

const idleRun = (): RunState => ({
  status: 'idle', id: 0, origin: 'live', historyId: null, title: null, config: null, backend: null, activity: null, error: null, notice: null, deviceLost: null,
  phase: null, plan: null, progress: null, done: 0, trainingSince: null, etaSeconds: null, seconds: null,
});

const withoutDraft = (drafts: LabState['drafts'], key: ConfigKey): LabState['drafts'] => {
  if (!(key in drafts)) return drafts;
  const next = { ...drafts };
  delete next[key];
  return next;
};

export const useLab = create<LabState>()((set, get) => ({
  config: defaultConfig(),
  drafts: {},
  url: { ignored: [], hidden: [], locked: [], panels: [], example: null, noticeDismissed: false },
  datasets: { list: [], loaded: false, importing: null, importProgress: null, error: null, message: null, next: null },
  run: idleRun(),
  metrics: emptyMetrics(),
  share: { url: null, copied: false, problem: null },
  history: { entries: [], loaded: false, error: null, storage: null, undo: null, compare: [] },
  reproduction: null,
  comparison: [],
  repeats: null,
  modelCheck: null,
  measuredMemory: null,
  examples: { index: null, error: null, open: null },
  speed: { byKey: {}, measuring: null, error: null },
  actions: {
    setValue(key, value) {
      if (get().url.locked.includes(key)) return;
      const why = fieldProblem(CONFIG_FIELDS[key], value);
      if (why) {
        set((s) => ({ drafts: { ...s.drafts, [key]: { text: formatFieldValue(value), why } } }));
        return;
      }
      set((s) => ({
        config: { ...s.config, [key]: value },
        drafts: withoutDraft(s.drafts, key),
        share: { url: null, copied: false, problem: null },
        ...(key === 'dataset' && s.datasets.next ? { datasets: { ...s.datasets, next: null } } : {}),
      }));
    },
    setText(key, text) {
      if (get().url.locked.includes(key)) return;
      const checked = parseFieldText(CONFIG_FIELDS[key], text);
      if ('why' in checked) set((s) => ({ drafts: { ...s.drafts, [key]: { text, why: checked.why } } }));
      else set((s) => ({ config: { ...s.config, [key]: checked.value }, drafts: withoutDraft(s.drafts, key), share: { url: null, copied: false, problem: null } }));
    },
    loadDecoded(decoded) {
      const { ignored, hidden, locked, panels, example } = decoded;
      set({ config: cloneConfig(decoded.config), drafts: {}, url: { ignored, hidden, locked, panels, example, noticeDismissed: false } });
    },
    replaceConfig(config) {
      set({ config: cloneConfig(config), drafts: {} });
    },
    resetConfig() {
      set((s) => {
        const kept = Object.fromEntries(s.url.locked.map((k) => [k, s.config[k]]));
        return { config: cloneConfig({ ...defaultConfig(), seed: s.config.seed, ...kept }), drafts: {} };
      });
    },
    dismissUrlNotice() {
      set((s) => ({ url: { ...s.url, noticeDismissed: true } }));
    },

    setDatasets(list) {
      set((s) => ({ datasets: { ...s.datasets, list, loaded: true, next: list.some((d) => d.id === s.datasets.next) ? s.datasets.next : null } }));
    },
    importStarted(what) {
      set((s) => ({ datasets: { ...s.datasets, importing: what, importProgress: null, error: null, message: null } }));
    },
    importProgress(text) {
      set((s) => ({ datasets: { ...s.datasets, importProgress: text } }));
    },
    importFailed(message) {
      set((s) => ({ datasets: { ...s.datasets, importing: null, importProgress: null, error: message } }));
    },
    importDone(entry, message) {
      set((s) => {
        const list = [...s.datasets.list.filter((d) => d.id !== entry.id), entry];
        const done = { ...s.datasets, importing: null, importProgress: null, error: null, list };
        if (isActive(s.run.status)) {
          const note = `${message}; it is selected for the next run (the run going on, and its link, stay on ${s.run.config?.dataset ?? s.config.dataset})`;
          return { datasets: { ...done, message: note, next: entry.id } };
        }
        return { datasets: { ...done, message, next: null }, config: { ...s.config, dataset: entry.id }, drafts: withoutDraft(s.drafts, 'dataset') };
      });
    },
    takeNextDataset() {
      const { datasets, config } = get();
      if (!datasets.next) return;
      set({ config: { ...config, dataset: datasets.next }, drafts: withoutDraft(get().drafts, 'dataset'), datasets: { ...datasets, next: null, message: null } });
    },
    datasetMessage(message) {
      set((s) => ({ datasets: { ...s.datasets, message, error: null } }));
    },

    runStarting(config, historyId) {
      const id = get().run.id + 1;
      set({ run: { ...idleRun(), id, historyId: historyId ?? null, status: 'starting', config: cloneConfig(config), activity: 'starting the worker' }, metrics: emptyMetrics() });
      return id;
    },
    savedAs(runId, historyId) {
      const { run } = get();
      if (run.id === runId) set({ run: { ...run, historyId } });
    },
    showResults(results, origin, historyId, title) {
      const { run } = get();
      if (isActive(run.status)) return;
      const status = endStatus(results);
      set({
        run: { ...idleRun(), id: run.id + 1, origin, historyId, title, status, config: cloneConfig(results.config), backend: { name: results.backend, reason: 'as recorded' }, seconds: results.seconds, error: status === 'failed' ? (results.stopped ?? null) : null },
        metrics: metricsFromResults(results),
      });
    },
    setHistory(patch) {
      set((s) => ({ history: { ...s.history, ...patch } }));
    },
    setReproduction(reproduction) {
      set({ reproduction });
    },
    setComparison(comparison) {
      set({ comparison });
    },
    setRepeats(repeats) {
      set({ repeats });
    },
    setModelCheck(modelCheck) {
      set({ modelCheck });
    },
    applyEvents(id, events) {
      const s = get();
      if (s.run.id !== id || events.length === 0) return;
      const next = reduceEvents(s.run, s.metrics, events, performance.now());
      set({ run: next.run, metrics: next.metrics });
    },
    runSettled(id) {
      const { run } = get();
      // Still active: the worker stopped before the experiment began (cancelled while starting).
      if (run.id === id && isActive(run.status)) set({ run: { ...run, status: 'cancelled', activity: null, etaSeconds: null } });
    },
    runFailed(id, message) {
      const { run } = get();
      if (run.id !== id || !isActive(run.status)) return;
      set({ run: { ...run, ...endOfRun(run, false, message), activity: null, etaSeconds: null } });
    },
    cancelRequested() {
      const { run } = get();
      if (isActive(run.status)) set({ run: { ...run, status: 'cancelling' } });
    },
    runTerminated(id, notice) {
      const { run } = get();
      if (run.id !== id || !isActive(run.status)) return;
      set({ run: { ...run, status: run.status === 'cancelling' ? 'cancelled' : 'failed', notice, activity: null, etaSeconds: null, ...(run.status === 'cancelling' ? {} : { error: notice }) } });
    },

    setShare(url, copied, problem) {
      set({ share: { url, copied, problem: problem ?? null } });
    },
    setExamples(patch) {
      set((s) => ({ examples: { ...s.examples, ...patch } }));
    },
    setSpeed(patch) {
      set((s) => ({ speed: { ...s.speed, ...patch } }));
    },
    setUrlExample(example) {
      set((s) => (s.url.example === example ? {} : { url: { ...s.url, example } }));
    },
    setMeasuredMemory(bytes) {
      set({ measuredMemory: bytes });
    },
  },
}));

export const labActions = (): LabActions => useLab.getState().actions;
