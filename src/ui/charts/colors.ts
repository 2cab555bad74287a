/** One colour per method, stable within a run (the order of the run's methods). */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

export function colourOf(method: string, methods: readonly string[]): string {
  const i = methods.indexOf(method);
  return PALETTE[(i < 0 ? methods.length : i) % PALETTE.length]!;
}

/** What starts the target of a method, in the paper's words. */
export function startOf(method: string): string {
  if (method === 'al') return 'selector = target';
  if (method.startsWith('prunefuse@')) return 'fused + KD';
  if (method.startsWith('prunefuse-nokd@')) return 'fused';
  return 'from scratch';
}
