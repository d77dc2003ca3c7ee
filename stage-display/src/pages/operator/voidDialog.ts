// 作废: the operator names the pledge's reason for going back out of the total.

import type { PledgeView } from '../../lib/api';
import { button, el, field, input, say } from '../../lib/dom';
import { getLanguage, t } from '../../lib/i18n';
import { formatFullDigits } from '../../lib/money';
import { amountInWords } from './amountText';
import { donorName } from './donorLine';

export class VoidDialog {
  readonly element: HTMLDialogElement;
  readonly #summary = el('p', { class: 'void-summary' });
  readonly #reason = input('void-reason', 'operator.voidReasonPlaceholder', { maxlength: '200' });
  readonly #error = el('div', { class: 'form-error', attrs: { role: 'alert' } });
  readonly #ok = button('operator.void', 'danger', 'void-ok', 'submit');
  #pledge: PledgeView | undefined;

  constructor(submit: (pledge: PledgeView, reason: string) => void, closed: () => void) {
    const cancel = button('common.cancel', 'secondary');
    const form = el('form', { attrs: { novalidate: '' } },
      el('h2', { i18n: 'operator.voidTitle' }), this.#summary, field('operator.voidReason', this.#reason), this.#error,
      el('div', { class: 'dialog-buttons' }, cancel, this.#ok));
    this.element = el('dialog', { class: 'dialog void-dialog', testid: 'void-dialog' }, form);
    cancel.addEventListener('click', () => this.element.close());
    this.element.addEventListener('close', () => {
      this.#pledge = undefined;
      closed();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.#pledge) submit(this.#pledge, this.#reason.value);
    });
  }

  open(pledge: PledgeView): void {
    this.#pledge = pledge;
    this.#describe();
    this.#reason.value = '';
    this.#error.textContent = '';
    this.#ok.disabled = false;
    this.element.showModal();
    this.#reason.focus();
  }

  busy(busy: boolean): void {
    this.#ok.disabled = busy;
  }

  failed(message: string): void {
    say(this.#error, message, 'error');
    this.#reason.focus();
  }

  close(): void {
    if (this.element.open) this.element.close();
  }

  /** Redraws the question in the language now on screen. */
  retranslate(): void {
    if (this.#pledge) this.#describe();
  }

  #describe(): void {
    const pledge = this.#pledge;
    if (!pledge) return;
    this.#summary.textContent = t('operator.voidConfirm', {
      donor: donorName(pledge.donorName),
      amount: t('operator.amountBoth', { digits: formatFullDigits(pledge.amountFen), compact: amountInWords(pledge.amountFen, getLanguage()) }),
    });
  }
}
