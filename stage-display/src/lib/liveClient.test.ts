import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { push, settle, setUp, snapshot } from './liveClient.fixtures';
import { reconnectDelayMs } from './liveHub';
import type { LiveAudience } from './liveOptions';
import type { TotalSnapshot } from './types';

describe('LiveClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('watches the event on start and shows the snapshot it returns', async () => {
    const { hub, client, versions, previousVersions, connection } = setUp();
    hub.answerWatch = () => Promise.resolve(snapshot(4));
    client.start();
    await settle();
    expect(hub.watched).toEqual(['demo']);
    expect(hub.methods).toEqual(['Watch']);
    expect(versions).toEqual([4]);
    expect(previousVersions).toEqual([null]);
    expect(connection).toEqual([true]);
    expect(client.status).toBe('live');
  });

  it('follows as a phone viewer, on start, after a gap and after a reconnect', async () => {
    const { hub, client, versions } = setUp(undefined, { audience: 'viewers' });
    client.start();
    await settle();
    hub.answerWatch = () => Promise.resolve(snapshot(6));
    hub.send(push(4, 5));
    await settle();
    hub.loseConnection();
    hub.answerWatch = () => Promise.resolve(snapshot(8));
    hub.reconnect();
    await settle();
    expect(hub.methods).toEqual(['Follow', 'Follow', 'Follow']);
    expect(hub.watched).toEqual(['demo', 'demo', 'demo']);
    expect(versions).toEqual([1, 6, 8]);
  });

  it('applies pushes that follow, ignores old ones, and fetches a snapshot after a gap', async () => {
    const { hub, client, versions, previousVersions } = setUp();
    client.start();
    await settle();
    hub.send(push(1, 2));
    hub.send(push(1, 2));
    hub.send(push(0, 1));
    expect(versions).toEqual([1, 2]);
    expect(previousVersions).toEqual([null, 1]);

    hub.answerWatch = () => Promise.resolve(snapshot(9));
    hub.send(push(5, 6));
    await settle();
    expect(hub.watched).toHaveLength(2);
    expect(versions).toEqual([1, 2, 9]);
    hub.send(push(9, 10));
    expect(versions.at(-1)).toBe(10);
  });

  it('never goes back to a snapshot older than a push that overtook it', async () => {
    const { hub, client, versions } = setUp();
    client.start();
    await settle();
    let answer!: (value: TotalSnapshot) => void;
    hub.answerWatch = () => new Promise((resolve) => (answer = resolve));
    hub.send(push(3, 4)); // gap: a Watch is now in flight
    hub.answerWatch = () => Promise.resolve(snapshot(7));
    hub.send(push(5, 6)); // another gap while the first Watch runs: asked again afterwards
    answer(snapshot(5));
    await settle();
    expect(versions).toEqual([1, 5, 7]);
    hub.answerWatch = () => Promise.resolve(snapshot(6));
    hub.send(push(8, 9));
    await settle();
    expect(versions).toEqual([1, 5, 7]);
    expect(client.current?.version).toBe(7);
  });

  it('marks the data stale on losing the connection and watches again after reconnecting', async () => {
    const { hub, client, versions, connection } = setUp();
    client.start();
    await settle();
    hub.loseConnection();
    expect(connection).toEqual([true, false]);
    expect(client.status).toBe('disconnected');

    hub.answerWatch = () => Promise.resolve(snapshot(12));
    hub.reconnect();
    await settle();
    expect(hub.watched).toEqual(['demo', 'demo']);
    expect(versions).toEqual([1, 12]);
    expect(connection).toEqual([true, false, true]);
  });

  it('polls the total over HTTP while the hub is down, and stops once it is back', async () => {
    let version = 2;
    const { hub, client, fetches, versions } = setUp(() => Promise.resolve(snapshot(version++)), {
      staleAfterMs: 60 * 60_000, // the check on a connected but silent hub has tests of its own
    });
    client.start();
    await settle();
    hub.loseConnection();
    await settle();
    expect(fetches).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetches).toHaveBeenCalledTimes(2);
    expect(versions).toEqual([1, 2, 3]);

    hub.answerWatch = () => Promise.resolve(snapshot(20));
    hub.reconnect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetches).toHaveBeenCalledTimes(2);
    expect(versions).toEqual([1, 2, 3, 20]);
    expect(client.status).toBe('live');
  });

  it('keeps restarting a closed connection, with backoff, for as long as it takes', async () => {
    const { hub, client, connection, versions } = setUp();
    client.start();
    await settle();
    hub.failStarts = 8;
    hub.giveUp();
    expect(connection).toEqual([true, false]);

    await vi.advanceTimersByTimeAsync(0 + 1_000 + 2_000 + 5_000 + 10_000);
    expect(hub.starts).toBe(1 + 5);
    await vi.advanceTimersByTimeAsync(10_000 * 4 - 1);
    expect(hub.starts).toBe(1 + 8);
    hub.answerWatch = () => Promise.resolve(snapshot(3));
    await vi.advanceTimersByTimeAsync(1);
    expect(hub.starts).toBe(1 + 9);
    expect(hub.state).toBe('Connected');
    expect(connection).toEqual([true, false, true]);
    expect(versions).toEqual([1, 3]);
  });

  it('reports a failed first start as disconnected and keeps trying', async () => {
    const { hub, client, connection, versions } = setUp();
    hub.failStarts = 2;
    client.start();
    await settle(); // the first restart follows at once, and fails too
    expect(hub.starts).toBe(2);
    expect(connection).toEqual([false]);
    expect(versions).toEqual([]);
    await vi.advanceTimersByTimeAsync(reconnectDelayMs(1));
    expect(hub.starts).toBe(3);
    expect(connection).toEqual([false, true]);
    expect(versions).toEqual([1]);
  });

  it('asks again when Watch fails on a live connection', async () => {
    const { hub, client, connection, versions } = setUp();
    hub.answerWatch = () => Promise.reject(new Error('busy'));
    client.start();
    await settle();
    expect(connection).toEqual([false]);
    hub.answerWatch = () => Promise.resolve(snapshot(2));
    await vi.advanceTimersByTimeAsync(reconnectDelayMs(1));
    expect(hub.watched).toHaveLength(2);
    expect(connection).toEqual([false, true]);
    expect(versions).toEqual([2]);
  });

  it('takes a null answer to Watch as no such event: not a snapshot, not connected, and asks no more', async () => {
    const { hub, client, fetches, versions, connection } = setUp(() => Promise.resolve(snapshot(1)));
    hub.answerWatch = () => Promise.resolve(null);
    client.start();
    await settle();
    expect(versions).toEqual([]);
    expect(client.current).toBeNull();
    expect(connection).not.toContain(true);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(hub.watched).toEqual(['demo']);
    expect(hub.starts).toBe(1);
    expect(fetches).not.toHaveBeenCalled();
  });

  it.each<[LiveAudience, string]>([
    ['screens', 'Watch'],
    ['viewers', 'Follow'],
  ])('tells the %s page once that the event does not exist when %s answers null', async (audience, method) => {
    const { hub, client } = setUp(undefined, { audience });
    hub.answerWatch = () => Promise.resolve(null);
    const unknown = vi.fn();
    client.onUnknownEvent(unknown);
    client.start();
    await settle();
    expect(hub.methods).toEqual([method]);
    expect(unknown).toHaveBeenCalledTimes(1);
    expect(client.unknownEvent).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(unknown).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    client.onUnknownEvent(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('says so when the event is gone on a reconnect', async () => {
    const { hub, client, versions } = setUp();
    const unknown = vi.fn();
    client.onUnknownEvent(unknown);
    client.start();
    await settle();
    expect(client.unknownEvent).toBe(false);
    hub.loseConnection();
    hub.answerWatch = () => Promise.resolve(null);
    hub.reconnect();
    await settle();
    expect(unknown).toHaveBeenCalledTimes(1);
    expect(versions).toEqual([1]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(hub.watched).toEqual(['demo', 'demo']);
  });

  it('stops trying once stopped', async () => {
    const { hub, client } = setUp();
    client.start();
    await settle();
    hub.failStarts = 100;
    await client.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(hub.starts).toBe(1);
  });
});
