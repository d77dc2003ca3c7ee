// The HTTP side of the live total: GET /api/events/{eventId}/total (the same snapshot Watch and Follow
// answer) on a schedule, for when the hub cannot be trusted to push.
//
// Hub down: poll at once, then every `pollWhileDisconnectedMs`.
// Hub up: the server pushes only when the version moves, so silence may be a quiet spell or a broken
// push path (a node's backplane gone, say). After `staleAfterMs` (plus up to `staleJitterMs`) with no
// push, check once. Newer than shown means pushes are not reaching this page: poll every
// `pollWhileStaleMs` until a push arrives. Not newer: check again after another silence. Any push
// starts the silence over and ends the polling.
//
// The client decides what a snapshot is worth; the poller only hears whether it was newer.

import type { TotalSnapshot } from './types';

export interface TotalPollerTiming {
  pollWhileDisconnectedMs: number;
  staleAfterMs: number;
  /** Drawn afresh for every check, so phones that heard the same push do not all check at once. */
  staleJitterMs: number;
  pollWhileStaleMs: number;
}

/** What the poller tells the live client. */
export interface TotalPollerEvents {
  /** A snapshot came in; true when it was newer than the one shown (and is shown now). */
  polled(snapshot: TotalSnapshot): boolean;
  /**
   * True once the poller is still polling `pollWhileStaleMs` after a check found the pushes behind,
   * with no push since: worth showing. (A push due a moment after the check is no reason to flash
   * a status on the screen.) False when a push, or the hub going, ends it.
   */
  stalePollingChanged(polling: boolean): void;
}

/**
 * idle: nothing scheduled. disconnected: polling for a hub that is down. watching: hub up, a check
 * follows a silence. behind: a check found a newer total, polling. stale: still polling one interval
 * later, with no push.
 */
type Phase = 'idle' | 'disconnected' | 'watching' | 'behind' | 'stale';

export function totalUrl(eventId: string): string {
  return `/api/events/${encodeURIComponent(eventId)}/total`;
}

export async function fetchTotalOverHttp(eventId: string): Promise<TotalSnapshot> {
  const response = await fetch(totalUrl(eventId), { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${totalUrl(eventId)} answered ${response.status}`);
  }
  return (await response.json()) as TotalSnapshot;
}

export class TotalPoller {
  readonly #fetch: () => Promise<TotalSnapshot>;
  readonly #timing: TotalPollerTiming;
  readonly #events: TotalPollerEvents;

  #phase: Phase = 'idle';
  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever the schedule changes, so a poll that was in flight does not schedule the next one. */
  #schedule = 0;

  constructor(fetchSnapshot: () => Promise<TotalSnapshot>, timing: TotalPollerTiming, events: TotalPollerEvents) {
    this.#fetch = fetchSnapshot;
    this.#timing = timing;
    this.#events = events;
  }

  /** The hub is down: poll now, then every `pollWhileDisconnectedMs` until the hub answers. */
  pollWhileDisconnected(): void {
    this.#enter('disconnected');
    this.#after(0);
  }

  /** A push or a join answer arrived: the silence starts over, and polling for a stale hub ends. */
  heardFromHub(): void {
    this.#enter('watching');
    this.#after(this.#silenceMs());
  }

  /** Stops for good; a stopped poller reports nothing more. */
  stop(): void {
    this.#stopped = true;
    this.#enter('idle');
    this.#after(undefined);
  }

  #silenceMs(): number {
    return this.#timing.staleAfterMs + Math.floor(Math.random() * (this.#timing.staleJitterMs + 1));
  }

  #enter(phase: Phase): void {
    const wasStale = this.#phase === 'stale';
    this.#phase = phase;
    if (wasStale !== (phase === 'stale') && !this.#stopped) {
      this.#events.stalePollingChanged(phase === 'stale');
    }
  }

  /** Replaces whatever was scheduled with one poll after `delay`, or with nothing. */
  #after(delay: number | undefined): void {
    clearTimeout(this.#timer);
    const schedule = ++this.#schedule;
    if (delay !== undefined && !this.#stopped) {
      this.#timer = setTimeout(() => void this.#poll(schedule), delay);
    }
  }

  async #poll(schedule: number): Promise<void> {
    if (this.#phase === 'behind') {
      this.#enter('stale');
    }
    let newer = false;
    try {
      newer = this.#events.polled(await this.#fetch());
    } catch {
      // Counts as nothing new: the next poll, or the hub, brings it.
    }
    if (schedule !== this.#schedule) {
      return; // a push, the hub coming or going, or stop: that schedule runs now
    }
    switch (this.#phase) {
      case 'disconnected':
        this.#after(this.#timing.pollWhileDisconnectedMs);
        break;
      case 'watching':
        if (newer) {
          this.#enter('behind');
          this.#after(this.#timing.pollWhileStaleMs);
        } else {
          this.#after(this.#silenceMs()); // a quiet spell, or nothing came: check after another one
        }
        break;
      default: // stale: poll until a push comes
        this.#after(this.#timing.pollWhileStaleMs);
    }
  }
}
