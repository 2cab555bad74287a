/** The part of the lab the address names (#label: the labelling mode), following the hash. */
import { useSyncExternalStore } from 'react';
import { modeOfHash, type LabMode } from '../url/mode.ts';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useMode = (): LabMode => useSyncExternalStore(subscribe, () => modeOfHash(location.hash));
