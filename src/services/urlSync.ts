/**
 * The URL holds the whole config and the seed (encodeConfig) plus a teacher's flags (`<key>_hide`,
 * `<key>_lock`, `hide=`), or, while a recorded example is on screen, `example=<id>` and the flags. Read
 * once at start (decodeConfig: invalid or unknown values fall back to the defaults and are listed in the
 * notice), then rewritten with history.replaceState whenever a setting changes.
 */
import type { RunConfig } from '../core/config/runConfig.ts';
import { decodeConfig, encodeConfig, encodeFlags, EXAMPLE_KEY, type TeacherFlags } from '../url/codec.ts';
import { labActions, useLab, type LabState } from '../store/labStore.ts';

export function queryOf(config: RunConfig, flags: TeacherFlags): string {
  return `?${encodeConfig(config)}${encodeFlags(flags)}`;
}

function currentQuery(state: LabState): string {
  const { config, url } = state;
  return url.example !== null ? `?${EXAMPLE_KEY}=${url.example}${encodeFlags(url)}` : queryOf(config, url);
}

export function shareableUrl(): string {
  return `${location.origin}${location.pathname}${currentQuery(useLab.getState())}`;
}

/** `dropResults`: the shared results in the hash are no longer what the page shows. */
function write(dropResults = false): void {
  const query = currentQuery(useLab.getState());
  const hash = dropResults ? location.hash.replace(/^#results=.*$/, '') : location.hash;
  if (query !== location.search || hash !== location.hash) history.replaceState(history.state, '', `${location.pathname}${query}${hash}`);
}

/** Reads the config from the address bar, then keeps the address bar in step with the store. */
export function startUrlSync(): () => void {
  labActions().loadDecoded(decodeConfig(`${location.search}${location.hash}`));
  write();
  return useLab.subscribe((state, previous) => {
    const leftShared = previous.run.origin === 'shared' && state.run.origin !== 'shared';
    // The settings changed, or a run started: the address is the settings again, not the example.
    if (state.url.example !== null && (state.config !== previous.config || state.run.origin !== 'example') && state.examples.open !== null) {
      labActions().setUrlExample(null);
      return;
    }
    if (state.config !== previous.config || state.url !== previous.url || leftShared) write(leftShared);
  });
}
