import { describe, expect, it } from 'vitest';
import { describeField, formatFieldValue, formatNumber, parseDecimal, parseFieldText } from './fields.ts';
import { CONFIG_FIELDS } from './runConfig.ts';

describe('parseFieldText', () => {
  it('takes values inside the field bounds and explains the rest', () => {
    expect(parseFieldText(CONFIG_FIELDS.batch, '64')).toEqual({ value: 64 });
    expect(parseFieldText(CONFIG_FIELDS.batch, '5000')).toEqual({ why: 'must be in [1, 1024]' });
    expect(parseFieldText(CONFIG_FIELDS.batch, '')).toEqual({ why: 'not a number' });
    expect(parseFieldText(CONFIG_FIELDS.epochs, '2.5')).toEqual({ why: 'must be a whole number' });
    expect(parseFieldText(CONFIG_FIELDS.ratio, '0.3, 0.7')).toEqual({ value: [0.3, 0.7] });
    expect(parseFieldText(CONFIG_FIELDS.ratio, '0.3,0.7')).toEqual({ value: [0.3, 0.7] });
    expect(parseFieldText(CONFIG_FIELDS.ratio, '0.3,1')).toEqual({ why: '1: must be in [0, 1)' });
    expect(parseFieldText(CONFIG_FIELDS.model, 'resnet9')).toHaveProperty('why');
    expect(parseFieldText(CONFIG_FIELDS.methods, 'al, svp')).toEqual({ value: ['al', 'svp'] });
    expect(parseFieldText(CONFIG_FIELDS.augment, 'maybe')).toEqual({ why: 'must be true or false' });
    expect(parseFieldText(CONFIG_FIELDS.augment, '0')).toEqual({ value: false });
    expect(parseFieldText(CONFIG_FIELDS.augment, 'true')).toEqual({ value: true });
  });

  it('reads numbers as plain decimals only, and names what is not one', () => {
    expect(parseFieldText(CONFIG_FIELDS.epochs, '0x10')).toEqual({ why: 'not a number' });
    expect(parseFieldText(CONFIG_FIELDS.epochs, '1e2')).toEqual({ why: 'not a number' });
    expect(parseFieldText(CONFIG_FIELDS.epochs, 'Infinity')).toEqual({ why: 'not a number' });
    expect(parseFieldText(CONFIG_FIELDS.ratio, 'abc')).toEqual({ why: "'abc' is not a number" });
    expect(parseFieldText(CONFIG_FIELDS.ratio, '0.5,abc')).toEqual({ why: "'abc' is not a number" });
    expect(parseFieldText(CONFIG_FIELDS.lr, '.05')).toEqual({ value: 0.05 });
    expect(parseDecimal(' -3.25 ')).toBe(-3.25);
    expect(parseDecimal('1.')).toBe(1);
    expect(parseDecimal('')).toBeUndefined();
  });

  it('rejects a ratio listed twice, as it does a method', () => {
    expect(parseFieldText(CONFIG_FIELDS.ratio, '0.5,0.5')).toEqual({ why: 'lists a value twice' });
    expect(parseFieldText(CONFIG_FIELDS.methods, 'al,al')).toEqual({ why: 'lists a value twice' });
    expect(parseFieldText(CONFIG_FIELDS.schedule, '0.02,0.1,0.1')).toEqual({ value: [0.02, 0.1, 0.1] });
  });

  it('writes numbers that it reads back, never in exponent notation', () => {
    for (const v of [5e-7, 1.5e-10, -2.5e-8, 1e21, 123.456, 0, 0.1, 4294967295, 1.2345678901234567e-5]) {
      const text = formatNumber(v);
      expect(text).not.toMatch(/e/);
      expect(parseDecimal(text)).toBe(v);
    }
    expect(formatNumber(5e-7)).toBe('0.0000005');
    expect(formatFieldValue([0.3, 0.7])).toBe('0.3,0.7');
    expect(formatFieldValue(['al', 'svp'])).toBe('al,svp');
  });
});

describe('describeField', () => {
  it('describes bounds as the field table has them', () => {
    expect(describeField(CONFIG_FIELDS.lr)).toBe('(0, 10]');
    expect(describeField(CONFIG_FIELDS.epochs)).toBe('whole number in [1, 200]');
  });
});
