// The wall's service worker (built to /app/screen-sw.js, scope /screen/). A wall PC that reboots or
// reloads while the server is unreachable must open on its last total, never on the browser's error
// page: the screen page's HTML is kept as the shell (network first, so a new build reaches the wall
// as soon as the server answers) and its hashed assets are kept as they are fetched. API and hub
// requests are left alone: the page's own retry and the last state in localStorage cover them.
// No imports: the worker must be one self-contained file.

// The few service-worker types used here (the DOM library the pages compile against has none).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE = 'charityday-wall-v1';
/** Every wall page is the same HTML: one shell serves any event's address. */
const SHELL = new URL('/screen/__shell__', worker.location.origin).href;
/** A server that hangs (not refusing) must not keep the wall blank: after this, the shell. */
const NETWORK_WAIT_MS = 4_000;

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await worker.clients.claim();
  })());
});

worker.addEventListener('message', (event) => {
  const data = event.data as { type?: string; shell?: string; assets?: unknown } | null;
  if (data?.type === 'keep') {
    // The answer tells the page its shell is kept (a test waits for it before cutting the server off).
    event.waitUntil(keep(data.shell, Array.isArray(data.assets) ? data.assets : []).then(() => event.ports[0]?.postMessage('kept')));
  }
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/screen/')) {
    event.respondWith(shellFirstFromNetwork(request));
  } else if (url.pathname.startsWith('/app/assets/')) {
    event.respondWith(assetFromCache(request));
  }
});

/** The page asks for what it was loaded with: on its first visit the worker was not there to see it. */
async function keep(shell: unknown, assets: unknown[]): Promise<void> {
  const cache = await caches.open(CACHE);
  if (typeof shell === 'string' && sameOrigin(shell)) {
    const response = await fetch(shell, { cache: 'no-store' }).catch(() => null);
    if (response?.ok) await cache.put(SHELL, response);
  }
  for (const asset of assets) {
    if (typeof asset === 'string' && sameOrigin(asset) && new URL(asset).pathname.startsWith('/app/assets/') && !(await cache.match(asset))) {
      const response = await fetch(asset).catch(() => null);
      if (response?.ok) await cache.put(asset, response);
    }
  }
}

async function shellFirstFromNetwork(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await withDeadline(fetch(request), NETWORK_WAIT_MS);
    if (response.ok) await cache.put(SHELL, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(SHELL);
    if (kept) return kept;
    throw error;
  }
}

/** Asset names carry a content hash: a kept one is never out of date. */
async function assetFromCache(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not answer in time')), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
}

function sameOrigin(address: string): boolean {
  try {
    return new URL(address).origin === worker.location.origin;
  } catch {
    return false;
  }
}
