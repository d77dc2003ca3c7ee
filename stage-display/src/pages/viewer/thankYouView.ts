// The thanks for a paid gift: amount, donor, receipt number (the order number at the provider), and
// a word on the 留言 when there is one (it shows after review). DOM only.

import { button, el, setText, showIf } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { formatFullDigits } from '../../lib/money';
import type { GivePhase } from './giveStore';

export class ThankYouView {
  readonly #amount = el('p', { class: 'thanks-amount' });
  readonly #donor = el('p', { class: 'thanks-name' });
  readonly #receipt = el('p', { class: 'receipt', testid: 'receipt' });
  readonly #messageNote = el('p', { class: 'hint', testid: 'thank-you-message', i18n: 'viewer.thankYouMessageNote' });
  readonly #again = button('viewer.donateAgain', 'button primary', 'donate-again');
  readonly element = el('section', { class: 'card thanks', testid: 'thank-you', attrs: { role: 'status' } },
    el('div', { class: 'thanks-mark', attrs: { 'aria-hidden': 'true' } }),
    el('h2', { class: 'thanks-title', i18n: 'viewer.thankYou' }),
    this.#amount, this.#donor, this.#receipt,
    el('p', { class: 'hint', i18n: 'viewer.thankYouNote' }), this.#messageNote,
    this.#again);

  constructor() {
    showIf(this.element, false);
  }

  bind(handlers: { giveAgain: () => void }): void {
    this.#again.addEventListener('click', handlers.giveAgain);
  }

  render(phase: GivePhase): void {
    const appearing = phase.kind === 'thanks' && this.element.hidden;
    showIf(this.element, phase.kind === 'thanks');
    if (phase.kind !== 'thanks') {
      return;
    }
    const { order } = phase;
    const name = order.anonymous || !order.donorName ? t('viewer.standIn.individual') : order.donorName;
    setText(this.#amount, t('viewer.thankYouAmount', { amount: formatFullDigits(order.amountFen) }));
    setText(this.#donor, t('viewer.thankYouName', { name }));
    setText(this.#receipt, t('viewer.receipt', { orderNo: order.orderNo }));
    showIf(this.#messageNote, (order.message ?? '').trim() !== '');
    if (appearing) {
      this.element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }
}
