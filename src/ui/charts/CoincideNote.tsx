/** Says which lines of a plot coincide (see coincide.ts), so a covered series is not taken for missing. */
import { useMemo } from 'react';
import { coincidentGroups } from './coincide.ts';
import type { Row } from './data.ts';

export function CoincideNote({ rows, series }: { rows: readonly Row[]; series: ReadonlyArray<{ key: string; name: string }> }) {
  const groups = useMemo(() => coincidentGroups(rows, series.map((s) => s.key)), [rows, series]);
  if (groups.length === 0) return null;
  const name = (key: string) => series.find((s) => s.key === key)?.name ?? key;
  return (
    <p className="hint coincide" data-testid="chart.coincide">
      Same line (drawn over each other): {groups.map((g) => g.map(name).join(' = ')).join('; ')}.
    </p>
  );
}
