import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { refreshDatasets, startDatasetSync } from './services/datasets.ts';
import { startMemoryWatch } from './services/memory.ts';
import { registerOfflineCache } from './services/offline.ts';
import { installTestApi } from './services/testApi.ts';
import { startUrlSync } from './services/urlSync.ts';
import { App } from './ui/App.tsx';
import './ui/lab.css';

startUrlSync();
installTestApi();
void refreshDatasets();
startDatasetSync();
startMemoryWatch();
registerOfflineCache();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
