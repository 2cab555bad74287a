/**
 * What a teacher's link can hide besides settings (`hide=` in the URL, a comma-separated list): the views,
 * the charts of the results view, and the parts of the page a class may not need. Ids, then names in words.
 */
export const PANELS = {
  results: 'Results view',
  how: 'How it works view',
  pruning: 'Pruning view',
  selection: 'Selection view',
  fusion: 'Fusion view',
  outcome: 'Outcome view',
  training: 'Chart: training curves (live)',
  selectorTarget: 'Chart: selector vs target accuracy',
  accuracy: 'Chart: accuracy vs labelled fraction',
  cost: 'Charts: selection cost (FLOPs and time)',
  tradeoff: 'Chart: accuracy vs selection cost',
  curves: 'Chart: fused vs non-fused training',
  importer: 'Dataset importer',
  examples: 'Examples and presets',
  history: 'Run history',
} as const;

export type PanelId = keyof typeof PANELS;
export const PANEL_IDS = Object.keys(PANELS) as PanelId[];
export const isPanel = (id: string): id is PanelId => id in PANELS;
