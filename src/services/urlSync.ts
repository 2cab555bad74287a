/**
 * The URL holds the whole config and the seed (encodeConfig) plus the `<key>_hide` flags. Read once at
 * start (decodeConfig: invalid or unknown values fall back to the defaults and are listed in the
 * notice), then rewritten with history.replaceState whenever a setting changes.
 */
import type { ConfigKey, RunConfig } from '../core/config/runConfig.ts';
import { decodeConfig, encodeConfig } from '../url/codec.ts';
import { labActions, useLab } from '../store/labStore.ts';

export function queryOf(config: RunConfig, hidden: readonly ConfigKey[]): string {
  const hide = hidden.map((k) => `&${encodeURIComponent(k)}_hide=true`).join('');
  return `?${encodeConfig(config)}${hide}`;
}

export function shareableUrl(): string {
  const { config, url } = useLab.getState();
  return `${location.origin}${location.pathname}${queryOf(config, url.hidden)}`;
}

/** `dropResults`: the shared results in the hash are no longer what the page shows. */
function write(dropResults = false): void {
  const { config, url } = useLab.getState();
  const query = queryOf(config, url.hidden);
  const hash = dropResults ? location.hash.replace(/^#results=.*$/, '') : location.hash;
  if (query !== location.search || hash !== location.hash) history.replaceState(history.state, '', `${location.pathname}${query}${hash}`);
}

/** Reads the config from the address bar, then keeps the address bar in step with the store. */
export function startUrlSync(): () => void {
  labActions().loadDecoded(decodeConfig(`${location.search}${location.hash}`));
  write();
  return useLab.subscribe((state, previous) => {
    const leftShared = previous.run.origin === 'shared' && state.run.origin !== 'shared';
    if (state.config !== previous.config || state.url.hidden !== previous.url.hidden || leftShared) write(leftShared);
  });
}
