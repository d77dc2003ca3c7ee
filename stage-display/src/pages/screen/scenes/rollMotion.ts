// The thank-you roll's motion, credits style: the names climb slowly; once the last has left the top,
// they come in again from the bottom. Driven frame by frame rather than by a CSS animation, so a new
// name (the roll grows every few seconds) never moves the names already on the wall, and the loop
// never jumps from an empty wall to a full one.

/** A frame longer than this (a tab in the background, a busy machine) moves the roll this much only. */
const LONGEST_STEP_SECONDS = 0.25;

/** Whether the roll is taller than its viewport, and so rolls (a pixel of rounding does not count). */
export function overflows(rollHeight: number, viewportHeight: number): boolean {
  return rollHeight > viewportHeight + 1;
}

/**
 * How far the roll has climbed (px) after `seconds` more at `speed` px/s: from 0 (its first line at the
 * top) to `rollHeight` (its last line gone), then from `-viewportHeight` (its first line just below the
 * bottom) again. A roll that fits stands at 0; one that shrank under the wall's view (a name voided)
 * shows its last screenful rather than an empty wall.
 */
export function nextRollOffset(offset: number, seconds: number, speed: number, rollHeight: number, viewportHeight: number): number {
  if (!overflows(rollHeight, viewportHeight)) return 0;
  if (offset > rollHeight) return rollHeight - viewportHeight;
  const next = offset + Math.min(Math.max(seconds, 0), LONGEST_STEP_SECONDS) * speed;
  return next > rollHeight ? -viewportHeight : next;
}

/** Moves `roll` inside `viewport` on every animation frame while started; `speed()` is read each frame, in px/s. */
export class RollMotion {
  private offset = 0;
  private frame = 0;
  private last: number | undefined;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly roll: HTMLElement,
    private readonly speed: () => number,
  ) {}

  start(): void {
    if (this.frame !== 0) return;
    this.last = undefined;
    this.frame = requestAnimationFrame(this.step);
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private readonly step = (now: number): void => {
    const seconds = this.last === undefined ? 0 : (now - this.last) / 1000;
    this.last = now;
    const [rollHeight, viewportHeight] = [this.roll.scrollHeight, this.viewport.clientHeight];
    this.offset = nextRollOffset(this.offset, seconds, this.speed(), rollHeight, viewportHeight);
    this.roll.classList.toggle('is-rolling', overflows(rollHeight, viewportHeight));
    this.roll.style.transform = this.offset === 0 ? '' : `translateY(${(-this.offset).toFixed(1)}px)`;
    this.frame = requestAnimationFrame(this.step);
  };
}
