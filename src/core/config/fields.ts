/**
 * Field descriptors: one table that says, for every setting of a run, its kind, default and allowed
 * values. Validation, the URL codec and the lab's config panel all read it, so they cannot disagree.
 * Text <-> value conversion lives here too, with one policy for links and the form: lists are
 * comma-separated (spaces around items ignored), numbers are plain decimals (no hex, no exponent),
 * booleans are true/false (or 1/0).
 */

type Range = { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean };

export type Field =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'enumList'; values: readonly string[] }
  | ({ kind: 'number'; integer?: boolean } & Range)
  | ({ kind: 'numberList'; maxItems: number; distinct?: boolean; integer?: boolean; optional?: boolean } & Range)
  | { kind: 'bool' }
  | { kind: 'id'; pattern: RegExp; example: string };

export type FieldValue = string | number | boolean | string[] | number[];

const rangeText = (f: Range): string => `${f.minExclusive ? '(' : '['}${f.min}, ${f.max}${f.maxExclusive ? ')' : ']'}`;

function numberProblem(f: Range & { integer?: boolean }, v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'not a number';
  if (f.integer && !Number.isInteger(v)) return 'must be a whole number';
  const low = f.minExclusive ? v <= f.min : v < f.min;
  const high = f.maxExclusive ? v >= f.max : v > f.max;
  return low || high ? `must be in ${rangeText(f)}` : null;
}

/** Why a value does not fit a field, or null if it does. */
export function fieldProblem(f: Field, v: unknown): string | null {
  switch (f.kind) {
    case 'enum':
      return typeof v === 'string' && f.values.includes(v) ? null : `must be one of ${f.values.join(', ')}`;
    case 'enumList': {
      if (!Array.isArray(v) || v.length === 0) return `must list at least one of ${f.values.join(', ')}`;
      const bad = v.find((x) => typeof x !== 'string' || !f.values.includes(x));
      if (bad !== undefined) return `'${String(bad)}' is not one of ${f.values.join(', ')}`;
      return new Set(v).size === v.length ? null : 'lists a value twice';
    }
    case 'number':
      return numberProblem(f, v);
    case 'numberList': {
      if (!Array.isArray(v) || (v.length === 0 && !f.optional)) return 'must list at least one number';
      if (v.length > f.maxItems) return `lists more than ${f.maxItems} values`;
      for (const x of v) {
        const p = numberProblem(f, x);
        if (p) return `${formatNumber(x)}: ${p}`;
      }
      return f.distinct && new Set(v).size !== v.length ? 'lists a value twice' : null;
    }
    case 'bool':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'id':
      return typeof v === 'string' && f.pattern.test(v) ? null : `must look like ${f.example}`;
  }
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A plain decimal ('0.5', '-3', '.25'), or undefined: no hex, no exponent, no blanks. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : undefined;
}

/** A number as a plain decimal, never in exponent notation (5e-7 -> '0.0000005'), so parseDecimal reads it back. */
export function formatNumber(v: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return String(v);
  const s = String(v);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = v < 0 ? '-' : '';
  const [int, frac = ''] = s.slice(sign.length, e).split('.') as [string, string?];
  const exp = Number(s.slice(e + 1));
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const items = (text: string): string[] => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** Reads a boolean: true/false or 1/0; undefined for anything else. */
export function parseBool(text: string): boolean | undefined {
  const t = text.trim();
  return t === 'true' || t === '1' ? true : t === 'false' || t === '0' ? false : undefined;
}

/** The value a text stands for, or why it does not fit the field. Never throws. */
export function parseFieldText(field: Field, text: string): { value: FieldValue } | { why: string } {
  let value: FieldValue;
  switch (field.kind) {
    case 'enum':
    case 'id':
      value = text.trim();
      break;
    case 'enumList':
      value = items(text);
      break;
    case 'number': {
      const n = parseDecimal(text);
      if (n === undefined) return { why: 'not a number' };
      value = n;
      break;
    }
    case 'numberList': {
      const list = items(text);
      const bad = list.find((s) => parseDecimal(s) === undefined);
      if (bad !== undefined) return { why: `'${bad}' is not a number` };
      value = list.map((s) => parseDecimal(s)!);
      break;
    }
    case 'bool': {
      const b = parseBool(text);
      if (b === undefined) return { why: 'must be true or false' };
      value = b;
      break;
    }
  }
  const why = fieldProblem(field, value);
  return why ? { why } : { value };
}

/** The text of a value, as links and the form show it; parseFieldText reads it back. */
export function formatFieldValue(value: FieldValue): string {
  return Array.isArray(value) ? value.map(formatNumber).join(',') : formatNumber(value);
}

/** The allowed values or range of a field, in words. */
export function describeField(field: Field): string {
  switch (field.kind) {
    case 'enum':
      return field.values.join(' | ');
    case 'enumList':
      return `any of ${field.values.join(', ')}`;
    case 'number':
      return `${field.integer ? 'whole number in ' : ''}${rangeText(field)}`;
    case 'numberList':
      return `${field.optional ? 'empty, or ' : ''}up to ${field.maxItems} ${field.integer ? 'whole numbers' : 'values'} in ${rangeText(field)}, comma-separated`;
    case 'bool':
      return 'on or off';
    case 'id':
      return field.example;
  }
}
