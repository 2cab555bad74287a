/**
 * The selection metrics by the ids configs and URLs use, with their names in words. Free of tfjs, so the
 * page can list them without loading the engine; select/index.ts maps each id to its strategy.
 */
export const METRIC_IDS = ['lc', 'entropy', 'margin', 'kcenter', 'random'] as const;
export type MetricId = (typeof METRIC_IDS)[number];
