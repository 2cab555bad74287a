import { describe, expect, it } from 'vitest';
import { defaultConfig, METHOD_IDS } from '../core/config/runConfig.ts';
import { planRun } from '../core/experiment/plan.ts';
import { methodNames } from './methodNames.ts';

describe('methodNames', () => {
  it('names the methods in the order the engine plans them', () => {
    for (const methods of [[...METHOD_IDS], ['svp', 'al'], ['prunefuse-nofuse', 'prunefuse'], ['al']] as const) {
      const config = { ...defaultConfig(), model: 'resnet8' as const, methods: [...methods], ratio: [0.3, 0.7] };
      const planned = planRun(config, [8, 8, 3], 4).tracks.flatMap((t) => t.targets.map((x) => x.method));
      expect(methodNames(config)).toEqual(planned);
    }
  });
});
