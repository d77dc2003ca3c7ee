import { describe, expect, it, vi } from 'vitest';
import { PledgeQueue, nextRetryDelayMs, type SendResult } from './queue';
import { at, body, created, memoryStorage, newQueue, problem, scriptedServer } from './queue.fixtures';

describe('PledgeQueue and the rehearsal', () => {
  it('keeps the rehearsal mark through a reload and hands it to the send', async () => {
    const storage = memoryStorage();
    newQueue(storage).enqueue(body(1_00), { rehearsal: true });
    const reloaded = newQueue(storage);
    reloaded.enqueue(body(2_00));
    expect(reloaded.entries().map((e) => e.rehearsal)).toEqual([true, undefined]);
    const seen: (boolean | undefined)[] = [];
    await reloaded.flush(async (entry) => {
      seen.push(entry.rehearsal);
      return created(seen.length);
    });
    expect(seen).toEqual([true, undefined]);
  });

  it('remembers the status of a refusal, so a 409 on a rehearsal pledge can be told apart', async () => {
    const queue = newQueue();
    queue.enqueue(body(1_00), { rehearsal: true });
    await queue.flush(scriptedServer(problem(409, '彩排已重置')).send);
    expect(queue.entries()[0]).toMatchObject({ state: 'rejected', lastStatus: 409, lastError: '彩排已重置', rehearsal: true });
  });

  it('removes entries for good, and one taken off while in flight is not put back by its answer', async () => {
    const storage = memoryStorage();
    const queue = newQueue(storage);
    queue.enqueue(body(1_00));
    queue.enqueue(body(2_00));
    let release: (result: SendResult) => void = () => undefined;
    const sent: string[] = [];
    const flushing = queue.flush((entry) => {
      sent.push(entry.id);
      return entry.id === 'pledge-0001' ? new Promise<SendResult>((resolve) => { release = resolve; }) : Promise.resolve(created(2));
    });
    await vi.waitFor(() => expect(sent).toEqual(['pledge-0001']));
    expect(queue.remove(new Set(['pledge-0001'])).map((e) => e.id)).toEqual(['pledge-0001']);
    release({ status: 503 });
    expect(await flushing).toEqual({ outcome: 'done' });
    expect(sent).toEqual(['pledge-0001', 'pledge-0002']);
    expect(newQueue(storage).entries().map((e) => [e.id, e.state])).toEqual([['pledge-0002', 'confirmed']]);
    expect(queue.remove(new Set(['nothing']))).toEqual([]);
  });
});

describe('nextRetryDelayMs', () => {
  it('doubles from one second and stops at fifteen', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(nextRetryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000]);
    expect(nextRetryDelayMs(0)).toBe(1_000);
  });
});
