/**
 * Shaping the metrics into chart rows. Series keys are positional ('s0', 's1', ...) because recharts reads
 * a dotted dataKey as a path, and method names such as 'prunefuse@0.5' have dots.
 */
import { finalAccuracy, type RoundResult, type TrainingCurve } from '../../core/experiment/events.ts';

export { finalAccuracy };
import type { MethodPlan } from '../../core/experiment/methods.ts';

export type Row = Record<string, number | undefined>;

export const seriesKey = (i: number): string => `s${i}`;

export interface RoundSeries {
  rows: Row[];
  points: number;
}

/** The same empty series every time, so a chart with nothing to show does not redraw. */
const NO_SERIES: RoundSeries = { rows: [], points: 0 };

/** One row per labelled fraction; series i holds value(round) of methods[i]. */
export function byFraction(fractions: readonly number[], methods: readonly string[], rounds: Readonly<Record<string, readonly RoundResult[]>>, value: (r: RoundResult) => number | undefined): RoundSeries {
  let points = 0;
  const rows = fractions.map((fraction, round) => {
    const row: Row = { fraction };
    methods.forEach((m, i) => {
      const r = rounds[m]?.find((x) => x.round === round);
      const v = r ? value(r) : undefined;
      if (v !== undefined && Number.isFinite(v)) {
        row[seriesKey(i)] = v;
        points++;
      }
    });
    return row;
  });
  return points === 0 ? NO_SERIES : { rows: rows.filter((r) => Object.keys(r).length > 1), points };
}


export interface CurveGroup {
  round: number;
  fraction: number;
  labeled: number;
  /** Methods in run order that have a curve at this round. */
  methods: string[];
  rows: Row[];
  points: number;
}

/** Target training curves (test accuracy per epoch) grouped by round; series follow `methods`. */
export function curveGroups(curves: readonly TrainingCurve[], methods: readonly string[]): CurveGroup[] {
  const groups = new Map<number, TrainingCurve[]>();
  for (const c of curves) groups.set(c.round, [...(groups.get(c.round) ?? []), c]);
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([round, list]) => {
      const present = methods.filter((m) => list.some((c) => c.method === m));
      const epochs = Math.max(...list.map((c) => c.epochs.length));
      let points = 0;
      const rows: Row[] = Array.from({ length: epochs }, (_, e) => {
        const row: Row = { epoch: e + 1 };
        present.forEach((m, i) => {
          const v = list.find((c) => c.method === m)?.epochs[e]?.testAccuracy;
          if (v !== undefined) {
            row[seriesKey(i)] = v;
            points++;
          }
        });
        return row;
      });
      return { round, fraction: list[0]!.fraction, labeled: list[0]!.labeled, methods: present, rows, points };
    });
}

export interface TradeoffPoint {
  method: string;
  ratio: number | undefined;
  flops: number;
  seconds: number;
  accuracy: number;
}

/** Final accuracy against cumulative selection cost, one point per method (and ratio). */
export function tradeoffPoints(plans: readonly MethodPlan[], rounds: Readonly<Record<string, readonly RoundResult[]>>): TradeoffPoint[] {
  return plans.flatMap(({ method, ratio }) => {
    const last = rounds[method]?.at(-1);
    if (!last) return [];
    return [{ method, ratio, flops: last.cumulativeSelectionFlops, seconds: last.cumulativeSelectionSeconds, accuracy: finalAccuracy(last) }];
  });
}
