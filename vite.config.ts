import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Cross-origin isolation lets the wasm backend use threads (SharedArrayBuffer); both the dev server and
// the preview server send the headers (PLATFORM.md).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Offline after the first visit: a Workbox service worker (vite-plugin-pwa, production builds only)
 * precaches the app, its workers, tfjs's .wasm files and the embedded datasets, and answers navigations
 * with the cached index.html. A precached response keeps the headers it was fetched with, so the page
 * and its workers stay cross-origin isolated offline (wasm threads need it).
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  // Registered by src/services/offline.ts (a module): the page loads no classic script.
  injectRegister: null,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,wasm,json,bin,gz,txt,svg,png,ico}'],
    // The embedded datasets (15 MB the largest file) and the lab worker (1.1 MB) go in too.
    maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

export default defineConfig({
  plugins: [react(), offline],
  server: { headers: isolation },
  preview: { headers: isolation },
  // Workers stay unminified: tfjs-backend-wasm starts its pthreads from the source text of its module
  // factory (Function.toString), and minifying moves a variable that text needs out of it
  // ("e is not defined" / "_scriptDir is not defined" in the pthread, so threaded wasm fails to start).
  worker: { format: 'es', rolldownOptions: { output: { minify: false } } },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  // The dev server pre-bundles what the workers import too: found only when a run first starts a worker,
  // those packages would be bundled then and the page reloaded, losing the run the user just started.
  optimizeDeps: { entries: ['index.html', 'workers/*.worker.ts'] },
});
