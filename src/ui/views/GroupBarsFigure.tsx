/** One residual group's (or single layer's) channels as bars: kept filled, pruned outlined, the cut dashed. */
import { memo } from 'react';
import { BAR, groupLabel, type GroupBars } from './pruningBars.ts';

export const GroupBarsFigure = memo(function GroupBarsFigure({ bars }: { bars: GroupBars }) {
  const { members, residual, keptCount, width } = bars;
  const summary = `${groupLabel(members)}: ${keptCount} of ${width} channels kept`;
  return (
    <figure className="group-bars" data-testid={`pruning.group.${bars.id}`} data-kept={keptCount} data-channels={width}>
      <svg
        viewBox={`0 0 ${bars.viewWidth} ${BAR.height}`}
        preserveAspectRatio="none"
        style={{ maxWidth: `${bars.viewWidth}px` }}
        role="img"
        aria-label={`${summary}${residual ? ` (a residual group: ${members.length} layers share these channels)` : ''}`}
      >
        <path d={bars.keptPath} className="bar-kept" />
        <path d={bars.prunedPath} className="bar-pruned" vectorEffect="non-scaling-stroke" />
        <line x1={0} x2={bars.viewWidth} y1={bars.cutY} y2={bars.cutY} className="bar-cut" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption>
        {residual ? (
          <>
            <strong>Residual group</strong>, {members.length} layers share these channels: {members.join(', ')}.{' '}
          </>
        ) : (
          <strong>{members[0]}</strong>
        )}{' '}
        {keptCount} of {width} kept.
      </figcaption>
    </figure>
  );
});
