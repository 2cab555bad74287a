/**
 * Registers the offline service worker (built by vite-plugin-pwa into /sw.js, production builds only) from
 * the app's own module rather than an injected classic <script>: the page then loads no script but its
 * module bundle (a hostile link can be checked for injected scripts with no exception to allow).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
