// The card shown while an order waits for its payment: back from the cashier, or paying elsewhere.
// It says until when an unpaid order stands and offers the cashier again or giving up. DOM only.

import { button, el, setText, showIf } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { hoursMinutes } from './clock';
import type { GivePhase } from './giveStore';

export class WaitingView {
  readonly #note = el('p', { class: 'hint' });
  readonly #payNow = el('a', { class: 'button primary', testid: 'pay-now', i18n: 'viewer.payNow', attrs: { href: '#' } });
  readonly #giveUp = button('viewer.giveUp', 'button secondary', 'give-up');
  readonly element = el('section', { class: 'card waiting', testid: 'payment-waiting', attrs: { role: 'status' } },
    el('h2', { class: 'card-title', i18n: 'viewer.confirmingPayment' }), this.#note, this.#payNow, this.#giveUp);

  constructor() {
    showIf(this.element, false);
  }

  bind(handlers: { giveUp: () => void }): void {
    this.#giveUp.addEventListener('click', handlers.giveUp);
  }

  render(phase: GivePhase): void {
    showIf(this.element, phase.kind === 'waiting');
    if (phase.kind !== 'waiting') {
      return;
    }
    const time = phase.expiresAt === null ? '' : hoursMinutes(phase.expiresAt);
    setText(this.#note, time === '' ? t('viewer.confirmingNote') : `${t('viewer.confirmingNote')} ${t('viewer.expiresAt', { time })}`);
    this.#payNow.setAttribute('href', phase.payUrl ?? '#');
    showIf(this.#payNow, phase.payUrl !== null);
  }
}
