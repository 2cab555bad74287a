/**
 * RunConfig <-> URL query, driven by the field table in src/core/config. Encoding leaves defaults out and
 * always writes the format version `v` and the `seed`. Decoding never throws: it starts from the
 * defaults, takes every valid value, and reports what it ignored and why. For teachers' links (as
 * TensorFlow Playground does): `<key>_hide=true` hides a setting, `<key>_lock=true` shows it but keeps
 * it fixed, `hide=a,b` hides views, charts and parts of the page (url/panels.ts). `example=<id>` opens a
 * recorded example instead of the settings.
 */
import { formatFieldValue, parseBool, parseFieldText, type FieldValue } from '../core/config/fields.ts';
import { RESULTS_KEY } from './resultsLink.ts';
import { LABEL_MODE_HASH } from './mode.ts';
import { isPanel, type PanelId } from './panels.ts';
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
  /** Settings a teacher's link hides, and those it shows but locks (hidden ones are locked too). */
  hidden: ConfigKey[];
  locked: ConfigKey[];
  /** Views, charts and page parts the link hides. */
  panels: PanelId[];
  /** A recorded example to open (its id, checked against the gallery when it loads). */
  example: string | null;
}

/** Teacher-link flags of a page's URL: hidden and locked settings, hidden panels. */
export type TeacherFlags = Pick<DecodedConfig, 'hidden' | 'locked' | 'panels'>;

export const EXAMPLE_KEY = 'example';
const EXAMPLE_ID = /^[a-z0-9-]{1,60}$/;

/** The query of a teacher's flags, `&`-prefixed, to follow a config's or an example's query. */
export function encodeFlags(flags: TeacherFlags): string {
  const hide = flags.hidden.map((k) => `&${encodeURIComponent(k)}_hide=true`).join('');
  const lock = flags.locked.filter((k) => !flags.hidden.includes(k)).map((k) => `&${encodeURIComponent(k)}_lock=true`).join('');
  return `${hide}${lock}${flags.panels.length > 0 ? `&hide=${flags.panels.join(',')}` : ''}`;
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
  const locked: ConfigKey[] = [];
  const panels: PanelId[] = [];
  let example: string | null = null;
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
    } else if (key === EXAMPLE_KEY) {
      if (EXAMPLE_ID.test(value)) example = value;
      else ignored.push({ key, value, why: 'not an example id (lower-case letters, digits and dashes)' });
    } else if (key === 'hide') {
      for (const id of value.split(',').filter((x) => x !== '')) {
        if (!isPanel(id)) ignored.push({ key, value: id, why: 'there is no view, chart or part of the page by that name to hide' });
        else if (!panels.includes(id)) panels.push(id);
      }
    } else if (key.endsWith('_hide') || key.endsWith('_lock')) {
      const what = key.endsWith('_hide') ? 'hide' : 'lock';
      const target = key.slice(0, -'_hide'.length);
      const on = parseBool(value);
      if (!isKey(target)) ignored.push({ key, value, why: `there is no setting '${target}' to ${what}` });
      else if (on === undefined) ignored.push({ key, value, why: 'must be true or false' });
      else if (on) (what === 'hide' ? hidden : locked).push(target);
    } else if (!isKey(key)) {
      ignored.push({ key, value, why: 'unknown setting' });
    } else {
      const parsed = parseFieldText(CONFIG_FIELDS[key], value);
      if ('why' in parsed) ignored.push({ key, value, why: parsed.why });
      else fields[key] = parsed.value;
    }
  }
  for (const [key, value] of hash) {
    if ((key === '' && value === '') || key === RESULTS_KEY || (key === LABEL_MODE_HASH && value === '')) continue;
    ignored.push({ key: `#${key}`, value, why: 'settings after # are not read; put them in the query, after ?' });
  }
  const defaults = defaultConfig() as unknown as Record<ConfigKey, FieldValue>;
  for (const p of validateConfig(config)) {
    ignored.push({ key: p.key, value: formatFieldValue(fields[p.key]), why: p.why });
    fields[p.key] = defaults[p.key];
  }
  return { config, ignored, hidden, locked: [...new Set([...locked, ...hidden])], panels, example };
}
