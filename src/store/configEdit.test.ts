import { describe, expect, it } from 'vitest';
import { CONFIG_FIELDS } from '../core/config/runConfig.ts';
import { checkText, describeField } from './configEdit.ts';

describe('checkText', () => {
  it('takes values inside the field bounds and explains the rest', () => {
    expect(checkText(CONFIG_FIELDS.batch, '64')).toEqual({ value: 64 });
    expect(checkText(CONFIG_FIELDS.batch, '5000')).toEqual({ why: 'must be in [1, 1024]' });
    expect(checkText(CONFIG_FIELDS.batch, '')).toEqual({ why: 'not a number' });
    expect(checkText(CONFIG_FIELDS.epochs, '2.5')).toEqual({ why: 'must be a whole number' });
    expect(checkText(CONFIG_FIELDS.ratio, '0.3, 0.7')).toEqual({ value: [0.3, 0.7] });
    expect(checkText(CONFIG_FIELDS.ratio, '0.3,1')).toEqual({ why: '1: must be in [0, 1)' });
    expect(checkText(CONFIG_FIELDS.model, 'resnet9')).toHaveProperty('why');
    expect(checkText(CONFIG_FIELDS.methods, 'al,svp')).toEqual({ value: ['al', 'svp'] });
    expect(checkText(CONFIG_FIELDS.augment, 'maybe')).toEqual({ why: 'must be true or false' });
  });

  it('describes bounds as the field table has them', () => {
    expect(describeField(CONFIG_FIELDS.lr)).toBe('(0, 10]');
    expect(describeField(CONFIG_FIELDS.epochs)).toBe('whole number in [1, 200]');
  });
});
