// The progress bar toward the goal, with a mark at each milestone below it (a reached one lit).

import { el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { formatFeedAmount, formatScreenAmount } from '../../../lib/money';

export class ProgressView {
  readonly #fill = el('div', { class: 'progress-fill' });
  readonly #marks = el('div', { class: 'progress-marks', testid: 'milestone-marks' });
  readonly #goal = el('span', { class: 'goal' });
  readonly #percent = el('span', { class: 'percent' });
  readonly root = el(
    'div',
    { class: 'progress', testid: 'progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' } },
    el('div', { class: 'progress-track' }, this.#fill),
    this.#marks,
    el('div', { class: 'progress-meta' }, this.#goal, this.#percent),
  );

  render(totalFen: number, goalFen: number, milestonesFen: readonly number[]): void {
    // Floor to 0.1 %: the screen never claims more than has been given.
    const tenths = goalFen > 0 ? Math.floor((totalFen * 1000) / goalFen) : 0;
    const shown = Math.min(100, Math.max(0, tenths / 10));
    this.#fill.style.width = `${shown}%`;
    this.root.setAttribute('aria-valuenow', String(shown));
    this.root.hidden = goalFen <= 0;
    setText(this.#goal, t('screen.goal', { amount: formatScreenAmount(goalFen) }));
    setText(this.#percent, t('screen.progress', { percent: (tenths / 10).toFixed(1) }));
    this.#renderMarks(totalFen, goalFen, milestonesFen);
  }

  #renderMarks(totalFen: number, goalFen: number, milestonesFen: readonly number[]): void {
    const marks = goalFen > 0 ? [...new Set(milestonesFen)].filter((fen) => fen > 0 && fen < goalFen).sort((a, b) => a - b) : [];
    this.#marks.replaceChildren(
      ...marks.map((fen) => {
        const mark = el('span', { class: 'progress-mark', testid: 'milestone-mark' }, el('span', { class: 'progress-mark-label', text: formatFeedAmount(fen) }));
        mark.style.left = `${(fen * 100) / goalFen}%`;
        mark.classList.toggle('is-reached', totalFen >= fen);
        return mark;
      }),
    );
  }
}
