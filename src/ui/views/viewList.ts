/**
 * The lab's views, in tab order: the run's charts first, then the views inside the method. Each view reads
 * the run on screen (live, saved, imported, shared or an example) from the store, so it updates during a
 * run and works on recorded runs.
 */
import type { ComponentType } from 'react';
import { Charts } from '../charts/Charts.tsx';
import type { PanelId } from '../../url/panels.ts';
import { FusionView } from './FusionView.tsx';
import { HowItWorks } from './HowItWorks.tsx';
import { OutcomeView } from './OutcomeView.tsx';
import { PruningView } from './PruningView.tsx';
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
  { id: 'pruning', title: 'Pruning', Component: PruningView },
  { id: 'selection', title: 'Selection', Component: SelectionView },
  { id: 'fusion', title: 'Fusion', Component: FusionView },
  { id: 'outcome', title: 'Outcome', Component: OutcomeView },
];
