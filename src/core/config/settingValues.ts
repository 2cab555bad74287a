/** Each setting's value in several configs, as the URL writes it: what names and compares runs. */
import { formatFieldValue, type FieldValue } from './fields.ts';
import { CONFIG_KEYS, type ConfigKey, type RunConfig } from './runConfig.ts';

/** Every setting with its value in each config, in CONFIG_KEYS order. */
export function settingValues(configs: readonly RunConfig[]): Array<{ key: ConfigKey; values: string[] }> {
  return CONFIG_KEYS.map((key) => ({ key, values: configs.map((c) => formatFieldValue(c[key] as FieldValue)) }));
}

/** The settings whose values are not all the same. */
export function differingValues(configs: readonly RunConfig[]): Array<{ key: ConfigKey; values: string[] }> {
  return settingValues(configs).filter((row) => new Set(row.values).size > 1);
}
