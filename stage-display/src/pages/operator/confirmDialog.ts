// The read-back: the amount in words and in figures, and the donor, before anything is stored.
// From 1000万 up the operator also types the amount's first digit again (confirmation.ts); when a
// desk recorded the same donor and amount minutes ago, the dialog says which, when and how much, and
// only a second, distinct button stores the pledge.

import { button, el, setText, showIf } from '../../lib/dom';
import { getLanguage, t } from '../../lib/i18n';
import { amountBoth, amountInWords } from './amountText';
import type { Confirmation } from './confirmation';
import { donorParts } from './donorLine';
import { SimilarPledgesView } from './similarPledgesView';

export interface ConfirmActions {
  /** `notDuplicate`: pressed on the second confirmation, after the similar pledges were shown. */
  accept(typedDigit: string, notDuplicate: boolean): void;
  cancel(): void;
}

/** Enter within this long of opening is the tail of the Enter that opened the dialog. */
const OPENING_ENTER_MS = 250;

export class ConfirmDialog {
  readonly element: HTMLDialogElement;
  readonly #words = el('div', { class: 'confirm-capital', testid: 'confirm-capital' });
  readonly #digits = el('div', { class: 'confirm-digits', testid: 'confirm-digits' });
  readonly #donor = el('div', { class: 'confirm-donor' });
  readonly #digitBox = el('input', { class: 'digit-input', testid: 'confirm-digit',
    attrs: { type: 'text', inputmode: 'numeric', maxlength: '1', autocomplete: 'off', 'aria-labelledby': 'confirm-digit-label' } });
  readonly #digitCheck = el('div', { class: 'digit-check', testid: 'confirm-digit-check', attrs: { hidden: '' } },
    el('span', { class: 'digit-prompt', i18n: 'operator.bigAmountCheck', attrs: { id: 'confirm-digit-label' } }), this.#digitBox);
  readonly #error = el('div', { class: 'form-error', testid: 'confirm-error', attrs: { role: 'alert' } });
  readonly #ok = button('operator.confirmSend', 'primary big', 'confirm-ok');
  readonly #cancel = button('operator.confirmEdit', 'secondary big', 'confirm-cancel');
  readonly #similar = new SimilarPledgesView();
  #shown: Confirmation | undefined;
  #openedAt = 0;

  constructor(actions: ConfirmActions) {
    this.element = el('dialog', { class: 'dialog confirm-dialog', testid: 'confirm', attrs: { 'aria-labelledby': 'confirm-title' } },
      el('h2', { i18n: 'operator.confirmTitle', attrs: { id: 'confirm-title' } }),
      el('div', { class: 'confirm-grid' },
        el('div', { class: 'confirm-line' }, el('span', { class: 'readout-label', i18n: 'operator.capitalLabel' }), this.#words),
        el('div', { class: 'confirm-line' }, el('span', { class: 'readout-label', i18n: 'operator.digitsLabel' }), this.#digits),
        el('div', { class: 'confirm-line' }, el('span', { class: 'readout-label', i18n: 'operator.confirmDonor' }), this.#donor)),
      this.#similar.element,
      this.#digitCheck,
      this.#error,
      el('div', { class: 'dialog-buttons' }, this.#cancel, this.#ok, this.#similar.confirmButton),
      el('div', { class: 'hint center', i18n: 'operator.confirmHint' }));
    this.#ok.addEventListener('click', () => actions.accept(this.#digitBox.value, false));
    this.#similar.confirmButton.addEventListener('click', () => actions.accept(this.#digitBox.value, true));
    this.#cancel.addEventListener('click', () => actions.cancel());
    this.element.addEventListener('cancel', (event) => {
      event.preventDefault();
      actions.cancel();
    });
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      event.preventDefault();
      if (event.target === this.#cancel) {
        actions.cancel();
        return;
      }
      // A held-down Enter, or the tail of the one that opened the dialog, must not send unread.
      if (event.repeat || performance.now() - this.#openedAt < OPENING_ENTER_MS) return;
      actions.accept(this.#digitBox.value, event.target === this.#similar.confirmButton);
    });
  }

  render(confirmation: Confirmation | undefined, force = false): void {
    if (!confirmation) {
      this.#shown = undefined;
      if (this.element.open) this.element.close();
      return;
    }
    const opening = this.#shown?.body !== confirmation.body;
    if (opening || force) this.#fill(confirmation);
    if (opening) {
      this.#digitBox.value = '';
      this.#openedAt = performance.now();
      if (!this.element.open) this.element.showModal();
      (confirmation.digitCheck ? this.#digitBox : this.#ok).focus();
    }
    const similarArrived = confirmation.similar !== this.#shown?.similar;
    if (similarArrived || opening || force) this.#showSimilar(confirmation);
    const problem = confirmation.problem;
    setText(this.#error, problemText(problem));
    if (problem?.kind === 'wrongDigit' && problem !== this.#shown?.problem) {
      this.#digitBox.focus();
      this.#digitBox.select();
    }
    this.#shown = confirmation;
  }

  /** The similar pledges, if any: the plain send button gives way to the distinct second one. */
  #showSimilar(confirmation: Confirmation): void {
    const asks = this.#similar.render(confirmation.similar ?? []);
    showIf(this.#ok, !asks);
    // Where the focus was on the plain send button, it moves off it: an Enter now must not store.
    if (asks && (document.activeElement === this.#ok || document.activeElement === document.body)) this.#cancel.focus();
  }

  #fill(confirmation: Confirmation): void {
    const fen = confirmation.body.amountFen;
    setText(this.#words, amountInWords(fen, getLanguage()));
    setText(this.#digits, amountBoth(fen));
    this.#donor.replaceChildren(...donorParts(confirmation.body));
    showIf(this.#digitCheck, confirmation.digitCheck);
    this.element.classList.toggle('large-amount', confirmation.digitCheck);
  }
}

function problemText(problem: Confirmation['problem']): string {
  switch (problem?.kind) {
    case undefined:
      return '';
    case 'wrongDigit':
      return t('operator.bigAmountWrong');
    case 'duplicate':
      return t('operator.duplicateRequired');
    case 'storage':
      return t('operator.storageFailed', { reason: problem.reason });
  }
}
