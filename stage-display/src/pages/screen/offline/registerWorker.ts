// Registers the wall's service worker where the browser allows one. Service workers need a secure
// context: on the venue's plain-HTTP LAN name Chromium offers none unless started with
// --unsafely-treat-insecure-origin-as-secure (deploy/wall-kiosk.sh does). Without one the wall works
// as before; a reload during an outage then shows the browser's page until the server is back.

export const WALL_WORKER_URL = '/app/screen-sw.js';
export const WALL_WORKER_SCOPE = '/screen/';

export function registerWallWorker(): void {
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  if (!container || !window.isSecureContext) {
    document.body.dataset.offlineShell = 'unavailable';
    return;
  }
  container
    .register(WALL_WORKER_URL, { scope: WALL_WORKER_SCOPE })
    .then(() => container.ready)
    .then((registration) => {
      // What this page was built from, for the worker to keep: it was not there on the first visit.
      const assets = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .concat([...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')].map((node) => ('src' in node ? node.src : node.href)));
      const answer = new MessageChannel();
      answer.port1.onmessage = () => {
        document.body.dataset.offlineShell = 'kept';
      };
      registration.active?.postMessage({ type: 'keep', shell: location.href, assets: [...new Set(assets)] }, [answer.port2]);
    })
    .catch(() => {
      document.body.dataset.offlineShell = 'unavailable'; // the wall still works, without the shell
    });
}
