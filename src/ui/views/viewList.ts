/**
 * The lab's views, in tab order: the run's charts first, then the views inside the method. Each view reads
 * the run on screen (live, saved, imported, shared or an example) from the store, so it updates during a
 * run and works on recorded runs.
 */
import type { ComponentType } from 'react';
import { Charts } from '../charts/Charts.tsx';
import type { PanelId } from '../../url/panels.ts';
import { HowItWorks } from './HowItWorks.tsx';
import { OutcomeView } from './OutcomeView.tsx';
import { SelectionView } from './SelectionView.tsx';

export interface ViewEntry {
  /** Used in the URL's `hide=` list and in test ids. */
  id: PanelId;
  title: string;
  Component: ComponentType;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'results', title: 'Results', Component: Charts },
  { id: 'how', title: 'How it works', Component: HowItWorks },
  { id: 'selection', title: 'Selection', Component: SelectionView },
  { id: 'outcome', title: 'Outcome', Component: OutcomeView },
];
