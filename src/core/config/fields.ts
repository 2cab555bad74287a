/**
 * Field descriptors: one table that says, for every setting of a run, its kind, default and allowed
 * values. Validation, the URL codec and the lab's config panel all read it, so they cannot disagree.
 */

export type Field =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'enumList'; values: readonly string[] }
  | { kind: 'number'; min: number; max: number; integer?: boolean; maxExclusive?: boolean; minExclusive?: boolean }
  | { kind: 'numberList'; min: number; max: number; maxExclusive?: boolean; minExclusive?: boolean; maxItems: number }
  | { kind: 'bool' }
  | { kind: 'id'; pattern: RegExp; example: string };

export type FieldValue = string | number | boolean | string[] | number[];

function rangeText(f: { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean }): string {
  return `${f.minExclusive ? '(' : '['}${f.min}, ${f.max}${f.maxExclusive ? ')' : ']'}`;
}

function numberProblem(f: { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean }, v: unknown): string | null {
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
      if (!Array.isArray(v) || v.length === 0) return 'must list at least one number';
      if (v.length > f.maxItems) return `lists more than ${f.maxItems} values`;
      for (const x of v) {
        const p = numberProblem(f, x);
        if (p) return `${String(x)}: ${p}`;
      }
      return null;
    }
    case 'bool':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'id':
      return typeof v === 'string' && f.pattern.test(v) ? null : `must look like ${f.example}`;
  }
}
