/**
 * The trade-off plot's tooltip: the point under the pointer in words (method, pruning ratio, cost in FLOPs
 * and seconds, accuracy), naming every method drawn at that place. Drawn by the lab, not by recharts'
 * Tooltip: in recharts 3.11 an item tooltip on a ScatterChart whose scatters hold their own data stays
 * empty (the hover is recorded, but the payload lookup finds nothing). Delete this when that works.
 */
import { flops, seconds } from '../format.ts';
import type { TradeoffPoint } from './data.ts';
import { pctValue } from './format.ts';

/** The point under the pointer and where it is drawn (px from the plot's top left). */
export interface Hovered {
  point: TradeoffPoint;
  x: number;
  y: number;
}

/** Points drawn at the same place (same cost and accuracy): the later covers the earlier. */
export const samePlace = (a: TradeoffPoint, b: TradeoffPoint): boolean => a.flops === b.flops && a.accuracy === b.accuracy;

export function PointTooltip({ hovered, points }: { hovered: Hovered | null; points: readonly TradeoffPoint[] }) {
  if (!hovered) return null;
  const p = hovered.point;
  const here = points.filter((q) => samePlace(q, p)).map((q) => q.method);
  return (
    <div className="chart-tooltip floating" style={{ left: hovered.x + 10, top: Math.max(0, hovered.y - 10) }} data-testid="chart.tradeoff.tooltip">
      <strong>{here.join(' = ')}</strong>
      {p.ratio !== undefined && <div>pruning ratio {p.ratio}</div>}
      <div>
        selection cost {flops(p.flops)}, {seconds(p.seconds)}
      </div>
      <div>final test accuracy {pctValue(p.accuracy)}</div>
    </div>
  );
}
