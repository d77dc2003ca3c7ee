import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TotalSnapshot } from '../../lib/types';
import type { KeyValueStore } from './wallCache';
import { event, FakeLive, memory, snapshot, wall } from './wallStore.fixtures';

describe('WallStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the last live state, and a wall started again shows it until the live one comes', async () => {
    const storage = memory();
    const first = wall(storage);
    first.store.start();
    first.live.state(snapshot(7, 5_000_000_00), null);
    await vi.runOnlyPendingTimersAsync();

    const reloaded = wall(storage, new FakeLive(), vi.fn(async () => { throw new Error('offline'); }));
    reloaded.store.start();
    expect(reloaded.store.snapshot?.totalFen).toBe(5_000_000_00);
    expect(reloaded.store.event?.title).toBe('慈善晚会');
    expect(reloaded.store.fromCache).toBe(true);

    reloaded.live.state(snapshot(2, 6_000_000_00), null); // a restarted server may count versions anew
    expect(reloaded.store.snapshot?.totalFen).toBe(6_000_000_00);
    expect(reloaded.store.fromCache).toBe(false);
  });

  it('ignores a kept state of another event', () => {
    const storage = memory();
    storage.setItem('charityday.wall.v1.gala', JSON.stringify({ snapshot: snapshot(3, 100, { eventId: 'other' }), event: null, scene: 'total', savedAt: 1 }));
    const { store } = wall(storage);
    store.start();
    expect(store.snapshot).toBeNull();
  });

  it('works without storage, and with storage that throws', () => {
    const throwing: KeyValueStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    const { store, live } = wall(throwing);
    store.start();
    live.state(snapshot(1, 100), null);
    expect(store.snapshot?.totalFen).toBe(100);
  });

  it('marks a rehearsal from the state or the event status', async () => {
    const { store, live } = wall(memory(), new FakeLive(), vi.fn(async () => ({ ...event, status: 'rehearsal' as 'live' })));
    store.start();
    live.state(snapshot(1, 100), null);
    expect(store.rehearsal).toBe(false);
    await vi.runOnlyPendingTimersAsync();
    expect(store.rehearsal).toBe(true);

    const other = wall(memory());
    other.store.start();
    other.live.state(snapshot(1, 100, { rehearsal: true }), null);
    expect(other.store.rehearsal).toBe(true);
  });

  it('takes the admin’s seconds per name from the state', () => {
    const { store, live } = wall(memory());
    store.start();
    live.state(snapshot(1, 100, { screen: { roundTitle: '', showDonorNames: true, nameSeconds: 8 } as TotalSnapshot['screen'] }), null);
    expect(store.feed.entryIntervalMs()).toBe(2_000);
  });

  it('stops following an event that does not exist', async () => {
    const { store, live } = wall(memory(), new FakeLive(), vi.fn(async () => null));
    const changes: string[] = [];
    store.subscribe((change) => changes.push(change));
    store.start();
    await vi.runOnlyPendingTimersAsync();
    expect(store.unknownEvent).toBe(true);
    expect(live.started).toBe(false);
    expect(changes).toContain('unknown');
  });
});
