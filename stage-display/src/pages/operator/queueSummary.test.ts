import { describe, expect, it } from 'vitest';
import type { PledgeBody } from '../../lib/api';
import type { QueueEntry, QueueEntryState } from '../../lib/queue';
import { summarizeQueue, visibleEntries, waitingCount } from './queueSummary';

const entry = (id: string, state: QueueEntryState): QueueEntry<PledgeBody> =>
  ({ id, state, attempts: 1, body: { deskId: 'desk-1', amountFen: 100, donorName: id, donorKind: 'enterprise', anonymous: false } });
const calm = { signedOut: false, offline: false, retryAt: undefined, now: 0 };

describe('the queue summary', () => {
  it('counts queued and in-flight pledges as waiting (the sign-out warning), not confirmed or refused ones', () => {
    expect(waitingCount([entry('a', 'queued'), entry('b', 'sending'), entry('c', 'confirmed'), entry('d', 'rejected')])).toBe(2);
    expect(waitingCount([entry('c', 'confirmed')])).toBe(0);
  });

  it('puts being signed out first, then offline with a countdown, then waiting, then refused', () => {
    const entries = [entry('a', 'queued'), entry('d', 'rejected')];
    expect(summarizeQueue(entries, new Set(), { ...calm, signedOut: true, offline: true }).state).toBe('signedOut');
    expect(summarizeQueue(entries, new Set(), { ...calm, offline: true, retryAt: 4_500, now: 1_000 })).toEqual({ state: 'offline', pending: 1, rejected: 1, retryInSeconds: 4 });
    expect(summarizeQueue(entries, new Set(), calm).state).toBe('pending');
    expect(summarizeQueue([entry('d', 'rejected')], new Set(), calm).state).toBe('rejected');
    expect(summarizeQueue([entry('d', 'rejected')], new Set(['d']), calm).state).toBe('ok');
  });

  it('lists everything open and the last six confirmed, newest first, without the re-entered ones', () => {
    const entries = [...Array.from({ length: 8 }, (_, i) => entry(`c${i}`, 'confirmed')), entry('q', 'queued'), entry('r', 'rejected')];
    expect(visibleEntries(entries, new Set(['r'])).map((e) => e.id)).toEqual(['q', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2']);
  });
});
