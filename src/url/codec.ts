/**
 * RunConfig <-> URL query, driven by the field table in src/core/config. Encoding leaves defaults out and
 * always writes the format version `v` and the `seed`. Decoding never throws: it starts from the
 * defaults, takes every valid value, and reports what it ignored and why. `<key>_hide=true` hides a
 * control (for teaching embeds, as TensorFlow Playground does).
 */
import { formatFieldValue, parseBool, parseFieldText, type FieldValue } from '../core/config/fields.ts';
import { RESULTS_KEY } from './resultsLink.ts';
import { CONFIG_KEYS, CONFIG_FIELDS, defaultConfig, validateConfig, type ConfigKey, type RunConfig } from '../core/config/runConfig.ts';

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

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function encodeConfig(config: RunConfig): string {
  const defaults = defaultConfig();
  const params = new URLSearchParams();
  params.set('v', FORMAT_VERSION);
  params.set('seed', formatFieldValue(config.seed));
  for (const key of CONFIG_KEYS) {
    if (key === 'seed' || same(config[key], defaults[key])) continue;
    params.set(key, formatFieldValue(config[key] as FieldValue));
  }
  return params.toString().replaceAll('%2C', ',');
}

/**
 * The query and the hash of an input: a query string (with or without '?'), a hash ('#...'), or a whole
 * URL. URLSearchParams never throws: a malformed escape stays as text (or U+FFFD) and fails validation.
 */
function split(input: string): { query: URLSearchParams; hash: URLSearchParams } {
  const at = input.indexOf('#');
  const before = at < 0 ? input : input.slice(0, at);
  const q = before.includes('?') ? before.slice(before.indexOf('?') + 1) : before;
  return { query: new URLSearchParams(q), hash: new URLSearchParams(at < 0 ? '' : input.slice(at + 1)) };
}

/** Accepts a query string (with or without '?'), a whole URL, or location.search + location.hash. Never throws. */
export function decodeConfig(input: string): DecodedConfig {
  const config = defaultConfig();
  const ignored: IgnoredValue[] = [];
  const hidden: ConfigKey[] = [];
  const { query, hash } = split(input);
  const seen = new Set<string>();
  const fields = config as unknown as Record<ConfigKey, FieldValue>;
  for (const [key, value] of query) {
    if (seen.has(key)) {
      ignored.push({ key, value, why: 'given more than once; the first value counts' });
      continue;
    }
    seen.add(key);
    if (key === 'v') {
      if (value !== FORMAT_VERSION) ignored.push({ key, value, why: `unknown format version (this lab reads v=${FORMAT_VERSION})` });
    } else if (key.endsWith('_hide')) {
      const target = key.slice(0, -'_hide'.length);
      const hide = parseBool(value);
      if (!isKey(target)) ignored.push({ key, value, why: `there is no setting '${target}' to hide` });
      else if (hide === undefined) ignored.push({ key, value, why: 'must be true or false' });
      else if (hide) hidden.push(target);
    } else if (!isKey(key)) {
      ignored.push({ key, value, why: 'unknown setting' });
    } else {
      const parsed = parseFieldText(CONFIG_FIELDS[key], value);
      if ('why' in parsed) ignored.push({ key, value, why: parsed.why });
      else fields[key] = parsed.value;
    }
  }
  for (const [key, value] of hash) {
    if ((key === '' && value === '') || key === RESULTS_KEY) continue;
    ignored.push({ key: `#${key}`, value, why: 'settings after # are not read; put them in the query, after ?' });
  }
  const defaults = defaultConfig() as unknown as Record<ConfigKey, FieldValue>;
  for (const p of validateConfig(config)) {
    ignored.push({ key: p.key, value: formatFieldValue(fields[p.key]), why: p.why });
    fields[p.key] = defaults[p.key];
  }
  return { config, ignored, hidden };
}
