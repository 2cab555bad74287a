/**
 * The lab's views, in tab order: the run's charts first, then the views inside the method. Each view reads
 * the run on screen (live, saved, imported, shared or an example) from the store, so it updates during a
 * run and works on recorded runs.
 */
import type { ComponentType } from 'react';
import { Charts } from '../charts/Charts.tsx';

export interface ViewEntry {
  /** Used in the URL's `hide=` list and in test ids. */
  id: string;
  title: string;
  Component: ComponentType;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'results', title: 'Results', Component: Charts },
];
