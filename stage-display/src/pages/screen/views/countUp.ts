// The total climbing to each new figure: over 1.2 s, easing out, one whole fen per step.

const COUNT_UP_MS = 1_200;

export class CountUp {
  #shown: number | null = null;
  #from = 0;
  #to = 0;
  #startedAt = 0;
  #frame = 0;
  #deadline: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly render: (fen: number) => void) {}

  set(target: number): void {
    if (this.#shown === null || document.hidden) {
      this.#finish(target); // nothing to count from, or nobody watching the frames
      return;
    }
    if (target === (this.#frame ? this.#to : this.#shown)) {
      return;
    }
    this.#from = this.#shown;
    this.#to = target;
    this.#startedAt = performance.now();
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(this.#step);
    // Frames can be throttled (a covered window): the final number must be there on time anyway.
    clearTimeout(this.#deadline);
    this.#deadline = setTimeout(() => this.#finish(this.#to), COUNT_UP_MS + 80);
  }

  /** Draws the figure again as it stands (the language changed). */
  redraw(): void {
    if (this.#shown !== null) this.render(this.#shown);
  }

  #step = (now: number): void => {
    const progress = Math.min(1, Math.max(0, (now - this.#startedAt) / COUNT_UP_MS));
    if (progress >= 1) {
      this.#finish(this.#to);
      return;
    }
    const eased = 1 - (1 - progress) ** 3;
    this.#show(this.#from + Math.round((this.#to - this.#from) * eased));
    this.#frame = requestAnimationFrame(this.#step);
  };

  #finish(target: number): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#deadline);
    this.#frame = 0;
    this.#to = target;
    this.#show(target);
  }

  #show(fen: number): void {
    this.#shown = fen;
    this.render(fen);
  }
}
