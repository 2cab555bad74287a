/**
 * Registers the service worker that keeps the lab for offline use (built by vite-plugin-pwa, see
 * vite.config.ts; production builds only: the dev server has none). It precaches the app, its workers,
 * the wasm files and the embedded datasets on the first visit.
 */
export function registerOfflineCache(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
