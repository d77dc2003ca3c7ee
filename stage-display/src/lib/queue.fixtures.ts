// What the offline queue's tests share: an in-memory storage, a queue on it with ids and a clock the
// test owns, and a server scripted answer by answer.

import type { SendPledge, SendResult } from './queue';
import { PledgeQueue } from './queue';

export interface Body {
  amountFen: number;
  donorName: string;
}

export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

export function counter() {
  let n = 0;
  return () => `pledge-${String(++n).padStart(4, '0')}`;
}

export const at = new Date('2025-09-05T12:34:56.000Z');

export function newQueue(storage = memoryStorage()) {
  return new PledgeQueue<Body>(storage, 'demo', 'desk-1', { newId: counter(), now: () => at });
}

/** A server that answers each send from the list, recording what it was sent. */
export function scriptedServer(...answers: (SendResult | Error)[]) {
  const sent: { id: string; body: Body }[] = [];
  const send: SendPledge<Body> = async (entry) => {
    sent.push({ id: entry.id, body: entry.body });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers scripted');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { send, sent };
}

export const body = (amountFen: number): Body => ({ amountFen, donorName: '某某集团' });
export const created = (sequence: number): SendResult => ({ status: 201, body: { pledgeId: 'x', sequence } });
export const problem = (status: number, title: string): SendResult => ({ status, body: { status, title } });

