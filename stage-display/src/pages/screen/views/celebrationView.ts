// A milestone: a banner in the scene's banner slot and a burst of confetti over the stage.

import confetti from 'canvas-confetti';
import { el, whenLanguageChanges, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { formatScreenAmount } from '../../../lib/money';

const CONFETTI_COLOURS = ['#ffd86b', '#f5b301', '#ff4d4f', '#fff4d6', '#ff8a00'];

export class CelebrationView {
  readonly #shoot: confetti.CreateTypes;
  #banner: { milestone: number; element: HTMLElement; unsubscribe: () => void } | null = null;

  constructor(canvas: HTMLCanvasElement) {
    this.#shoot = confetti.create(canvas, { resize: true, useWorker: false });
  }

  /** Shows the banner of `milestone` in `slot` (null: none); `count` goes on the body for tests and operators. */
  render(slot: HTMLElement, milestone: number | null, count: number): void {
    document.body.dataset.celebrations = String(count);
    if (this.#banner?.milestone === milestone && this.#banner.element.parentElement === slot) return;
    if (this.#banner) {
      this.#banner.unsubscribe();
      this.#banner.element.remove();
      this.#banner = null;
    }
    if (milestone === null) return;
    const text = el('div', { class: 'celebration-text' });
    const element = el('div', { class: 'celebration', testid: 'celebration', attrs: { role: 'status' } }, text);
    const unsubscribe = whenLanguageChanges(() => setText(text, t('screen.milestoneBanner', { amount: formatScreenAmount(milestone) })));
    slot.append(element);
    this.#banner = { milestone, element, unsubscribe };
    this.#fire();
  }

  #fire(): void {
    const burst = { colors: CONFETTI_COLOURS, scalar: 1.5, ticks: 260, disableForReducedMotion: true };
    void this.#shoot({ ...burst, particleCount: 220, spread: 110, startVelocity: 60, origin: { x: 0.5, y: 0.55 } });
    const until = performance.now() + 3_000;
    const timer = setInterval(() => {
      if (performance.now() > until) {
        clearInterval(timer);
        return;
      }
      void this.#shoot({ ...burst, particleCount: 14, angle: 60, spread: 65, startVelocity: 70, origin: { x: 0, y: 0.8 } });
      void this.#shoot({ ...burst, particleCount: 14, angle: 120, spread: 65, startVelocity: 70, origin: { x: 1, y: 0.8 } });
    }, 180);
  }
}
