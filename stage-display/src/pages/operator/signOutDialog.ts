// Signing out while pledges still wait to be sent leaves them on this device, unsent until the next
// sign-in at this desk: the operator is told so, and chooses.

import { button, el, setText } from '../../lib/dom';
import { t } from '../../lib/i18n';

export class SignOutDialog {
  readonly element: HTMLDialogElement;
  readonly #body = el('p', { class: 'signout-body', testid: 'sign-out-waiting' });
  readonly #stay = button('operator.signOutStay', 'primary', 'sign-out-stay');
  #count = 0;

  constructor(signOut: () => void) {
    const anyway = button('operator.signOutAnyway', 'danger', 'sign-out-anyway');
    this.element = el('dialog', { class: 'dialog signout-dialog', testid: 'sign-out-dialog', attrs: { 'aria-labelledby': 'sign-out-title' } },
      el('h2', { i18n: 'operator.signOutTitle', attrs: { id: 'sign-out-title' } }),
      this.#body,
      el('div', { class: 'dialog-buttons' }, anyway, this.#stay));
    this.#stay.addEventListener('click', () => this.element.close());
    anyway.addEventListener('click', () => {
      this.element.close();
      signOut();
    });
  }

  open(waiting: number): void {
    this.#count = waiting;
    this.retranslate();
    this.element.showModal();
    // Staying is the safe answer, so it is the one Enter gives.
    this.#stay.focus();
  }

  retranslate(): void {
    setText(this.#body, t('operator.signOutBody', { count: this.#count }));
  }
}
