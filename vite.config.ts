import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Cross-origin isolation lets the wasm backend use threads (SharedArrayBuffer); both the dev server and
// the preview server send the headers (PLATFORM.md).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
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
