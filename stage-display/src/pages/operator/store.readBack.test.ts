import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PledgeBody } from '../../lib/api';
import { FakeServer, memoryStorage, problem, session } from './fakeServer';
import { SESSION_KEY } from './session';
import { SIMILAR_TIMEOUT_MS, type SimilarPledge } from './similarPledges';
import { OperatorStore } from './store';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const pledge = (amountFen: number, extra: Partial<PledgeBody> = {}): PledgeBody =>
  ({ deskId: 'desk-1', amountFen, donorName: '某某集团', donorKind: 'enterprise', anonymous: false, ...extra });
const match: SimilarPledge = { pledgeId: 'p-2', deskId: 'desk-2', deskName: '二号台', donorName: '某某集团', amountFen: 500_000_00, recordedAt: '2026-12-02T11:58:30Z' };

let server: FakeServer;
let store: OperatorStore | undefined;
let ids = 0;

function open(): OperatorStore {
  const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(session()) });
  store = new OperatorStore({ storage, fetch: server.fetch, now: () => Date.now(), newId: () => `pledge-${++ids}-id` });
  store.start();
  return store;
}

const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const sends = () => server.callsTo('POST', '/pledges');

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  server = new FakeServer();
  ids = 0;
});

afterEach(() => {
  store?.stop();
  store = undefined;
  vi.useRealTimers();
});

describe('the duplicate warning at the read-back', () => {
  it('asks about the donor and amount, and with a match only the second confirmation records', async () => {
    server.similar = [match];
    const operator = open();
    await settle();
    operator.requestConfirmation(pledge(500_000_00));
    await settle();
    expect(server.callsTo('POST', '/pledges/similar')[0]?.body).toEqual({ deskId: 'desk-1', donorName: '某某集团', amountFen: 500_000_00 });
    expect(operator.state.confirmation?.similar).toEqual([match]);

    expect(operator.acceptConfirmation('', false)).toBe(false);
    expect(operator.state.confirmation?.problem).toEqual({ kind: 'duplicate' });
    expect(operator.state.entries).toHaveLength(0);

    expect(operator.acceptConfirmation('', true)).toBe(true);
    await settle();
    expect(sends()).toHaveLength(1);
  });

  it('records at the first confirmation when nothing similar was found', async () => {
    const operator = open();
    await settle();
    operator.requestConfirmation(pledge(500_000_00));
    await settle();
    expect(operator.state.confirmation?.similar).toBeUndefined();
    expect(operator.acceptConfirmation()).toBe(true);
  });

  it('does not ask about an anonymous pledge', async () => {
    server.similar = [match];
    const operator = open();
    await settle();
    operator.requestConfirmation(pledge(500_000_00, { anonymous: true, donorName: '' }));
    await settle();
    expect(server.callsTo('POST', '/pledges/similar')).toHaveLength(0);
    expect(operator.acceptConfirmation()).toBe(true);
  });

  it('never holds up recording: an unreachable, failing or slow server counts as nothing similar', async () => {
    for (const failure of ['network', problem(500, 'boom'), problem(404, 'old server')] as const) {
      server.similar = failure;
      const operator = open();
      await settle();
      operator.requestConfirmation(pledge(500_000_00));
      await settle();
      expect(operator.acceptConfirmation()).toBe(true);
      operator.stop();
    }
    // Not answered yet: the operator who already read it back records at once.
    server.similar = [match];
    const operator = open();
    await settle();
    operator.requestConfirmation(pledge(700_000_00));
    expect(operator.acceptConfirmation()).toBe(true);
    await settle(SIMILAR_TIMEOUT_MS);
    expect(operator.state.confirmation).toBeUndefined(); // a late answer does not reopen anything
  });

  it('ignores an answer about a read-back that was already closed', async () => {
    server.similar = [match];
    const operator = open();
    await settle();
    operator.requestConfirmation(pledge(500_000_00));
    operator.cancelConfirmation();
    operator.requestConfirmation(pledge(600_000_00));
    const second = operator.state.confirmation;
    await settle();
    // Both questions were answered with the match; only the open read-back takes its own answer.
    expect(operator.state.confirmation?.body).toBe(second?.body);
    expect(server.callsTo('POST', '/pledges/similar')).toHaveLength(2);
  });
});
