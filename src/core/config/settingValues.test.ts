import { describe, expect, it } from 'vitest';
import { defaultConfig } from './runConfig.ts';
import { differingValues, settingValues } from './settingValues.ts';

describe('settingValues', () => {
  it('writes each value as the URL does, in one row per setting', () => {
    const a = defaultConfig();
    const rows = settingValues([a, { ...a, ratio: [0.3, 0.7] }]);
    expect(rows.map((r) => r.key)).toContain('seed');
    expect(rows.find((r) => r.key === 'ratio')!.values).toEqual([a.ratio.join(','), '0.3,0.7']);
  });

  it('keeps only the settings that differ, and none for equal configs', () => {
    const a = defaultConfig();
    expect(differingValues([a, { ...a }])).toEqual([]);
    expect(differingValues([a, { ...a, seed: a.seed + 1, model: 'resnet8' }])).toEqual([
      expect.objectContaining({ key: 'model', values: [a.model, 'resnet8'] }),
      expect.objectContaining({ key: 'seed', values: [String(a.seed), String(a.seed + 1)] }),
    ]);
  });
});
