import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PledgeBody } from '../../lib/api';
import { queueStorageKey } from '../../lib/queue';
import type { TotalSnapshot } from '../../lib/types';
import type { TotalFeed } from './eventFollower';
import { FakeServer, memoryStorage, problem, session } from './fakeServer';
import { SESSION_KEY } from './session';
import { OperatorStore } from './store';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const pledge = (amountFen: number, donorName = '某某集团'): PledgeBody =>
  ({ deskId: 'desk-1', amountFen, donorName, donorKind: 'enterprise', anonymous: false });

let server: FakeServer;
let storage: ReturnType<typeof memoryStorage>;
let store: OperatorStore | undefined;
let ids = 0;

function open(options: { session?: ReturnType<typeof session>; followTotal?: (eventId: string) => TotalFeed } = {}): OperatorStore {
  if (options.session) storage.setItem(SESSION_KEY, JSON.stringify(options.session));
  store = new OperatorStore({ storage, fetch: server.fetch, now: () => Date.now(), newId: () => `pledge-${++ids}-id`, followTotal: options.followTotal });
  store.start();
  return store;
}

/** Lets every answered fetch and the timers due within `ms` run. */
const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  server = new FakeServer();
  storage = memoryStorage();
  ids = 0;
});

afterEach(() => {
  store?.stop();
  store = undefined;
  vi.useRealTimers();
});

