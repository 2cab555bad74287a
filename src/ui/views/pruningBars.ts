/**
 * The pruning view's bars, as plain data: per residual group (or single layer), every channel's L2 score
 * at initialisation as a bar, the kept bars and the pruned bars each drawn as one SVG path (a few elements
 * per group, however many channels), and the groups sorted into residual groups and per-stage layers.
 */
import type { PruningGroup } from '../../core/prune/prune.ts';
import { blockName, convLayersOf, type ResNetSpec } from '../../core/models/spec.ts';

/** Bar width and gap, and the plot's height, in SVG units (the SVG scales to its box). */
export const BAR = { width: 6, gap: 1, height: 60 } as const;

export type BarOrder = 'channel' | 'score';

export interface GroupBars {
  /** The group's first member, as a key. */
  id: string;
  members: string[];
  /** Several layers share these channels (a residual addition ties them). */
  residual: boolean;
  /** 1, 2, 3 for the stage of its first member; 0 for the stem's group. */
  stage: number;
  width: number;
  keptCount: number;
  /** Channel index of each bar, left to right. */
  order: number[];
  keptPath: string;
  prunedPath: string;
  /** Height of the lowest kept score, in SVG units from the top (the cut line). */
  cutY: number;
  viewWidth: number;
}

/** The stage (1, 2, 3) of every conv layer of a spec; 0 for the stem. */
export function layerStages(spec: ResNetSpec): Map<string, number> {
  const stages = new Map<string, number>(convLayersOf(spec).map((l) => [l.name, 0]));
  spec.stages.forEach((blocks, si) => blocks.forEach((_, bi) => {
    const prefix = `${blockName(si, bi)}.`;
    for (const name of stages.keys()) if (name.startsWith(prefix)) stages.set(name, si + 1);
  }));
  return stages;
}

const fmt = (x: number): string => String(Math.round(x * 100) / 100);

/** The bars of one group on a shared score scale [0, maxScore]. */
export function groupBars(group: PruningGroup, maxScore: number, order: BarOrder, stage = 0): GroupBars {
  const n = group.scores.length;
  const kept = new Set(group.kept);
  const idx = Array.from({ length: n }, (_, i) => i);
  if (order === 'score') idx.sort((a, b) => group.scores[b]! - group.scores[a]! || a - b);
  const scale = maxScore > 0 ? BAR.height / maxScore : 0;
  let keptPath = '';
  let prunedPath = '';
  idx.forEach((c, x) => {
    const h = Math.max(0.5, group.scores[c]! * scale);
    const rect = `M${fmt(x * (BAR.width + BAR.gap))} ${fmt(BAR.height - h)}h${BAR.width}v${fmt(h)}h-${BAR.width}z`;
    if (kept.has(c)) keptPath += rect;
    else prunedPath += rect;
  });
  const lowestKept = Math.min(...group.kept.map((k) => group.scores[k]!));
  return {
    id: group.members[0]!, members: group.members, residual: group.members.length > 1, stage,
    width: n, keptCount: group.kept.length, order: idx, keptPath, prunedPath,
    cutY: BAR.height - lowestKept * scale, viewWidth: n * (BAR.width + BAR.gap) - BAR.gap,
  };
}

export interface PruningLayout {
  maxScore: number;
  /** Groups whose channels several layers share, in network order. */
  residual: GroupBars[];
  /** Single-layer groups per stage (index 0: stage 1). */
  stages: GroupBars[][];
  keptChannels: number;
  channels: number;
}

export function pruningLayout(spec: ResNetSpec, groups: readonly PruningGroup[], order: BarOrder): PruningLayout {
  let maxScore = 0;
  for (const g of groups) for (const s of g.scores) if (s > maxScore) maxScore = s;
  const stageOf = layerStages(spec);
  const bars = groups.map((g) => groupBars(g, maxScore, order, stageOf.get(g.members[0]!) ?? 0));
  const stages: GroupBars[][] = spec.stages.map(() => []);
  for (const b of bars) if (!b.residual) stages[Math.max(0, b.stage - 1)]!.push(b);
  return {
    maxScore, residual: bars.filter((b) => b.residual), stages,
    keptChannels: groups.reduce((n, g) => n + g.kept.length, 0), channels: groups.reduce((n, g) => n + g.scores.length, 0),
  };
}

/** "stem + s1.b0.conv2 + 2 more" style short name of a group. */
export function groupLabel(members: readonly string[]): string {
  return members.length <= 3 ? members.join(' + ') : `${members.slice(0, 2).join(' + ')} + ${members.length - 2} more`;
}
