/** The Share button: copies the link of the current settings; shows it when the clipboard refuses. */
import { labActions } from '../store/labStore.ts';
import { shareableUrl } from './urlSync.ts';

export async function shareLink(): Promise<void> {
  const url = shareableUrl();
  try {
    await navigator.clipboard.writeText(url);
    labActions().setShare(url, true);
  } catch {
    labActions().setShare(url, false);
  }
}
