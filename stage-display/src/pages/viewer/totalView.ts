// The hero of the phone page: the event's title and round, the rehearsal mark, the running total,
// the progress towards the goal, the count, and how the total is arriving. DOM only.

import { el, setText, showIf, translated } from '../../lib/dom';
import { t } from '../../lib/i18n';
import type { LiveStatus } from '../../lib/liveClient';
import { formatScreenAmount } from '../../lib/money';
import type { LiveViewStore } from './liveStore';

export class TotalView {
  readonly element: HTMLElement;
  readonly #title = el('h1', { class: 'event-title' });
  readonly #round = el('p', { class: 'round' });
  readonly #rehearsal = el('p', { class: 'rehearsal-mark', testid: 'rehearsal-mark', attrs: { role: 'status' } });
  readonly #rehearsalNote = el('p', { class: 'rehearsal-note' });
  readonly #total = el('div', { class: 'total', testid: 'total', attrs: { 'aria-live': 'polite' } });
  readonly #fill = el('div', { class: 'progress-fill' });
  readonly #goal = el('span');
  readonly #percent = el('span', { class: 'percent' });
  readonly #progress = el('div', {
    class: 'progress', testid: 'progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' },
  }, el('div', { class: 'progress-track' }, this.#fill), el('div', { class: 'progress-meta' }, this.#goal, this.#percent));
  readonly #count = el('span');
  readonly #disconnected = translated(el('span'), 'common.disconnected');
  readonly #polling = translated(el('span'), 'common.polling');
  readonly #connection = el('p', { class: 'connection', testid: 'connection', attrs: { role: 'status' } }, this.#disconnected, this.#polling);

  constructor() {
    this.element = el('section', { class: 'hero' },
      this.#rehearsal, this.#title, this.#round,
      el('div', { class: 'total-label', i18n: 'viewer.watchTotal' }),
      this.#total, this.#progress, el('div', { class: 'stats' }, this.#count), this.#rehearsalNote, this.#connection);
    this.#connection.hidden = true;
  }

  render(live: LiveViewStore): void {
    setText(this.#title, live.title || t('viewer.title'));
    const round = live.roundTitle;
    setText(this.#round, round === '' ? '' : t('viewer.roundTitle', { title: round }));
    showIf(this.#round, round !== '');
    setText(this.#rehearsal, t('viewer.rehearsal'));
    setText(this.#rehearsalNote, t('viewer.rehearsalNote'));
    showIf(this.#rehearsal, live.rehearsal);
    showIf(this.#rehearsalNote, live.rehearsal);
    this.#renderStatus(live.status);

    const state = live.snapshot;
    if (!state) {
      setText(this.#total, t('common.loading'));
      return;
    }
    setText(this.#total, formatScreenAmount(state.totalFen));
    const goalFen = live.goalFen;
    const percent = live.progressTenths / 10;
    this.#fill.style.width = `${percent}%`;
    this.#progress.setAttribute('aria-valuenow', String(percent));
    showIf(this.#progress, goalFen > 0);
    setText(this.#goal, t('viewer.goal', { amount: formatScreenAmount(goalFen) }));
    setText(this.#percent, t('viewer.progress', { percent: percent.toFixed(1) }));
    setText(this.#count, t('viewer.pledgeCount', { count: state.pledgeCount.toLocaleString('en-US') }));
  }

  /** The total went up: a short bump draws the eye. */
  bump(): void {
    this.#total.classList.remove('bump');
    void this.#total.offsetWidth; // restart the animation
    this.#total.classList.add('bump');
  }

  #renderStatus(status: LiveStatus): void {
    showIf(this.#connection, status !== 'live');
    showIf(this.#disconnected, status === 'disconnected');
    showIf(this.#polling, status === 'polling');
    this.#connection.classList.toggle('is-polling', status === 'polling');
  }
}
