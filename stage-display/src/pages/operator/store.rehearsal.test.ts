import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PledgeBody } from '../../lib/api';
import { queueStorageKey } from '../../lib/queue';
import { FakeServer, memoryStorage, problem, session } from './fakeServer';
import { SESSION_KEY } from './session';
import { OperatorStore } from './store';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const pledge = (amountFen: number): PledgeBody => ({ deskId: 'desk-1', amountFen, donorName: '某某集团', donorKind: 'enterprise', anonymous: false });

let server: FakeServer;
let storage: ReturnType<typeof memoryStorage>;
let store: OperatorStore | undefined;
let ids = 0;

function open(): OperatorStore {
  store?.stop();
  store = new OperatorStore({ storage, fetch: server.fetch, now: () => Date.now(), newId: () => `pledge-${++ids}-id` });
  store.start();
  return store;
}

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const sent = () => server.callsTo('POST', '/pledges').map((call) => call.body?.pledgeId);

function record(operator: OperatorStore, amountFen: number): void {
  operator.requestConfirmation(pledge(amountFen));
  expect(operator.acceptConfirmation()).toBe(true);
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  server = new FakeServer();
  server.event = { ...server.event, status: 'rehearsal' };
  storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(session()) });
  ids = 0;
});

afterEach(() => {
  store?.stop();
  store = undefined;
  vi.useRealTimers();
});

describe('the console in rehearsal', () => {
  it('records as when live, each pledge marked as a rehearsal one', async () => {
    const operator = open();
    await settle();
    record(operator, 100_000_00);
    await settle();
    expect(sent()).toEqual(['pledge-1-id']);
    expect(operator.state.entries.map((entry) => [entry.state, entry.rehearsal])).toEqual([['confirmed', true]]);
  });

  it('discards the rehearsal pledges still queued when it learns of the reset, with a notice, and sends none', async () => {
    const operator = open();
    await settle();
    server.pledgeAnswers = ['network', 'network', 'network'];
    record(operator, 100_000_00);
    record(operator, 200_000_00);
    await settle();
    expect(operator.state.entries.every((entry) => entry.state === 'queued')).toBe(true);

    server.event = { ...server.event, status: 'draft' };
    await operator.refreshEvent();
    await settle(60_000); // every retry that would have come
    expect(operator.state.entries).toEqual([]);
    expect(operator.state.discardNotice).toEqual({ cause: 'rehearsalEnded', count: 2, reason: expect.any(String) });
    expect(sent()).toEqual(['pledge-1-id']); // the one attempt that never arrived, nothing after
    expect(JSON.parse(storage.getItem(queueStorageKey('gala', 'desk-1')) ?? '[]')).toEqual([]);
    operator.closeDiscardNotice();
    expect(operator.state.discardNotice).toBeUndefined();
  });

  it('after a reload, never sends a rehearsal pledge into an event that has since opened', async () => {
    server.pledgeAnswers = ['network'];
    const first = open();
    await settle();
    record(first, 100_000_00);
    await settle();
    first.stop();

    server.event = { ...server.event, status: 'live' };
    server.pledgeAnswers = [];
    const before = sent().length;
    const operator = open();
    await settle(60_000);
    expect(sent()).toHaveLength(before);
    expect(operator.state.entries).toEqual([]);
    expect(operator.state.discardNotice?.count).toBe(1);

    record(operator, 300_000_00); // typed now: live money, sent as such
    await settle();
    expect(operator.state.entries.map((entry) => [entry.state, entry.rehearsal])).toEqual([['confirmed', undefined]]);
  });

  it('holds rehearsal pledges while the event status is unknown, and sends them once the server says rehearsal', async () => {
    server.pledgeAnswers = ['network'];
    const first = open();
    await settle();
    record(first, 100_000_00);
    await settle();
    first.stop();

    const realFetch = server.fetch;
    let eventReachable = false;
    const operator = new OperatorStore({ storage, now: () => Date.now(), newId: () => `pledge-${++ids}-id`,
      fetch: ((input, init) => (String(input).endsWith('/api/events/gala') && !eventReachable ? Promise.reject(new TypeError('down')) : realFetch(input, init))) as typeof fetch });
    store = operator;
    operator.start();
    await settle(20_000);
    expect(sent()).toEqual(['pledge-1-id']);
    expect(operator.state.entries[0]?.state).toBe('queued');

    eventReachable = true;
    await operator.refreshEvent();
    await settle();
    expect(sent()).toEqual(['pledge-1-id', 'pledge-1-id']);
    expect(operator.state.entries[0]?.state).toBe('confirmed');
  });

  it('shows the server refusing a replayed rehearsal pledge and drops it', async () => {
    const operator = open();
    await settle();
    server.pledgeAnswers = [problem(409, '彩排已重置，此彩排认捐不再记录 (rehearsal was reset)')];
    record(operator, 100_000_00);
    await settle();
    expect(operator.state.entries).toEqual([]);
    expect(operator.state.discardNotice).toEqual({ cause: 'refused', count: 1, reason: expect.stringContaining('彩排已重置') });
  });
});
