/**
 * RunConfig <-> URL query, driven by the field table in src/core/config. Encoding leaves defaults out and
 * always writes the format version `v` and the `seed`. Decoding never throws: it starts from the
 * defaults, takes every valid value, and reports what it ignored and why. `<key>_hide=true` hides a
 * control (for teaching embeds, as TensorFlow Playground does).
 */
import type { Field, FieldValue } from '../core/config/fields.ts';
import { fieldProblem } from '../core/config/fields.ts';
import { CONFIG_FIELDS, CONFIG_KEYS, defaultConfig, validateConfig, type ConfigKey, type RunConfig } from '../core/config/runConfig.ts';

export const FORMAT_VERSION = '1';

export interface IgnoredValue {
  key: string;
  value: string;
  why: string;
}

export interface DecodedConfig {
  config: RunConfig;
  ignored: IgnoredValue[];
  hidden: ConfigKey[];
}

const isKey = (k: string): k is ConfigKey => (CONFIG_KEYS as string[]).includes(k);

function parseValue(field: Field, text: string): FieldValue | undefined {
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  switch (field.kind) {
    case 'enum':
    case 'id':
      return text;
    case 'enumList':
      return text.split(',');
    case 'number':
      return num(text);
    case 'numberList':
      return text.split(',').map(num);
    case 'bool':
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined;
  }
}

function formatValue(value: FieldValue): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function encodeConfig(config: RunConfig): string {
  const defaults = defaultConfig();
  const params = new URLSearchParams();
  params.set('v', FORMAT_VERSION);
  params.set('seed', String(config.seed));
  for (const key of CONFIG_KEYS) {
    if (key === 'seed' || same(config[key], defaults[key])) continue;
    params.set(key, formatValue(config[key] as FieldValue));
  }
  return params.toString().replaceAll('%2C', ',');
}

/** Accepts a query string (with or without '?') or a whole URL. */
export function decodeConfig(input: string): DecodedConfig {
  const config = defaultConfig();
  const ignored: IgnoredValue[] = [];
  const hidden: ConfigKey[] = [];
  const q = input.includes('?') ? input.slice(input.indexOf('?') + 1) : input;
  const params = new URLSearchParams(q.split('#')[0]);
  const seen = new Set<string>();
  const fields = config as unknown as Record<ConfigKey, FieldValue>;
  for (const [key, value] of params) {
    if (seen.has(key)) {
      ignored.push({ key, value, why: 'given more than once; the first value counts' });
      continue;
    }
    seen.add(key);
    if (key === 'v') {
      if (value !== FORMAT_VERSION) ignored.push({ key, value, why: `unknown format version (this lab reads v=${FORMAT_VERSION})` });
    } else if (key.endsWith('_hide')) {
      const target = key.slice(0, -'_hide'.length);
      if (isKey(target) && (value === 'true' || value === '1')) hidden.push(target);
      else if (!isKey(target)) ignored.push({ key, value, why: `there is no setting '${target}' to hide` });
    } else if (!isKey(key)) {
      ignored.push({ key, value, why: 'unknown setting' });
    } else {
      const parsed = parseValue(CONFIG_FIELDS[key], value);
      const why = parsed === undefined ? 'must be true or false' : fieldProblem(CONFIG_FIELDS[key], parsed);
      if (why) ignored.push({ key, value, why });
      else fields[key] = parsed!;
    }
  }
  const defaults = defaultConfig() as unknown as Record<ConfigKey, FieldValue>;
  for (const p of validateConfig(config)) {
    ignored.push({ key: p.key, value: formatValue(fields[p.key]), why: p.why });
    fields[p.key] = defaults[p.key];
  }
  return { config, ignored, hidden };
}
