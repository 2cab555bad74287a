/**
 * The method names a run will report, in the engine's order (src/core/experiment/plan.ts): al, then for
 * each pruning ratio the PruneFuse variants, then svp. The charts draw their series from this before a
 * run starts, so no series has to be added while it goes (methodNames.test.ts checks it against planRun).
 */
import type { RunConfig } from '../core/config/runConfig.ts';

const PRUNEFUSE_VARIANTS = ['prunefuse', 'prunefuse-nokd', 'prunefuse-nofuse'] as const;

export function methodNames(config: Pick<RunConfig, 'methods' | 'ratio'>): string[] {
  const names: string[] = [];
  if (config.methods.includes('al')) names.push('al');
  const variants = PRUNEFUSE_VARIANTS.filter((v) => config.methods.includes(v));
  if (variants.length > 0) for (const ratio of config.ratio) for (const v of variants) names.push(`${v}@${ratio}`);
  if (config.methods.includes('svp')) names.push('svp');
  return names;
}
