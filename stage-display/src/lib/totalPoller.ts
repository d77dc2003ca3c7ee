// The HTTP side of the live total: GET /api/events/{eventId}/total (the same snapshot Watch and Follow
// answer) on a schedule, for when the hub cannot be trusted to push. While the hub is down it polls at
// once and then every `pollWhileDisconnectedMs`. The client decides what a snapshot is worth.

import type { TotalSnapshot } from './types';

export interface TotalPollerTiming {
  pollWhileDisconnectedMs: number;
}

/** What the poller tells the live client. */
export interface TotalPollerEvents {
  /** A snapshot came in; true when it was newer than the one shown (and is shown now). */
  polled(snapshot: TotalSnapshot): boolean;
}

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

  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever the schedule changes, so a poll that was in flight does not schedule the next one. */
  #schedule = 0;

  constructor(fetchSnapshot: () => Promise<TotalSnapshot>, timing: TotalPollerTiming, events: TotalPollerEvents) {
    this.#fetch = fetchSnapshot;
    this.#timing = timing;
    this.#events = events;
  }

  /** The hub is down: poll now, then every `pollWhileDisconnectedMs` until told otherwise. */
  pollWhileDisconnected(): void {
    this.#after(0);
  }

  /** The hub answered: no polling. */
  pause(): void {
    clearTimeout(this.#timer);
    this.#schedule++;
  }

  /** Stops for good. */
  stop(): void {
    this.#stopped = true;
    this.pause();
  }

  #after(delay: number): void {
    this.pause();
    if (this.#stopped) {
      return;
    }
    const schedule = this.#schedule;
    this.#timer = setTimeout(() => void this.#poll(schedule), delay);
  }

  async #poll(schedule: number): Promise<void> {
    try {
      this.#events.polled(await this.#fetch());
    } catch {
      // The next poll, or the hub coming back, tries again.
    }
    if (schedule === this.#schedule) {
      this.#after(this.#timing.pollWhileDisconnectedMs);
    }
  }
}
