import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TotalSnapshot } from '../../lib/types';
import { EventStatusFollower } from './eventFollower';

const total = (version: number, totalFen: number, extra: Partial<TotalSnapshot> & { rehearsal?: boolean } = {}) =>
  ({ eventId: 'gala', version, totalFen, pledgeCount: totalFen, ...extra }) as TotalSnapshot;

describe('EventStatusFollower', () => {
  let refresh: ReturnType<typeof vi.fn<() => Promise<void>>>;
  let follower: EventStatusFollower;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    refresh = vi.fn(async () => undefined);
    follower = new EventStatusFollower(refresh, { urgentGapMs: 1_000, lazyGapMs: 15_000, now: () => Date.now() });
  });

  afterEach(() => {
    follower.stop();
    vi.useRealTimers();
  });

  it('fetches the event at once when the version moves without money: the admin changed it', async () => {
    follower.totalChanged(total(2, 10), total(1, 10));
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('also when the rehearsal mark flips', async () => {
    follower.totalChanged(total(2, 20, { rehearsal: true }), total(1, 10));
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('while only money moves, fetches lazily: once per 15 s however many pushes come', async () => {
    for (let version = 1; version <= 40; version++) {
      follower.totalChanged(total(version + 1, version + 1), total(version, version));
      await vi.advanceTimersByTimeAsync(250);
    }
    // 10 s of pushes: one fetch at once, the next not before 15 s.
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('never fetches more than once a second, even for a burst of changes', async () => {
    for (let i = 0; i < 9; i++) {
      follower.request('urgent');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(refresh).toHaveBeenCalledTimes(1); // at 0 ms; the rest of the burst waits for 1000 ms
    await vi.advanceTimersByTimeAsync(100);
    expect(refresh).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('fetches the event once more on the first state: a close made while the feed connected is not missed', async () => {
    follower.refreshed(); // the console fetched the event as it opened
    follower.totalChanged(total(7, 10), null); // the feed's first state already holds the close
    await vi.advanceTimersByTimeAsync(999);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('ignores a state that did not move', async () => {
    follower.totalChanged(total(1, 10), total(1, 10));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
