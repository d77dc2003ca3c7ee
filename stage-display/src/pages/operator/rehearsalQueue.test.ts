import { describe, expect, it } from 'vitest';
import type { PledgeBody } from '../../lib/api';
import { PledgeQueue } from '../../lib/queue';
import { memoryStorage } from './fakeServer';
import type { Entry } from './queueSummary';
import { addToNotice, refusedRehearsal, rehearsalLeftovers, RehearsalGuard, typedInRehearsal, type DiscardCause } from './rehearsalQueue';

const body = (amountFen: number): PledgeBody => ({ deskId: 'desk-1', amountFen, donorName: '某某集团', donorKind: 'enterprise', anonymous: false });
const entry = (id: string, state: Entry['state'], extra: Partial<Entry> = {}): Entry => ({ id, body: body(100), state, attempts: 0, ...extra });

describe('the rehearsal rule of the queue', () => {
  it('marks as rehearsal only what is typed while the server says rehearsal', () => {
    expect(typedInRehearsal('rehearsal')).toBe(true);
    for (const status of ['draft', 'live', 'closed', undefined] as const) expect(typedInRehearsal(status)).toBe(false);
  });

  it('keeps every rehearsal pledge while the rehearsal runs', () => {
    expect(rehearsalLeftovers([entry('a', 'queued', { rehearsal: true })], 'rehearsal')).toEqual([]);
  });

  it('gives up every unconfirmed rehearsal pledge once the event is reset or opened, and no live one', () => {
    const entries = [
      entry('queued-rehearsal', 'queued', { rehearsal: true }),
      entry('sending-rehearsal', 'sending', { rehearsal: true }),
      entry('refused-rehearsal', 'rejected', { rehearsal: true }),
      entry('confirmed-rehearsal', 'confirmed', { rehearsal: true }),
      entry('queued-live', 'queued'),
    ];
    for (const status of ['draft', 'live', 'closed'] as const) {
      expect(rehearsalLeftovers(entries, status).map((e) => e.id)).toEqual(['queued-rehearsal', 'sending-rehearsal', 'refused-rehearsal']);
    }
  });

  it('drops a rehearsal pledge the server refused with 409, but not a live one or another refusal', () => {
    const entries = [
      entry('replayed', 'rejected', { rehearsal: true, lastStatus: 409 }),
      entry('bad-input', 'rejected', { rehearsal: true, lastStatus: 400 }),
      entry('live-closed', 'rejected', { lastStatus: 409 }),
    ];
    expect(refusedRehearsal(entries).map((e) => e.id)).toEqual(['replayed']);
  });

  it('adds up the notice while it is shown, for the same cause', () => {
    const first = addToNotice(undefined, 'rehearsalEnded', [entry('a', 'queued')]);
    expect(first).toEqual({ cause: 'rehearsalEnded', count: 1 });
    expect(addToNotice(first, 'rehearsalEnded', [entry('b', 'queued'), entry('c', 'queued')]).count).toBe(3);
    expect(addToNotice(first, 'refused', [entry('d', 'rejected', { lastError: 'replay' })])).toEqual({ cause: 'refused', count: 1, reason: 'replay' });
  });

  it('takes the leftovers off the stored queue when the server says the rehearsal is over, and tells', () => {
    const storage = memoryStorage();
    let n = 0;
    const queue = new PledgeQueue<PledgeBody>(storage, 'gala', 'desk-1', { newId: () => `pledge-${++n}` });
    queue.enqueue(body(100), { rehearsal: true });
    queue.enqueue(body(200), { rehearsal: true });
    const notices: [DiscardCause, number][] = [];
    const guard = new RehearsalGuard(queue, (cause, removed) => notices.push([cause, removed.length]));

    guard.statusFromServer('rehearsal');
    expect(guard.inRehearsal).toBe(true);
    expect(queue.entries()).toHaveLength(2);

    queue.enqueue(body(300)); // typed after the open: live money
    guard.statusFromServer('live');
    expect(guard.inRehearsal).toBe(false);
    expect(queue.entries().map((e) => e.body.amountFen)).toEqual([300]);
    expect(notices).toEqual([['rehearsalEnded', 2]]);
    // Gone from the device too: a reload does not bring them back.
    expect(new PledgeQueue<PledgeBody>(storage, 'gala', 'desk-1').entries().map((e) => e.body.amountFen)).toEqual([300]);
  });
});
