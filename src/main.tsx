import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { refreshDatasets, startDatasetSync } from './services/datasets.ts';
import { startHistorySync } from './services/history.ts';
import { startMemoryWatch } from './services/memory.ts';
import { registerOfflineCache } from './services/offline.ts';
import { startReproductionWatch } from './services/reproduce.ts';
import { openSharedResults } from './services/shareResults.ts';
import { openLinkedExample } from './services/examples.ts';
import { loadSpeed } from './services/speed.ts';
import { installTestApi } from './services/testApi.ts';
import { startUrlSync } from './services/urlSync.ts';
import { App } from './ui/App.tsx';
import './ui/lab.css';

startUrlSync();
startHistorySync();
startReproductionWatch();
installTestApi();
void refreshDatasets();
startDatasetSync();
startMemoryWatch();
void openSharedResults();
void openLinkedExample();
loadSpeed();
registerOfflineCache();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
