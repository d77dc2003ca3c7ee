// The console's repeating work (refreshes, the safety-net flush) in one place, so a sign-out or a
// test stops all of it at once.

export class OperatorTimers {
  readonly #intervals: ReturnType<typeof setInterval>[] = [];
  #debounced: ReturnType<typeof setTimeout> | undefined;

  every(ms: number, work: () => void): void {
    this.#intervals.push(setInterval(work, ms));
  }

  /** Runs `work` once, `ms` after the last of a burst of calls. */
  debounce(ms: number, work: () => void): void {
    clearTimeout(this.#debounced);
    this.#debounced = setTimeout(work, ms);
  }

  stop(): void {
    for (const interval of this.#intervals.splice(0)) clearInterval(interval);
    clearTimeout(this.#debounced);
  }
}
