/** Turning what a user types into field values (and back), checked against the field table. */
import type { Field, FieldValue } from '../core/config/fields.ts';
import { fieldProblem } from '../core/config/fields.ts';

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

export function parseText(field: Field, text: string): FieldValue | undefined {
  switch (field.kind) {
    case 'enum':
    case 'id':
      return text;
    case 'enumList':
      return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
    case 'number':
      return num(text);
    case 'numberList':
      return text.split(',').map(num);
    case 'bool':
      return text === 'true' ? true : text === 'false' ? false : undefined;
  }
}

export function formatValue(value: FieldValue): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/** The value a text stands for, or why it does not fit the field. */
export function checkText(field: Field, text: string): { value: FieldValue } | { why: string } {
  const value = parseText(field, text);
  if (value === undefined) return { why: 'must be true or false' };
  const why = fieldProblem(field, value);
  return why ? { why } : { value };
}

/** The allowed values or range of a field, in words. */
export function describeField(field: Field): string {
  const range = (f: { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean }) =>
    `${f.minExclusive ? '(' : '['}${f.min}, ${f.max}${f.maxExclusive ? ')' : ']'}`;
  switch (field.kind) {
    case 'enum':
      return field.values.join(' | ');
    case 'enumList':
      return `any of ${field.values.join(', ')}`;
    case 'number':
      return `${field.integer ? 'whole number in ' : ''}${range(field)}`;
    case 'numberList':
      return `up to ${field.maxItems} values in ${range(field)}, comma-separated`;
    case 'bool':
      return 'on or off';
    case 'id':
      return field.example;
  }
}
