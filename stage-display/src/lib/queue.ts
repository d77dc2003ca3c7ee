// The operator console's offline queue. Venue Wi-Fi fails mid-show: a typed pledge is stored on the
// device first, then sent, in order, until the server confirms or refuses it. Every retry sends the
// same pledge id and body, and the server answers a repeat with the first result, so a retry can
// never count a pledge twice.

import { newUuid } from './ids';
import { loadQueue, queueStorageKey, type KeyValueStorage } from './queueStorage';

export { queueStorageKey, type KeyValueStorage } from './queueStorage';

export type QueueEntryState = 'queued' | 'sending' | 'confirmed' | 'rejected';

export interface QueueEntry<TBody> {
  /** The client-made pledge id: the idempotency key of every send. */
  id: string;
  body: TBody;
  state: QueueEntryState;
  /** How many times it has been sent. */
  attempts: number;
  /** The server's problem title, or the network error, of the last failed send. */
  lastError?: string;
  confirmedAt?: string;
  /** The desk's ledger sequence of the confirmed pledge. */
  sequence?: number;
  /** The HTTP status of the last refusal (a 409 on a rehearsal pledge means the rehearsal is over). */
  lastStatus?: number;
  /** Typed while the event was in rehearsal: never to be sent once the rehearsal is over. */
  rehearsal?: boolean;
}

/** What the desk knew when the pledge was typed. */
export interface EntryMarks {
  rehearsal?: boolean;
}

export interface SendResult {
  status: number;
  body?: unknown;
}

/** Sends one entry; resolves with the HTTP answer, throws when no answer came. */
export type SendPledge<TBody> = (entry: Readonly<{ id: string; body: TBody; rehearsal?: boolean }>) => Promise<SendResult>;

export type FlushResult =
  | { outcome: 'done' } // nothing left to send
  | { outcome: 'retry'; retryInMs: number } // the server or network failed: call flush again later
  | { outcome: 'signedOut' } // 401: sign in again, then flush
  | { outcome: 'busy' }; // a flush is already running

export interface QueueOptions {
  newId?: () => string;
  now?: () => Date;
}

const MIN_RETRY_MS = 1_000;
const MAX_RETRY_MS = 15_000;

/** Backoff after the given number of failed attempts: 1 s, 2 s, 4 s, 8 s, then 15 s. */
export function nextRetryDelayMs(attempts: number): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 4));
  return Math.min(MIN_RETRY_MS * 2 ** doublings, MAX_RETRY_MS);
}

const REFUSED = new Set([400, 403, 404, 409]);

/** The pledges typed at one desk of one event, oldest first. */
export class PledgeQueue<TBody> {
  readonly #storage: KeyValueStorage;
  readonly #key: string;
  readonly #newId: () => string;
  readonly #now: () => Date;
  readonly #listeners = new Set<(entries: readonly QueueEntry<TBody>[]) => void>();
  #entries: QueueEntry<TBody>[];
  #flushing = false;

  constructor(storage: KeyValueStorage, eventId: string, deskId: string, options: QueueOptions = {}) {
    this.#storage = storage;
    this.#key = queueStorageKey(eventId, deskId);
    this.#newId = options.newId ?? (() => newUuid());
    this.#now = options.now ?? (() => new Date());
    this.#entries = loadQueue<TBody>(storage, this.#key);
  }

