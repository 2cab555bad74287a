/**
 * "Share with results": a link whose hash carries the results (src/url/resultsLink.ts), and opening one:
 * the charts and tables show at once, marked as shared results, without running. A damaged hash gets a
 * notice and the link's settings still load.
 */
import { decodeResults, encodeResults, resultsInHash, RESULTS_KEY } from '../url/resultsLink.ts';
import { labActions, useLab } from '../store/labStore.ts';
import { shareableUrl } from './urlSync.ts';

export async function shareWithResults(): Promise<void> {
  const results = useLab.getState().metrics.results;
  if (!results) return;
  let packed: string;
  try {
    packed = await encodeResults(results);
  } catch (e) {
    labActions().setShare(null, false, e instanceof Error ? e.message : String(e));
    return;
  }
  const url = `${shareableUrl()}#${RESULTS_KEY}=${packed}`;
  try {
    await navigator.clipboard.writeText(url);
    labActions().setShare(url, true);
  } catch {
    labActions().setShare(url, false);
  }
}

/** Shows the results a link carries, if any. */
export async function openSharedResults(): Promise<void> {
  const packed = resultsInHash(location.hash);
  if (packed === null) return;
  try {
    const results = await decodeResults(packed);
    labActions().replaceConfig(results.config);
    labActions().showResults(results, 'shared', null, 'Shared results');
  } catch (e) {
    labActions().setShare(null, false, `The results in this link could not be read: ${e instanceof Error ? e.message : String(e)}. Its settings are loaded; press Start to run them.`);
  }
}
