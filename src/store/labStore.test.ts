import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config/runConfig.ts';
import { decodeConfig } from '../url/codec.ts';
import { labActions, useLab } from './labStore.ts';

describe("the store and a teacher's link", () => {
  it('Reset keeps the seed and every hidden or locked setting, and locked settings refuse edits', () => {
    labActions().loadDecoded(decodeConfig('?model=resnet8&epochs=2&pool=300&seed=7&model_hide=true&epochs_lock=true'));
    labActions().setValue('pool', 500);
    labActions().setText('epochs', '9');
    labActions().setValue('model', 'resnet56');
    expect([useLab.getState().config.epochs, useLab.getState().config.model, useLab.getState().config.pool]).toEqual([2, 'resnet8', 500]);
    labActions().resetConfig();
    const c = useLab.getState().config;
    expect({ model: c.model, epochs: c.epochs, seed: c.seed, pool: c.pool }).toEqual({ model: 'resnet8', epochs: 2, seed: 7, pool: defaultConfig().pool });
  });
});
