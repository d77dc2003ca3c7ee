// Which milestone banner the wall shows and for how long: one at a time, queued, shorter when
// another waits; a void that takes the total back below a milestone cancels its banner. While the
// screen controller holds celebrations, a milestone reached waits for the controller's cue.

import { MilestoneCelebrations } from '../../lib/live';
import type { Timers } from './feedScheduler';

export const CELEBRATION_MS = 7_000;
export const NEXT_CELEBRATION_MS = 4_500;

export class CelebrationQueue {
  readonly #timers: Timers;
  readonly #baseline = new MilestoneCelebrations();
  readonly #listeners = new Set<() => void>();
  #waiting: number[] = [];
  #showing: number | null = null;
  #timer: unknown;
  #count = 0;
  #held = false;

  constructor(timers: Timers) {
    this.#timers = timers;
  }

  /** The milestone on show, or null. */
  get showing(): number | null {
    return this.#showing;
  }

  /** How many banners have been shown since the page loaded. */
  get count(): number {
    return this.#count;
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Takes the reached milestones of each state; the first state is the baseline (no banner on a reload). */
  take(reached: readonly number[]): void {
    this.#waiting = this.#waiting.filter((milestone) => reached.includes(milestone));
    const fresh = this.#baseline.toCelebrate(reached);
    if (!this.#held) this.#waiting.push(...fresh);
    if (this.#showing !== null && !reached.includes(this.#showing)) {
      this.#next();
    } else if (this.#showing === null && this.#waiting.length > 0) {
      this.#next();
    }
  }

  /** Held: a milestone reached shows no banner of itself (it is still counted as seen). */
  hold(held: boolean): void {
    this.#held = held;
  }

  /** The controller's cue: the milestone's banner, held or not, once the total has reached it. */
  cue(milestone: number, reached: readonly number[]): void {
    if (!reached.includes(milestone)) return;
    this.#waiting.push(milestone);
    if (this.#showing === null) this.#next();
  }

  dispose(): void {
    this.#timers.clearTimeout(this.#timer);
  }

  #next(): void {
    this.#timers.clearTimeout(this.#timer);
    const milestone = this.#waiting.shift();
    this.#showing = milestone ?? null;
    if (milestone !== undefined) {
      this.#count++;
      this.#timer = this.#timers.setTimeout(() => this.#next(), this.#waiting.length > 0 ? NEXT_CELEBRATION_MS : CELEBRATION_MS);
    }
    for (const listener of [...this.#listeners]) listener();
  }
}
