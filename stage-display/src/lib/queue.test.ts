import { describe, expect, it, vi } from 'vitest';
import { PledgeQueue, queueStorageKey, type SendPledge, type SendResult } from './queue';
import { at, body, created, memoryStorage, newQueue, problem, scriptedServer, type Body } from './queue.fixtures';

describe('PledgeQueue', () => {
  it('stores a typed pledge at once, under a new id, and survives a reload', () => {
    const storage = memoryStorage();
    const queue = newQueue(storage);
    const entry = queue.enqueue(body(500_000_000));
    expect(entry).toEqual({ id: 'pledge-0001', body: body(500_000_000), state: 'queued', attempts: 0 });
    expect(storage.items.has(queueStorageKey('demo', 'desk-1'))).toBe(true);

    const reloaded = newQueue(storage);
    expect(reloaded.entries()).toEqual([entry]);
    expect(new PledgeQueue<Body>(storage, 'demo', 'desk-2').entries()).toEqual([]);
  });

  it('makes UUID ids by default, also on a plain-HTTP venue LAN where crypto.randomUUID is missing', () => {
    // What a browser gives a page that is not a secure context: getRandomValues, no randomUUID.
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) });
    try {
      const queue = new PledgeQueue<Body>(memoryStorage(), 'demo', 'desk-1');
      const a = queue.enqueue(body(1));
      const b = queue.enqueue(body(1));
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(a.id).not.toBe(b.id);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sends in order, one at a time, and records the confirmation', async () => {
    const queue = newQueue();
    queue.enqueue(body(1_00));
    queue.enqueue(body(2_00));
    let inFlight = 0;
    const order: string[] = [];
    const send: SendPledge<Body> = async (entry) => {
      inFlight++;
      expect(inFlight).toBe(1);
      order.push(entry.id);
      await Promise.resolve();
      inFlight--;
      return entry.id === 'pledge-0001' ? created(7) : { status: 200, body: { sequence: 8 } };
    };

    expect(await queue.flush(send)).toEqual({ outcome: 'done' });
    expect(order).toEqual(['pledge-0001', 'pledge-0002']);
    expect(queue.entries()).toEqual([
      { id: 'pledge-0001', body: body(1_00), state: 'confirmed', attempts: 1, confirmedAt: at.toISOString(), sequence: 7 },
      { id: 'pledge-0002', body: body(2_00), state: 'confirmed', attempts: 1, confirmedAt: at.toISOString(), sequence: 8 },
    ]);
  });

  it.each([400, 403, 404, 409])('rejects on %d with the problem title, never resends, and goes on', async (status) => {
    const queue = newQueue();
    queue.enqueue(body(1_00));
    queue.enqueue(body(2_00));
    const server = scriptedServer(problem(status, '编号已用于内容不同的认捐'), created(1));

    expect(await queue.flush(server.send)).toEqual({ outcome: 'done' });
    expect(queue.entries()[0]).toMatchObject({ state: 'rejected', lastError: '编号已用于内容不同的认捐', attempts: 1 });
    expect(queue.entries()[1]).toMatchObject({ state: 'confirmed' });

    expect(await queue.flush(server.send)).toEqual({ outcome: 'done' });
    expect(server.sent).toHaveLength(2);
  });

  it('names the status when a refusal has no problem body', async () => {
    const queue = newQueue();
    queue.enqueue(body(1_00));
    await queue.flush(scriptedServer({ status: 400 }).send);
    expect(queue.entries()[0]).toMatchObject({ state: 'rejected', lastError: 'HTTP 400' });
  });

  it.each([
    ['a 503', problem(503, '暂未确认，请重试')],
    ['a 500', { status: 500 }],
    ['a 429', { status: 429 }],
    ['a network error', new TypeError('Failed to fetch')],
  ] as const)('keeps the pledge queued after %s and stops the flush there', async (_, answer) => {
    const queue = newQueue();
    queue.enqueue(body(1_00));
    queue.enqueue(body(2_00));
    const server = scriptedServer(answer);

    expect(await queue.flush(server.send)).toEqual({ outcome: 'retry', retryInMs: 1_000 });
    expect(server.sent.map((s) => s.id)).toEqual(['pledge-0001']);
    expect(queue.entries().map((e) => e.state)).toEqual(['queued', 'queued']);
    expect(queue.entries()[0]?.attempts).toBe(1);
    expect(queue.entries()[0]?.lastError).toBeTruthy();
  });

  it('retries with the same id and body, backing off, until confirmed', async () => {
    const queue = newQueue();
    queue.enqueue(body(5_000_000_00));
    const server = scriptedServer({ status: 503 }, new Error('offline'), { status: 502 }, created(3));

    expect(await queue.flush(server.send)).toEqual({ outcome: 'retry', retryInMs: 1_000 });
    expect(await queue.flush(server.send)).toEqual({ outcome: 'retry', retryInMs: 2_000 });
    expect(await queue.flush(server.send)).toEqual({ outcome: 'retry', retryInMs: 4_000 });
    expect(await queue.flush(server.send)).toEqual({ outcome: 'done' });

    expect(new Set(server.sent.map((s) => JSON.stringify(s)))).toEqual(
      new Set([JSON.stringify({ id: 'pledge-0001', body: body(5_000_000_00) })]),
    );
    expect(server.sent).toHaveLength(4);
    expect(queue.entries()[0]).toMatchObject({ state: 'confirmed', attempts: 4, sequence: 3 });
    expect(queue.entries()[0]?.lastError).toBeUndefined();
  });

  it('stops on 401 and keeps the pledge for after the next sign-in', async () => {
    const queue = newQueue();
    queue.enqueue(body(1_00));
    queue.enqueue(body(2_00));
    const server = scriptedServer(problem(401, '请重新登录'), created(1), created(2));

    expect(await queue.flush(server.send)).toEqual({ outcome: 'signedOut' });
    expect(queue.entries().map((e) => e.state)).toEqual(['queued', 'queued']);
    expect(server.sent).toHaveLength(1);

    expect(await queue.flush(server.send)).toEqual({ outcome: 'done' });
    expect(server.sent.map((s) => s.id)).toEqual(['pledge-0001', 'pledge-0001', 'pledge-0002']);
  });

  it('does not run two flushes at once', async () => {
    const queue = newQueue();
    queue.enqueue(body(1_00));
    let release!: (answer: SendResult) => void;
    const first = queue.flush(() => new Promise((resolve) => (release = resolve)));
    expect(await queue.flush(async () => created(9))).toEqual({ outcome: 'busy' });
    release(created(1));
    expect(await first).toEqual({ outcome: 'done' });
    expect(queue.entries()[0]?.sequence).toBe(1);
  });

  it('sends a pledge typed while a flush is running in the same flush', async () => {
    const queue = newQueue();
    queue.enqueue(body(1_00));
    const sent: string[] = [];
    const result = await queue.flush(async (entry) => {
      sent.push(entry.id);
      if (sent.length === 1) queue.enqueue(body(2_00));
      return created(sent.length);
    });
    expect(result).toEqual({ outcome: 'done' });
    expect(sent).toEqual(['pledge-0001', 'pledge-0002']);
  });

  it('resends after a reload a pledge whose answer never came', async () => {
    const storage = memoryStorage();
    const queue = newQueue(storage);
    queue.enqueue(body(1_00));
    // The page is closed while the request is in flight.
    void queue.flush(() => new Promise<SendResult>(() => {}));
    expect(JSON.parse(storage.items.get(queueStorageKey('demo', 'desk-1')) ?? '[]')[0].state).toBe('sending');

    const reloaded = newQueue(storage);
    expect(reloaded.entries()[0]).toMatchObject({ id: 'pledge-0001', state: 'queued', attempts: 1 });
    const server = scriptedServer(created(1));
    expect(await reloaded.flush(server.send)).toEqual({ outcome: 'done' });
    expect(server.sent).toEqual([{ id: 'pledge-0001', body: body(1_00) }]);
  });

  it('persists every state change', async () => {
    const storage = memoryStorage();
    const queue = newQueue(storage);
    queue.enqueue(body(1_00));
    await queue.flush(scriptedServer(created(4)).send);
    expect(newQueue(storage).entries()[0]).toMatchObject({ state: 'confirmed', sequence: 4 });
  });

  it('tells listeners about each change until unsubscribed', async () => {
    const queue = newQueue();
    const seen: string[][] = [];
    const unsubscribe = queue.onChange((entries) => seen.push(entries.map((e) => e.state)));
    queue.enqueue(body(1_00));
    await queue.flush(scriptedServer(created(1)).send);
    expect(seen).toEqual([['queued'], ['sending'], ['confirmed']]);
    unsubscribe();
    queue.enqueue(body(2_00));
    expect(seen).toHaveLength(3);
  });

  it('keeps nothing and says so when the pledge cannot be stored', () => {
    const queue = new PledgeQueue<Body>(
      {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      },
      'demo',
      'desk-1',
    );
    expect(() => queue.enqueue(body(1_00))).toThrow('QuotaExceededError');
    expect(queue.entries()).toEqual([]);
  });

  it('sets unreadable stored text aside instead of overwriting it', () => {
    const storage = memoryStorage();
    const key = queueStorageKey('demo', 'desk-1');
    storage.setItem(key, '{not json');
    const queue = newQueue(storage);
    expect(queue.entries()).toEqual([]);
    expect(storage.items.get(`${key}.unreadable`)).toBe('{not json');
  });
});