  /** Copies of the entries, oldest first. */
  entries(): QueueEntry<TBody>[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  /** Calls the listener with the entries after every change; returns the unsubscribe function. */
  onChange(listener: (entries: readonly QueueEntry<TBody>[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stores a newly typed pledge under a new id. Throws, keeping nothing, if it cannot be stored. */
  enqueue(body: TBody, marks: EntryMarks = {}): QueueEntry<TBody> {
    const entry: QueueEntry<TBody> = { id: this.#newId(), body, state: 'queued', attempts: 0, ...(marks.rehearsal ? { rehearsal: true } : {}) };
    this.#entries.push(entry);
    try {
      this.#save();
    } catch (error) {
      this.#entries.pop();
      throw error;
    }
    this.#notify();
    return { ...entry };
  }

  /**
   * Takes the given entries off this device for good and returns them. One being sent stays out too:
   * its answer then changes nothing stored (the flush saves the entries without it).
   */
  remove(ids: ReadonlySet<string>): QueueEntry<TBody>[] {
    const removed = this.#entries.filter((entry) => ids.has(entry.id));
    if (removed.length === 0) return [];
    this.#entries = this.#entries.filter((entry) => !ids.has(entry.id));
    this.#changed();
    return removed.map((entry) => ({ ...entry }));
  }

  /** Sends the queued entries in order, one at a time, until all are answered or one must wait. */
  async flush(send: SendPledge<TBody>): Promise<FlushResult> {
    if (this.#flushing) {
      return { outcome: 'busy' };
    }
    this.#flushing = true;
    try {
      for (let entry = this.#nextQueued(); entry; entry = this.#nextQueued()) {
        const result = await this.#sendOne(entry, send);
        if (result) {
          return result;
        }
      }
      return { outcome: 'done' };
    } finally {
      this.#flushing = false;
    }
  }

  /** Sends one entry; returns a result when the flush must stop here. */
  async #sendOne(entry: QueueEntry<TBody>, send: SendPledge<TBody>): Promise<FlushResult | undefined> {
    entry.state = 'sending';
    entry.attempts++;
    this.#changed();

    let answer: SendResult;
    try {
      answer = await send({ id: entry.id, body: entry.body, ...(entry.rehearsal ? { rehearsal: true } : {}) });
    } catch (error) {
      return this.#isRemoved(entry) ? undefined : this.#wait(entry, error instanceof Error ? error.message : String(error));
    }
    if (this.#isRemoved(entry)) return undefined; // taken off while in flight: nothing of it to keep

    const { status, body } = answer;
    if (status === 200 || status === 201) {
      entry.state = 'confirmed';
      entry.confirmedAt = this.#now().toISOString();
      const sequence = field(body, 'sequence');
      if (typeof sequence === 'number') {
        entry.sequence = sequence;
      }
      delete entry.lastError;
      this.#changed();
      return undefined;
    }
    const reason = problemTitle(body) ?? `HTTP ${status}`;
    if (status === 401) {
      // Not a delivery failure: the pledge waits, unsent, for the operator to sign in again.
      entry.state = 'queued';
      entry.lastError = reason;
      this.#changed();
      return { outcome: 'signedOut' };
    }
    if (REFUSED.has(status)) {
      entry.state = 'rejected';
      entry.lastError = reason;
      entry.lastStatus = status;
      this.#changed();
      return undefined;
    }
    // 5xx, 429 and anything unexpected: not confirmed, so it stays queued; a retry is safe.
    return this.#wait(entry, reason);
  }

  #wait(entry: QueueEntry<TBody>, reason: string): FlushResult {
    entry.state = 'queued';
    entry.lastError = reason;
    this.#changed();
    return { outcome: 'retry', retryInMs: nextRetryDelayMs(entry.attempts) };
  }

  #isRemoved(entry: QueueEntry<TBody>): boolean {
    return !this.#entries.includes(entry);
  }

  #nextQueued(): QueueEntry<TBody> | undefined {
    return this.#entries.find((entry) => entry.state === 'queued');
  }

  #changed(): void {
    // A failed save must not stop the flush: the entry is already stored in its previous state,
    // which at worst means one more (idempotent) send after a reload.
    try {
      this.#save();
    } catch {
      // Kept in memory; the next change tries again.
    }
    this.#notify();
  }

  #save(): void {
    this.#storage.setItem(this.#key, JSON.stringify(this.#entries));
  }

  #notify(): void {
    const snapshot = this.entries();
    for (const listener of [...this.#listeners]) {
      listener(snapshot);
    }
  }
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function problemTitle(body: unknown): string | undefined {
  const title = field(body, 'title');
  return typeof title === 'string' && title !== '' ? title : undefined;
}
