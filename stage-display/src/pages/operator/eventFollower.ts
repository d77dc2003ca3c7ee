// The console learns the event's status (closed, back to draft) from the live total it already
// follows: a version that moved without money moving is the admin changing the event, so the event
// is fetched again at once. Money moving fetches it too, but lazily (a close may share a push with
// the last pledges), and never more often than the gaps below: no desk hammers the server. The feed's
// first state fetches it once more, for a change made while the feed was connecting.

import { isConfigurationChange } from '../../lib/publicEvent';
import type { TotalSnapshot } from '../../lib/types';

type Snapshot = Readonly<TotalSnapshot> & { rehearsal?: boolean };

/** The part of a LiveClient the follower uses. */
export interface TotalFeed {
  onState(listener: (state: Snapshot, previous: Snapshot | null) => void): () => void;
  start(): void;
  stop(): Promise<void>;
}

export interface FollowerTiming {
  /** After a change of the event itself. */
  urgentGapMs: number;
  /** While only the money moves. */
  lazyGapMs: number;
  now: () => number;
}

export const DEFAULT_FOLLOWER_TIMING: FollowerTiming = { urgentGapMs: 1_000, lazyGapMs: 15_000, now: () => Date.now() };

export class EventStatusFollower {
  readonly #refresh: () => Promise<void>;
  readonly #timing: FollowerTiming;
  #lastRefreshAt = Number.NEGATIVE_INFINITY;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dueAt = Number.POSITIVE_INFINITY;
  #unsubscribe: (() => void) | undefined;

  constructor(refresh: () => Promise<void>, timing: FollowerTiming = DEFAULT_FOLLOWER_TIMING) {
    this.#refresh = refresh;
    this.#timing = timing;
  }

  follow(feed: TotalFeed): void {
    this.#unsubscribe = feed.onState((current, previous) => this.totalChanged(current, previous));
  }

  totalChanged(current: Snapshot, previous: Snapshot | null): void {
    // The first state may already hold a change made between the console's fetch of the event and the
    // feed's connection (a close): fetch once more, no sooner than the urgent gap.
    if (previous === null) {
      this.request('urgent');
      return;
    }
    const eventChanged = isConfigurationChange(previous, current) || (current.rehearsal ?? false) !== (previous.rehearsal ?? false);
    if (eventChanged) this.request('urgent');
    else if (current.version !== previous.version) this.request('lazy');
  }

  /** Asks for a fetch of the event: soon ('urgent', a refused pledge or the admin's change) or lazily. */
  request(urgency: 'urgent' | 'lazy'): void {
    const gap = urgency === 'urgent' ? this.#timing.urgentGapMs : this.#timing.lazyGapMs;
    const dueAt = Math.max(this.#timing.now(), this.#lastRefreshAt + gap);
    if (this.#timer !== undefined && this.#dueAt <= dueAt) return;
    clearTimeout(this.#timer);
    this.#dueAt = dueAt;
    this.#timer = setTimeout(() => void this.#run(), dueAt - this.#timing.now());
  }

  /** A fetch happened anyway (the periodic one): the next lazy one waits from here. */
  refreshed(): void {
    this.#lastRefreshAt = this.#timing.now();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
  }

  async #run(): Promise<void> {
    this.#timer = undefined;
    this.#dueAt = Number.POSITIVE_INFINITY;
    this.#lastRefreshAt = this.#timing.now();
    await this.#refresh();
  }
}
