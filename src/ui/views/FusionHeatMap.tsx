/**
 * The fusion heat map on a canvas (up to 64 x 64 cells, drawn in a few milliseconds): each cell one kernel's
 * norm, darker for larger; a dot marks the entries copied from the trained pruned network, and ticks on the
 * left and top edges mark the kept output and input channels. With kept channels first, the copied entries
 * form one outlined block.
 */
import { useEffect, useRef } from 'react';
import { heatColor, type FusionMap } from './fusionMap.ts';

const CELL = 7;
const EDGE = 5;

function draw(ctx: CanvasRenderingContext2D, m: FusionMap, keptFirst: boolean): void {
  const { rowOrder, colOrder, cols } = m;
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.fillStyle = '#1d2330';
  rowOrder.forEach((r, y) => m.keptRows.has(r) && ctx.fillRect(0, EDGE + y * CELL + 1, EDGE - 1, CELL - 2));
  colOrder.forEach((c, x) => m.keptCols.has(c) && ctx.fillRect(EDGE + x * CELL + 1, 0, CELL - 2, EDGE - 1));
  rowOrder.forEach((r, y) => {
    colOrder.forEach((c, x) => {
      const i = r * cols + c;
      const shade = heatColor(m.maxNorm > 0 ? m.norms[i]! / m.maxNorm : 0);
      const [px, py] = [EDGE + x * CELL, EDGE + y * CELL];
      ctx.fillStyle = shade.rgb;
      ctx.fillRect(px, py, CELL, CELL);
      if (m.copied[i]) {
        ctx.fillStyle = shade.dark ? '#ffffff' : '#000000';
        ctx.fillRect(px + 2, py + 2, CELL - 4, CELL - 4);
      }
    });
  });
  if (keptFirst && m.keptRows.size > 0 && m.keptCols.size > 0) {
    ctx.strokeStyle = '#c2410c';
    ctx.lineWidth = 2;
    ctx.strokeRect(EDGE + 1, EDGE + 1, m.keptCols.size * CELL - 2, m.keptRows.size * CELL - 2);
  }
}

export function FusionHeatMap({ map, keptFirst, label }: { map: FusionMap; keptFirst: boolean; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [w, h] = [EDGE + map.cols * CELL, EDGE + map.rows * CELL];
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) draw(ctx, map, keptFirst);
  }, [map, keptFirst]);
  return (
    <div className="method-scroll heat-scroll">
      <canvas ref={ref} width={w} height={h} role="img" aria-label={label} data-testid="fusion.heatmap" data-cells={map.rows * map.cols} />
    </div>
  );
}

/** The legend's swatches, drawn as the map draws them. */
export function FusionLegend({ keptFirst }: { keptFirst: boolean }) {
  const light = heatColor(0.15).rgb;
  const dark = heatColor(0.9).rgb;
  return (
    <ul className="legend method-legend" aria-label="Legend">
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <rect x="0" y="0" width="14" height="14" fill={light} /><rect x="4" y="4" width="6" height="6" fill="#000" />
          <rect x="14" y="0" width="14" height="14" fill={dark} /><rect x="18" y="4" width="6" height="6" fill="#fff" />
        </svg>
        copied from the trained pruned network (square dot)
      </li>
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <rect x="0" y="0" width="14" height="14" fill={light} /><rect x="14" y="0" width="14" height="14" fill={dark} />
        </svg>
        keeps its initial value (plain)
      </li>
      <li>
        <svg width="60" height="14" aria-hidden="true">
          {Array.from({ length: 6 }, (_, i) => <rect key={i} x={i * 10} y="0" width="10" height="14" fill={heatColor(i / 5).rgb} />)}
        </svg>
        kernel norm, small to large
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true"><rect x="0" y="4" width="14" height="5" fill="#1d2330" /></svg>
        edge tick: a kept channel
      </li>
      {keptFirst && (
        <li>
          <svg width="18" height="14" aria-hidden="true"><rect x="1" y="1" width="16" height="12" fill="none" stroke="#c2410c" strokeWidth="2" /></svg>
          outlined block: every copied entry
        </li>
      )}
    </ul>
  );
}
