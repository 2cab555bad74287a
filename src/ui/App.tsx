import { ConfigPanel } from './config/ConfigPanel.tsx';
import { ModelTable } from './ModelTable.tsx';
import { RunControls } from './run/RunControls.tsx';
import { RunStatus } from './run/RunStatus.tsx';
import { UrlNotice } from './UrlNotice.tsx';
import { ComparePanel } from './compare/ComparePanel.tsx';
import { RepeatsPanel } from './repeats/RepeatsPanel.tsx';
import { HistoryPanel } from './history/HistoryPanel.tsx';
import { InterruptedNotice } from './history/InterruptedNotice.tsx';
import { ResultsActions } from './run/ResultsActions.tsx';
import { ViewBanner } from './run/ViewBanner.tsx';
import { RunEstimate } from './run/RunEstimate.tsx';
import { TeacherLink } from './teacher/TeacherLink.tsx';
import { Views } from './views/Views.tsx';
import { ExampleGallery } from './examples/ExampleGallery.tsx';
import { useLab } from '../store/labStore.ts';
import { LabellingMode } from './labelling/LabellingMode.tsx';
import { useMode } from './useMode.ts';

export function App() {
  const panels = useLab((s) => s.url.panels);
  const mode = useMode();
  return (
    <div className="lab">
      <a className="skip-link" href="#run-controls">
        Skip to run controls
      </a>
      <header className="top">
        <h1>PruneFuse Lab</h1>
        <p>
          Pruning-based data selection and network fusion (Kousar, Bhatti, Moon, 2024): a pruned network picks the
          images to label, then its weights are fused into the dense network, which trains on them with knowledge
          distillation. Compare it with active learning on the dense model and with SVP's small proxy.
        </p>
      </header>
      <nav className="modes" aria-label="Part of the lab">
        <a href={`${location.pathname}${location.search}`} aria-current={mode === 'lab' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); history.pushState(history.state, '', `${location.pathname}${location.search}`); dispatchEvent(new HashChangeEvent('hashchange')); }}>
          Simulation lab
        </a>
        <a href="#label" aria-current={mode === 'label' ? 'page' : undefined} data-testid="mode-label">
          Label your own images
        </a>
      </nav>
      <UrlNotice />
      {mode === 'label' ? (
        <main className="label-mode">
          <LabellingMode />
        </main>
      ) : (
      /* Run first in the document (and on phones on screen): Start is within reach without passing every field. */
      <main className="body">
        <section className="run" id="run-controls" tabIndex={-1} aria-labelledby="run-title">
          <h2 id="run-title" className="visually-hidden">Run</h2>
          <InterruptedNotice />
          <ViewBanner />
          <RunControls />
          <RunEstimate />
          <RunStatus />
          <ResultsActions />
        </section>
        {!panels.includes('examples') && <ExampleGallery />}
        <section className="settings" aria-labelledby="settings-title">
          <h2 id="settings-title" className="visually-hidden">Settings</h2>
          <ConfigPanel />
        </section>
        <div className="results">
          <RepeatsPanel />
          <ComparePanel />
          <h2 className="visually-hidden">Results and views</h2>
          <Views />
          {!panels.includes('history') && <HistoryPanel />}
          <TeacherLink />
          <details className="models">
            <summary>Model sizes at a pruning ratio</summary>
            <ModelTable />
          </details>
        </div>
      </main>
      )}
    </div>
  );
}
