/** Tick labels as plain SVG text: recharts' Text measures every new label in the DOM. */
import type { ReactNode } from 'react';

interface TickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value: unknown };
  tickFormatter?: ((value: never, index: number) => string) | undefined;
  index?: number;
}

const label = (p: TickProps): string => {
  const v = p.payload?.value;
  return p.tickFormatter ? p.tickFormatter(v as never, p.index ?? 0) : String(v);
};

export function xTick(p: TickProps): ReactNode {
  return (
    <text x={p.x} y={Number(p.y) + 10} textAnchor="middle" fontSize={11} fill="#555">
      {label(p)}
    </text>
  );
}

export function yTick(p: TickProps): ReactNode {
  return (
    <text x={p.x} y={Number(p.y) + 4} textAnchor={p.textAnchor ?? 'end'} fontSize={11} fill="#555">
      {label(p)}
    </text>
  );
}
