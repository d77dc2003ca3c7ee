// Test support for the admin stores: a fake server behind `fetch`, and ledger entries to feed it.

import type { LedgerEntryView } from '../../lib/api';
import type { KeyStore } from './session';

export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

export type FakeAnswer = { status: number; body?: unknown } | undefined;

/** `fetch` answered by `route`; an unrouted request is a 404 problem. Every request is kept. */
export function fakeFetch(route: (request: FakeRequest) => FakeAnswer) {
  const requests: FakeRequest[] = [];
  const fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const request: FakeRequest = {
      method: init.method ?? 'GET',
      path: String(input),
      body: typeof init.body === 'string' ? JSON.parse(init.body) as unknown : undefined,
      authorization: headers.get('Authorization'),
    };
    requests.push(request);
    const answer = route(request) ?? { status: 404, body: { title: '找不到 (not found)' } };
    const type = answer.status >= 400 ? 'application/problem+json' : 'application/json';
    const text = answer.body === undefined ? null : JSON.stringify(answer.body);
    return Promise.resolve(new Response(text, { status: answer.status, headers: { 'Content-Type': type } }));
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A fetch that never reaches a server. */
export const unreachable = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;

export function memoryKeys(initial: Record<string, string> = {}): KeyStore & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

export function pledgeEntry(entryNo: number, deskId: string, amountFen: number, extra: Partial<LedgerEntryView> = {}): LedgerEntryView {
  return {
    entryNo, kind: 'pledge', pledgeId: `p-${entryNo}`, deskId, sequence: entryNo, channel: deskId.startsWith('online-') ? 'online' : 'stage',
    amountFen, donorName: `捐赠方 ${entryNo}`, donorKind: 'enterprise', anonymous: false, representative: null, note: null,
    actor: deskId, recordedAt: '2026-12-02T12:00:00Z', ...extra,
  };
}

export function voidEntry(entryNo: number, pledge: LedgerEntryView, reason = '重复录入'): LedgerEntryView {
  return { ...pledge, entryNo, kind: 'void', amountFen: -pledge.amountFen, note: reason, actor: 'admin' };
}

/** `GET …/ledger?after=&limit=` over `entries`, as the server pages it. */
export function ledgerAnswer(entries: readonly LedgerEntryView[], path: string): FakeAnswer {
  const query = new URLSearchParams(path.split('?')[1] ?? '');
  const after = Number(query.get('after') ?? 0);
  const limit = Number(query.get('limit') ?? 100);
  const [desk, channel] = [query.get('desk'), query.get('channel')]; // the searches the tests use
  const page = entries.filter((entry) => entry.entryNo > after && (!desk || entry.deskId === desk) && (!channel || entry.channel === channel))
    .slice(0, limit);
  return { status: 200, body: { entries: page, nextAfter: page.length === limit ? page.at(-1)?.entryNo ?? null : null } };
}
