/**
 * Channel dependency groups. A residual addition forces its two inputs to have the same channels, so
 * the output channels of a stage's stem/shortcut and of every block's last conv in that stage are one
 * group: pruning channel i there means pruning it in every member. Every other conv is a group of one.
 */
import { blockName, convLayersOf, type ResNetSpec } from '../models/spec.ts';

export interface ChannelGroup {
  /** Conv layers whose output channels are tied, in forward order. */
  members: string[];
  /** Number of channels shared by the members. */
  width: number;
}

export function channelGroups(spec: ResNetSpec): ChannelGroup[] {
  const convs = convLayersOf(spec);
  const parent = new Map<string, string>(convs.map((c) => [c.name, c.name]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  const byName = new Map(convs.map((c) => [c.name, c]));
  spec.stages.forEach((blocks, si) => {
    blocks.forEach((b, bi) => {
      const name = blockName(si, bi);
      const last = `${name}.conv${b.widths.length}`;
      union(b.projection ? `${name}.shortcut` : byName.get(`${name}.conv1`)!.source, last);
    });
  });
  const groups = new Map<string, ChannelGroup>();
  for (const c of convs) {
    const root = find(c.name);
    const g = groups.get(root) ?? { members: [], width: c.outC };
    if (g.width !== c.outC) throw new Error(`layers ${g.members[0]} and ${c.name} are tied by a residual addition but have widths ${g.width} and ${c.outC}`);
    g.members.push(c.name);
    groups.set(root, g);
  }
  return [...groups.values()];
}