describe('sign-in', () => {
  it('opens on the sign-in form without a stored sign-in, and on the console after one', async () => {
    const operator = open();
    expect(operator.state.phase).toBe('signIn');
    expect(operator.state.sessionExpired).toBe(false);

    expect(await operator.signIn('gala', 'desk-1', 'ABCD2345')).toEqual({ kind: 'started' });
    expect(operator.state.phase).toBe('console');
    expect(JSON.parse(storage.getItem(SESSION_KEY) ?? '{}').token).toBe('token-1');
    await settle();
    expect(server.callsTo('GET', '/api/events/gala')[0]?.token).toBe('token-1');
  });

  it('says a stored sign-in ran out instead of opening the console with it', () => {
    const operator = open({ session: session('old', new Date(NOW - 1000).toISOString()) });
    expect(operator.state.phase).toBe('signIn');
    expect(operator.state.sessionExpired).toBe(true);
    expect(server.calls).toHaveLength(0);
  });

  it('refuses a wrong code with one message and opens nothing', async () => {
    server.signInAnswer = problem(401, '活动、录入台或访问码错误 (sign-in failed)');
    const operator = open();
    const outcome = await operator.signIn('gala', 'desk-1', 'WRONG');
    expect(outcome).toEqual({ kind: 'failed', message: '活动、录入台或访问码错误' });
    expect(operator.state.phase).toBe('signIn');
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('treats a sign-in whose expiry passes as signed out: the queue waits unsent until the next sign-in', async () => {
    const operator = open({ session: session('token-0', new Date(NOW + 60_000).toISOString()) });
    await settle();
    await settle(61_000);
    operator.tick();
    expect(operator.state.signedOut).toBe(true);

    operator.requestConfirmation(pledge(100_000_00));
    expect(operator.acceptConfirmation()).toBe(true);
    await settle();
    expect(server.callsTo('POST', '/pledges')).toHaveLength(0);
    expect(operator.state.entries.map((entry) => entry.state)).toEqual(['queued']);

    expect(await operator.signIn('gala', 'desk-1', 'ABCD2345')).toEqual({ kind: 'resumed' });
    await settle();
    expect(operator.state.signedOut).toBe(false);
    expect(server.callsTo('POST', '/pledges').map((call) => call.token)).toEqual(['token-1']);
    expect(operator.state.entries.map((entry) => entry.state)).toEqual(['confirmed']);
  });

  it('stops sending on a 401 and sends the same pledge, under the same id, after signing in again', async () => {
    server.pledgeAnswers = [problem(401, '')];
    const operator = open({ session: session() });
    operator.requestConfirmation(pledge(200_000_00));
    operator.acceptConfirmation();
    await settle();
    expect(operator.state.signedOut).toBe(true);
    expect(operator.state.entries[0]?.state).toBe('queued');

    await operator.signIn('gala', 'desk-1', 'ABCD2345');
    await settle();
    const sent = server.callsTo('POST', '/pledges');
    expect(sent.map((call) => call.body?.pledgeId)).toEqual(['pledge-1-id', 'pledge-1-id']);
    expect(operator.state.entries[0]?.state).toBe('confirmed');
  });
});

describe('the queue', () => {
  it('keeps a pledge typed while the network is down and sends it once it is back', async () => {
    const operator = open({ session: session() });
    await settle();
    server.pledgeAnswers = ['network', 'network'];
    operator.requestConfirmation(pledge(300_000_00));
    operator.acceptConfirmation();
    await settle();
    expect(operator.state.offline).toBe(true);
    expect(operator.state.retryAt).toBe(Date.now() + 1_000);
    expect(operator.waitingCount()).toBe(1);

    await settle(1_000); // the second try fails too
    await settle(2_000); // the third is answered
    expect(operator.state.offline).toBe(false);
    expect(operator.state.entries[0]?.state).toBe('confirmed');
    expect(new Set(server.callsTo('POST', '/pledges').map((call) => call.body?.pledgeId))).toEqual(new Set(['pledge-1-id']));
    await settle(200); // the desk's list follows the confirmation
    expect(operator.state.deskPledges.map((row) => row.pledge.pledgeId)).toEqual(['pledge-1-id']);
  });

  it('marks a refused pledge rejected and looks at the event again at once (it may have closed)', async () => {
    const operator = open({ session: session() });
    await settle(2_000);
    const before = server.callsTo('GET', '/api/events/gala').length;
    server.event = { ...server.event, status: 'closed' };
    server.pledgeAnswers = [problem(409, '活动未开放或已结束 (event is not live)')];
    operator.requestConfirmation(pledge(400_000_00));
    operator.acceptConfirmation();
    await settle(1_000);
    expect(operator.state.entries[0]?.state).toBe('rejected');
    expect(operator.state.entries[0]?.lastError).toBe('活动未开放或已结束 (event is not live)');
    expect(server.callsTo('GET', '/api/events/gala').length).toBe(before + 1);
    expect(operator.state.event?.status).toBe('closed');
  });

  it('counts what still waits for the sign-out warning, and a sign-out keeps the queue on the device', async () => {
    server.pledgeAnswers = ['network'];
    const operator = open({ session: session() });
    for (const amount of [100_00, 200_00]) {
      operator.requestConfirmation(pledge(amount));
      operator.acceptConfirmation();
    }
    await settle();
    expect(operator.waitingCount()).toBe(2);

    operator.signOut();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    expect(JSON.parse(storage.getItem(queueStorageKey('gala', 'desk-1')) ?? '[]')).toHaveLength(2);
  });

  it('needs no warning once everything is confirmed', async () => {
    const operator = open({ session: session() });
    operator.requestConfirmation(pledge(100_00));
    operator.acceptConfirmation();
    await settle();
    expect(operator.waitingCount()).toBe(0);
  });
});

describe('the read-back', () => {
  it('stores nothing until the operator confirms, and nothing after going back to edit', async () => {
    const operator = open({ session: session() });
    operator.requestConfirmation(pledge(500_000_00));
    expect(operator.state.confirmation?.digitCheck).toBe(false);
    operator.cancelConfirmation();
    expect(operator.state.confirmation).toBeUndefined();
    expect(operator.state.entries).toHaveLength(0);

    operator.requestConfirmation(pledge(500_000_00));
    expect(operator.acceptConfirmation()).toBe(true);
    expect(operator.state.confirmation).toBeUndefined();
    expect(operator.state.entries).toHaveLength(1);
  });

  it('from 1000万 up, records only once the first digit is typed again', async () => {
    const operator = open({ session: session() });
    operator.requestConfirmation(pledge(1_000_000_000)); // 1000万
    expect(operator.state.confirmation?.digitCheck).toBe(true);
    expect(operator.acceptConfirmation('')).toBe(false);
    expect(operator.state.confirmation?.problem).toEqual({ kind: 'wrongDigit' });
    expect(operator.acceptConfirmation('2')).toBe(false);
    expect(operator.state.entries).toHaveLength(0);

    expect(operator.acceptConfirmation('１')).toBe(true); // a full-width 1 from a Chinese keyboard counts
    await settle();
    expect(server.callsTo('POST', '/pledges')[0]?.body?.amountFen).toBe(1_000_000_000);
  });

  it('keeps the dialog and says why when the device cannot store the pledge', () => {
    const operator = open({ session: session() });
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    operator.requestConfirmation(pledge(100_00));
    expect(operator.acceptConfirmation()).toBe(false);
    expect(operator.state.confirmation?.problem).toEqual({ kind: 'storage', reason: 'QuotaExceededError' });
    expect(operator.state.entries).toHaveLength(0);
  });
});

describe('the event status', () => {
  it('fetches the event again as soon as the live total moves without money (the admin closed it)', async () => {
    let listener: ((state: TotalSnapshot, previous: TotalSnapshot | null) => void) | undefined;
    const feed: TotalFeed = { onState: (l) => ((listener = l), () => undefined), start: vi.fn(), stop: vi.fn(async () => undefined) };
    const operator = open({ session: session(), followTotal: () => feed });
    await settle(5_000);
    expect(feed.start).toHaveBeenCalled();
    const before = server.callsTo('GET', '/api/events/gala').length;

    const total = { eventId: 'gala', version: 7, totalFen: 100, pledgeCount: 1 } as TotalSnapshot;
    server.event = { ...server.event, status: 'closed' };
    listener?.({ ...total, version: 8 }, total);
    await settle();
    expect(server.callsTo('GET', '/api/events/gala').length).toBe(before + 1);
    expect(operator.state.event?.status).toBe('closed');
  });
});
