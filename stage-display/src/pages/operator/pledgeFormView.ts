// The entry form: tier buttons, the amount with its live read-back (figures and words), the donor,
// and 录入. What the operator typed leaves it as a PledgeForm; checking it is pledgeDraft's.

import { button, el, field, input, setText, showIf } from '../../lib/dom';
import { getLanguage, t, type MessageKey } from '../../lib/i18n';
import { DEFAULT_MAX_AMOUNT_FEN, formatFullDigits, parseAmountInput } from '../../lib/money';
import type { DonorKind } from '../../lib/types';
import { amountForInput, amountInWords, shownAmount } from './amountText';
import type { PledgeForm } from './pledgeDraft';

const KINDS: readonly DonorKind[] = ['enterprise', 'organization', 'individual'];

export class PledgeFormView {
  readonly form: HTMLFormElement;
  readonly amount = input('amount', 'operator.amountPlaceholder', { class: 'amount-input', 'aria-describedby': 'amount-readout' });
  readonly #tiers = el('div', { class: 'tiers' });
  readonly #digits = el('div', { class: 'readout-digits', testid: 'amount-digits' });
  readonly #words = el('div', { class: 'readout-capital', testid: 'amount-capital' });
  readonly #amountError = el('div', { class: 'readout-error', testid: 'amount-error', attrs: { role: 'alert' } });
  readonly #readout = el('div', { class: 'readout', attrs: { id: 'amount-readout' } },
    el('div', { class: 'readout-row' }, el('span', { class: 'readout-label', i18n: 'operator.digitsLabel' }), this.#digits),
    el('div', { class: 'readout-row' }, el('span', { class: 'readout-label', i18n: 'operator.capitalLabel' }), this.#words),
    this.#amountError);
  readonly #donorName = input('donor-name', 'operator.donorNamePlaceholder', { maxlength: '64' });
  readonly #donorKind = el('select', { testid: 'donor-kind' }, ...KINDS.map((kind) => el('option', { i18n: `donorKind.${kind}`, attrs: { value: kind } })));
  readonly #anonymous = el('input', { testid: 'anonymous', attrs: { type: 'checkbox' } });
  readonly #representative = input('representative', 'operator.representativePlaceholder', { maxlength: '64' });
  readonly #note = input('note', 'operator.notePlaceholder', { maxlength: '200' });
  readonly #formError = el('div', { class: 'form-error', attrs: { role: 'alert' } });

  constructor() {
    this.form = el('form', { class: 'entry-form', attrs: { novalidate: '', autocomplete: 'off' } },
      el('div', { class: 'tiers-block' }, el('span', { class: 'field-label', i18n: 'operator.tiers' }), this.#tiers),
      field('operator.amount', this.amount),
      this.#readout,
      el('div', { class: 'grid-2' }, field('operator.donorName', this.#donorName), field('operator.donorKind', this.#donorKind)),
      el('div', { class: 'grid-2' }, field('operator.representative', this.#representative), field('operator.note', this.#note)),
      el('label', { class: 'check' }, this.#anonymous, el('span', { i18n: 'operator.anonymous' })),
      this.#formError,
      el('div', { class: 'submit-row' }, button('operator.record', 'primary big', 'submit', 'submit'), el('span', { class: 'hint', i18n: 'operator.submitHint' })));
    this.amount.addEventListener('input', () => {
      this.updateReadout();
      this.#formError.textContent = '';
    });
    this.#anonymous.addEventListener('change', () => this.#donorName.classList.toggle('optional', this.#anonymous.checked));
    for (const control of [this.#donorName, this.#representative, this.#note]) {
      control.addEventListener('input', () => (this.#formError.textContent = ''));
    }
    // Enter submits from every control of the form, the select and the checkbox included.
    this.form.addEventListener('keydown', (event) => {
      const target = event.target;
      if (event.key === 'Enter' && !event.isComposing && (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox'))) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
  }

  values(): PledgeForm {
    return {
      amount: this.amount.value,
      donorName: this.#donorName.value,
      donorKind: this.#donorKind.value as DonorKind,
      anonymous: this.#anonymous.checked,
      representative: this.#representative.value,
      note: this.#note.value,
    };
  }

  /** Puts a refused entry back to fix. */
  fill(form: Omit<PledgeForm, 'amount'> & { amountFen: number }): void {
    this.amount.value = amountForInput(form.amountFen);
    this.#donorName.value = form.donorName;
    this.#donorKind.value = form.donorKind;
    this.#anonymous.checked = form.anonymous;
    this.#representative.value = form.representative;
    this.#note.value = form.note;
    this.updateReadout();
    this.amount.focus();
  }

  showProblem(fieldName: 'amount' | 'donorName', message: MessageKey): void {
    if (fieldName === 'amount') {
      this.#amountError.textContent = amountMessage(message);
      this.#readout.classList.add('invalid');
      this.amount.focus();
      this.amount.select();
    } else {
      this.#formError.textContent = t(message);
      this.#donorName.focus();
    }
  }

  reset(): void {
    this.form.reset();
    this.#donorName.classList.remove('optional');
    this.#formError.textContent = '';
    this.updateReadout();
    this.amount.focus();
  }

  renderTiers(tiersFen: readonly number[], force = false): void {
    const key = `${getLanguage()}:${tiersFen.join(',')}`;
    if (!force && this.#tiers.dataset.tiers === key && this.#tiers.childElementCount > 0) return;
    this.#tiers.dataset.tiers = key;
    this.#tiers.replaceChildren(...tiersFen.map((fen) => {
      const tier = el('button', { class: 'tier', testid: 'tier', text: shownAmount(fen), attrs: { type: 'button', 'data-amount-fen': String(fen), title: formatFullDigits(fen) } });
      tier.addEventListener('click', () => {
        this.amount.value = amountForInput(fen);
        this.updateReadout();
        this.#donorName.focus();
      });
      return tier;
    }));
    showIf(this.#tiers, tiersFen.length > 0);
    this.#markTier();
  }

  updateReadout(): void {
    const text = this.amount.value;
    const parsed = parseAmountInput(text);
    const typed = text.trim() !== '';
    this.#readout.classList.toggle('empty', !typed);
    this.#readout.classList.toggle('invalid', !parsed.ok && typed);
    setText(this.#digits, parsed.ok ? formatFullDigits(parsed.fen) : '—');
    setText(this.#words, parsed.ok ? amountInWords(parsed.fen, getLanguage()) : '—');
    setText(this.#amountError, parsed.ok || !typed ? '' : amountMessage(parsed.error));
    this.amount.setAttribute('aria-invalid', String(!parsed.ok && typed));
    this.#markTier();
  }

  #markTier(): void {
    const parsed = parseAmountInput(this.amount.value);
    for (const tier of this.#tiers.querySelectorAll<HTMLButtonElement>('button')) {
      tier.classList.toggle('selected', parsed.ok && String(parsed.fen) === tier.dataset.amountFen);
    }
  }
}

function amountMessage(key: MessageKey): string {
  return t(key, { max: shownAmount(DEFAULT_MAX_AMOUNT_FEN) });
}
