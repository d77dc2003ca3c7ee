// The read-back's duplicate warning: which desk recorded the same donor and amount, when and how
// much, and the distinct button that records this one anyway.

import { button, el, showIf } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { shownAmount } from './amountText';
import { clock } from './donorLine';
import type { SimilarPledge } from './similarPledges';

export class SimilarPledgesView {
  readonly confirmButton = button('operator.duplicateConfirm', 'danger big', 'confirm-duplicate-ok');
  readonly #list = el('ul', { class: 'similar-list' });
  readonly element = el('div', { class: 'similar-warning', testid: 'confirm-duplicate', attrs: { role: 'alert', hidden: '' } },
    el('strong', { i18n: 'operator.duplicateTitle' }), this.#list);

  constructor() {
    showIf(this.confirmButton, false);
  }

  /** Draws the matches; true when there are any (and the second confirmation is needed). */
  render(matches: readonly SimilarPledge[]): boolean {
    this.#list.replaceChildren(...matches.map((match) => el('li', {
      testid: 'confirm-duplicate-match',
      attrs: { 'data-desk-id': match.deskId },
      text: t('operator.duplicateLine', { desk: match.deskName || match.deskId, time: clock(match.recordedAt), amount: shownAmount(match.amountFen) }),
    })));
    showIf(this.element, matches.length > 0);
    showIf(this.confirmButton, matches.length > 0);
    return matches.length > 0;
  }
}
