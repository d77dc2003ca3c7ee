// The admin's key and every call made with it. The key lives in sessionStorage only (this tab), is
// checked against the server before the console shows anything, and a 401 on any later call (the key
// was rotated) signs the console out.

import { apiFetch, paths, type ApiRequest, type ApiResult, type EventSummary, type Problem } from '../../lib/api';

/** Every admin call goes through this: the bearer is added, a 401 signs out. */
export type AdminCall = <T>(path: string, request?: ApiRequest) => Promise<ApiResult<T>>;

export type KeyStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type SignInOutcome =
  | { ok: true; events: EventSummary[] }
  | { ok: false; reason: 'wrongKey' }
  | { ok: false; reason: 'unreachable'; problem: Problem };

export const KEY_STORAGE = 'charityday.adminKey';

export class AdminSession {
  private key: string | undefined;

  /** Told when a call was refused for the key: the console returns to its sign-in. */
  onRefused: () => void = () => undefined;

  constructor(private readonly storage: KeyStore, private readonly fetcher?: typeof fetch) {}

  get signedIn(): boolean {
    return this.key !== undefined;
  }

  /** The key this tab signed in with earlier, to be checked again. */
  storedKey(): string | undefined {
    return this.storage.getItem(KEY_STORAGE) ?? undefined;
  }

  readonly call: AdminCall = async <T>(path: string, request: ApiRequest = {}): Promise<ApiResult<T>> => {
    const result = await apiFetch<T>(path, { ...request, token: this.key, fetch: this.fetcher });
    if (result.status === 401) {
      this.signOut();
      this.onRefused();
    }
    return result;
  };

  /** Checks the key on an admin-only route and keeps it when the server takes it. */
  async signIn(key: string): Promise<SignInOutcome> {
    if (key === '') return { ok: false, reason: 'wrongKey' };
    // With the key, the list holds the drafts too (the public list leaves them out).
    const list = await apiFetch<EventSummary[]>(paths.events(), { token: key, fetch: this.fetcher });
    // An admin-only route: with the right key an unknown event is a 404, with a wrong key a 401.
    const probeId = list.ok && list.body[0] ? list.body[0].id : 'x';
    const probe = await apiFetch(paths.audit(probeId), { token: key, fetch: this.fetcher });
    if (probe.status === 401 || probe.status === 403) return { ok: false, reason: 'wrongKey' };
    if (!probe.ok && (probe.kind === 'network' || probe.status >= 500)) return { ok: false, reason: 'unreachable', problem: probe.problem };
    this.key = key;
    this.storage.setItem(KEY_STORAGE, key);
    return { ok: true, events: list.ok ? list.body : [] };
  }

  signOut(): void {
    this.key = undefined;
    this.storage.removeItem(KEY_STORAGE);
  }
}
