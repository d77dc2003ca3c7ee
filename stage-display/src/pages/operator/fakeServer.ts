// A stand-in for the server in the console's tests: routes by method and path, records every call,
// and answers what the test set up (JSON or an RFC 7807 problem), or fails like a dead network.

import type { DeskPledge, DeskSignIn, EventView, PledgeView } from '../../lib/api';
import type { ConsoleStorage } from './session';
import type { SimilarPledge } from './similarPledges';

export interface Call {
  method: string;
  path: string;
  token?: string;
  body?: Record<string, unknown>;
}

type Answer = { status: number; body?: unknown } | 'network';

export class FakeServer {
  readonly calls: Call[] = [];
  event: EventView = { id: 'gala', title: 'Gala', status: 'live', goalFen: 0, tiersFen: [5_000_000_00], milestonesFen: [], desks: [], screen: { roundTitle: '', showDonorNames: true, nameSeconds: 4 }, timeZone: 'Asia/Shanghai' };
  deskPledges: DeskPledge[] = [];
  /** The next answers to POST /pledges, in order; afterwards pledges are recorded. */
  pledgeAnswers: Answer[] = [];
  signInAnswer: Answer | undefined;
  /** What POST /pledges/similar finds, or how it fails. */
  similar: SimilarPledge[] | Answer = [];
  tokens = 0;

  readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://desk.venue');
    const auth = new Headers(init?.headers).get('Authorization');
    const call: Call = { method: init?.method ?? 'GET', path: url.pathname };
    if (auth) call.token = auth.replace('Bearer ', '');
    if (typeof init?.body === 'string') call.body = JSON.parse(init.body) as Record<string, unknown>;
    this.calls.push(call);
    const answer = this.#answer(call);
    if (answer === 'network') throw new TypeError('Failed to fetch');
    const json = answer.status >= 400;
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': json ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof fetch;

  callsTo(method: string, pathPart: string): Call[] {
    // The duplicate question is not a pledge: '/pledges' means the sends, '/pledges/similar' the questions.
    const similar = pathPart.includes('/similar');
    return this.calls.filter((call) => call.method === method && call.path.includes(pathPart) && (similar || !call.path.endsWith('/similar')));
  }

  #answer(call: Call): Answer {
    if (call.path === '/api/auth/desk') return this.signInAnswer ?? { status: 200, body: session(`token-${++this.tokens}`) };
    if (call.method === 'GET' && call.path === '/api/events') return { status: 200, body: [this.event] };
    if (call.method === 'GET' && call.path === '/api/events/gala') return { status: 200, body: this.event };
    if (call.method === 'GET' && call.path.endsWith('/pledges')) return { status: 200, body: this.deskPledges };
    if (call.method === 'POST' && call.path.endsWith('/pledges/similar')) {
      return Array.isArray(this.similar) ? { status: 200, body: { windowMinutes: 5, matches: this.similar } } : this.similar;
    }
    if (call.method === 'POST' && call.path.endsWith('/pledges')) {
      const answer = this.pledgeAnswers.shift();
      if (answer) return answer;
      const body = call.body ?? {};
      const pledge = { ...body, pledgeId: String(body.pledgeId), sequence: this.deskPledges.length + 1, status: 'confirmed' } as unknown as PledgeView;
      this.deskPledges = [{ pledge, voidReason: null, voidedBy: null, voidedAt: null }, ...this.deskPledges];
      return { status: 201, body: pledge };
    }
    return { status: 404, body: { title: '不存在 (not found)' } };
  }
}

export function session(token = 'token-0', expiresAt = '2099-01-01T00:00:00Z'): DeskSignIn {
  return { token, eventId: 'gala', deskId: 'desk-1', deskName: 'Desk one', expiresAt };
}

export function memoryStorage(initial: Record<string, string> = {}): ConsoleStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

export function problem(status: number, title: string): Answer {
  return { status, body: { title } };
}
