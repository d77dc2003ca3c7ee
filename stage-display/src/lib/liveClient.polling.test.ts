// A hub can be connected and still silent while the total moves (a node whose push path broke): the
// client then fetches the total over HTTP, and goes back to the pushes once they come again.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { push, settle, setUp, snapshot } from './liveClient.fixtures';
import type { TotalSnapshot } from './types';

/** The HTTP total as the server has it now; the test moves it without the hub pushing. */
function serverTotal(version: number) {
  const server = { version, answer: (): Promise<TotalSnapshot> => Promise.resolve(snapshot(server.version)) };
  return server;
}

describe('LiveClient on a connected but silent hub', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('shows a total the hub did not push within staleAfter + poll, polls until a push arrives, then stops', async () => {
    const server = serverTotal(1);
    const { hub, client, fetches, versions } = setUp(server.answer, { staleAfterMs: 1_000, pollWhileStaleMs: 300 });
    client.start();
    await settle();
    expect(versions).toEqual([1]);

    await vi.advanceTimersByTimeAsync(1_000); // a quiet second: checked, nothing new
    expect(fetches).toHaveBeenCalledTimes(1);
    server.version = 3; // pledges come in, and no push reaches this page
    await vi.advanceTimersByTimeAsync(1_000);
    expect(versions).toEqual([1, 3]);

    server.version = 4;
    await vi.advanceTimersByTimeAsync(300); // polling now
    await vi.advanceTimersByTimeAsync(300); // the total stands still: still polling, nothing redrawn
    server.version = 6;
    await vi.advanceTimersByTimeAsync(300);
    expect(fetches).toHaveBeenCalledTimes(5);
    expect(versions).toEqual([1, 3, 4, 6]);

    hub.send(push(6, 7)); // the pushes are back
    expect(versions).toEqual([1, 3, 4, 6, 7]);
    await vi.advanceTimersByTimeAsync(999);
    hub.send(push(7, 8));
    await vi.advanceTimersByTimeAsync(999);
    expect(fetches).toHaveBeenCalledTimes(5);
    server.version = 8;
    await vi.advanceTimersByTimeAsync(1); // a second of silence since the last push: one check
    expect(fetches).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(999); // not newer: the next check after another second, no polling
    expect(fetches).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetches).toHaveBeenCalledTimes(7);
    expect(versions).toEqual([1, 3, 4, 6, 7, 8]);
  });

  it('keeps the big screen within 2 s of the total by default: a check after 1 s of silence, then a poll every second', async () => {
    const server = serverTotal(1);
    const fetchedAt: number[] = [];
    const start = Date.now();
    const { client, versions } = setUp(() => {
      fetchedAt.push(Date.now() - start);
      return server.answer();
    });
    client.start();
    await settle();
    server.version = 2;
    await vi.advanceTimersByTimeAsync(1_001);
    server.version = 3;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetchedAt).toEqual([1_000, 2_000, 3_000]);
    expect(versions).toEqual([1, 2, 3]);
  });

  it('never lets an older or equal polled total replace a newer one', async () => {
    const server = serverTotal(7);
    const { hub, client, fetches, versions } = setUp(() => server.answer());
    client.start();
    await settle();
    hub.send(push(1, 7));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetches).toHaveBeenCalledTimes(1); // equal: nothing to draw
    server.version = 5; // a node whose reads lag behind
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetches).toHaveBeenCalledTimes(2);
    expect(versions).toEqual([1, 7]);
    expect(client.current?.version).toBe(7);

    // A check in flight when a newer push arrives answers after it, with what it read before.
    let answer!: (value: TotalSnapshot) => void;
    fetches.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await vi.advanceTimersByTimeAsync(1_000);
    hub.send(push(7, 9));
    answer(snapshot(8));
    await settle();
    expect(versions).toEqual([1, 7, 9]);
    expect(client.current?.version).toBe(9);
  });

  it('tells the page it is polling once the pushes stayed behind for a poll, and live again on the next push', async () => {
    const server = serverTotal(1);
    const { hub, client, statuses } = setUp(server.answer);
    client.start();
    await settle();
    server.version = 2;
    await vi.advanceTimersByTimeAsync(1_000);
    hub.send(push(1, 2)); // the push was only a moment late: no reason to flash a status on the screen
    server.version = 3;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(statuses).toEqual(['live']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(statuses).toEqual(['live', 'polling']);
    expect(client.status).toBe('polling');
    hub.send(push(3, 4));
    expect(statuses).toEqual(['live', 'polling', 'live']);

    server.version = 5;
    await vi.advanceTimersByTimeAsync(2_000);
    hub.loseConnection();
    expect(statuses).toEqual(['live', 'polling', 'live', 'polling', 'disconnected']);
  });

  it('gives a phone 5 s of silence plus a jitter of at most 2 s, drawn again for every check', async () => {
    const random = vi.spyOn(Math, 'random').mockReturnValueOnce(0).mockReturnValueOnce(0.99999).mockReturnValue(0.5);
    const { client, fetches } = setUp(serverTotal(1).answer, { audience: 'viewers' });
    client.start();
    await settle();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fetches).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetches).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(fetches).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetches).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(fetches).toHaveBeenCalledTimes(3);
    expect(random).toHaveBeenCalledTimes(4);
  });

  it('spreads the checks of phones that heard the same push over the jitter, never outside it', async () => {
    const checkedAt: number[] = [];
    const start = Date.now();
    const phones = Array.from({ length: 200 }, () =>
      setUp(() => {
        checkedAt.push(Date.now() - start);
        return Promise.resolve(snapshot(1));
      }, { audience: 'viewers' }),
    );
    phones.forEach(({ client }) => client.start());
    await settle();
    await vi.advanceTimersByTimeAsync(7_000);
    expect(checkedAt).toHaveLength(200);
    expect(Math.min(...checkedAt)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...checkedAt)).toBeLessThanOrEqual(7_000);
    // Uniform over 2 s: each fifth of a second gets some (one stays empty with odds of about 10 × 0.9^200 ≈ 10⁻⁸).
    const slices = new Set(checkedAt.map((time) => Math.min(Math.floor((time - 5_000) / 200), 9)));
    expect(slices.size).toBe(10);
  });
});
