// The donation form of the phone page: presets, other amount (with its exact preview), name or
// anonymous, the optional 留言 (shown only after review), the sending state and its errors. DOM only;
// the controller hands what the donor does to the store.

import { button, el, setText, showIf } from '../../lib/dom';
import { getLanguage, t } from '../../lib/i18n';
import { formatCompactAmount, formatFullDigits } from '../../lib/money';
import { MESSAGE_MAX, NAME_MAX, type GiveForm } from './giveForm';
import type { GiveStore } from './giveStore';

export interface GiveFormHandlers {
  preset: (fen: number) => void;
  edit: (values: Partial<Omit<GiveForm, 'presetFen'>>) => void;
  submit: () => void;
  retry: () => void;
}

/**
 * formatCompactAmount (10万, 500元) is Chinese notation; until money.ts gives it an English form,
 * an English page labels a preset with its whole yuan (¥500), through money.ts all the same.
 */
function presetLabel(fen: number): string {
  return getLanguage() === 'en' ? formatFullDigits(fen).replace(/\.00$/, '') : formatCompactAmount(fen);
}

export class GiveFormView {
  readonly #presets = el('div', { class: 'presets' });
  readonly #amount = el('input', {
    class: 'input', testid: 'donate-amount',
    attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', enterkeyhint: 'done' },
  });
  readonly #preview = el('p', { class: 'hint amount-preview' });
  readonly #name = el('input', {
    class: 'input', testid: 'donate-name',
    attrs: { type: 'text', maxlength: String(NAME_MAX), autocomplete: 'name', enterkeyhint: 'next' },
  });
  readonly #anonymous = el('input', { testid: 'donate-anonymous', attrs: { type: 'checkbox' } });
  readonly #message = el('textarea', { class: 'input', testid: 'donate-message', attrs: { maxlength: String(MESSAGE_MAX), rows: '3' } });
  readonly #messageCount = el('span', { class: 'count' });
  readonly #status = el('p', { class: 'status', testid: 'donate-status', attrs: { 'aria-live': 'polite' } });
  readonly #errorText = el('p', { class: 'error-text', testid: 'donate-error', attrs: { role: 'alert' } });
  readonly #retry = button('common.retry', 'button secondary', 'donate-retry');
  readonly #errorBox = el('div', { class: 'error-box' }, this.#errorText, this.#retry);
  readonly #submit = el('button', { class: 'button primary', testid: 'donate-submit', attrs: { type: 'submit' } });
  readonly #fields = el('fieldset', { class: 'fields' },
    el('div', { class: 'field' }, el('span', { class: 'label', i18n: 'viewer.presetAmounts' }), this.#presets),
    el('label', { class: 'field' }, el('span', { class: 'label', i18n: 'viewer.otherAmount' }), this.#amount, this.#preview),
    el('label', { class: 'field' }, el('span', { class: 'label', i18n: 'viewer.donorName' }), this.#name),
    el('label', { class: 'check' }, this.#anonymous, el('span', { i18n: 'viewer.anonymous' })),
    el('label', { class: 'field' },
      el('span', { class: 'label' }, el('span', { i18n: 'viewer.message' }), this.#messageCount), this.#message,
      el('span', { class: 'hint', testid: 'donate-message-review', i18n: 'viewer.messageReviewed' })));
  readonly #form = el('form', { class: 'donate-form', attrs: { novalidate: '' } }, this.#fields, this.#status, this.#errorBox, this.#submit);
  readonly #notLive = el('p', { class: 'not-live', i18n: 'viewer.eventNotLive', attrs: { role: 'status' } });
  readonly element = el('section', { class: 'card donate' }, el('h2', { class: 'card-title', i18n: 'viewer.donateHeading' }), this.#notLive, this.#form);
  #handlers: GiveFormHandlers | null = null;

  constructor() {
    showIf(this.#errorBox, false);
    showIf(this.#notLive, false);
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#handlers?.submit();
    });
    this.#retry.addEventListener('click', () => this.#handlers?.retry());
    this.#amount.addEventListener('input', () => this.#handlers?.edit({ amountText: this.#amount.value }));
    this.#name.addEventListener('input', () => this.#handlers?.edit({ name: this.#name.value }));
    this.#anonymous.addEventListener('change', () => this.#handlers?.edit({ anonymous: this.#anonymous.checked }));
    this.#message.addEventListener('input', () => this.#handlers?.edit({ message: this.#message.value }));
  }

  bind(handlers: GiveFormHandlers): void {
    this.#handlers = handlers;
  }

  render(give: GiveStore, event: { known: boolean; acceptsGifts: boolean; presetsFen: readonly number[] }): void {
    const { form } = give;
    showIf(this.element, give.phase.kind === 'form' || give.phase.kind === 'redirecting');
    showIf(this.#notLive, event.known && !event.acceptsGifts);
    const closed = give.sending || !event.acceptsGifts;
    this.#fields.disabled = closed;
    this.#submit.disabled = closed;
    setText(this.#submit, t(give.sending ? 'viewer.submitting' : 'viewer.submit'));
    const status = give.phase.kind === 'redirecting' ? t('viewer.redirecting') : give.retrying ? t('viewer.retrying') : '';
    setText(this.#status, status);
    showIf(this.#status, status !== '');

    syncValue(this.#amount, form.amountText);
    syncValue(this.#name, form.name);
    syncValue(this.#message, form.message);
    this.#anonymous.checked = form.anonymous;
    this.#name.disabled = form.anonymous;
    this.#name.placeholder = t('viewer.donorNamePlaceholder');
    this.#message.placeholder = t('viewer.messagePlaceholder');
    this.#amount.placeholder = t('viewer.amountPlaceholder');
    setText(this.#messageCount, t('viewer.messageCount', { count: give.messageLength, max: MESSAGE_MAX }));
    this.#renderPresets(event.presetsFen, form.presetFen);
    const fen = give.amountFen;
    setText(this.#preview, fen === null ? '' : t('viewer.amountPreview', { amount: formatFullDigits(fen) }));
    showIf(this.#preview, fen !== null);

    const notice = give.notice;
    setText(this.#errorText, notice ? t(notice.key, notice.params) : '');
    showIf(this.#retry, notice?.canRetry === true);
    showIf(this.#errorBox, notice !== null);
  }

  focusAmount(): void {
    this.#amount.focus();
  }

  #renderPresets(amounts: readonly number[], chosen: number | null): void {
    const shown = [...this.#presets.children] as HTMLElement[];
    if (shown.length !== amounts.length || amounts.some((fen, i) => shown[i]?.dataset.amountFen !== String(fen))) {
      this.#presets.replaceChildren(...amounts.map((fen) => {
        const preset = el('button', { class: 'preset', testid: 'donate-preset', attrs: { type: 'button' } });
        preset.dataset.amountFen = String(fen);
        preset.addEventListener('click', () => this.#handlers?.preset(fen));
        return preset;
      }));
    }
    for (const preset of this.#presets.children as HTMLCollectionOf<HTMLElement>) {
      const fen = Number(preset.dataset.amountFen);
      setText(preset, presetLabel(fen));
      preset.setAttribute('aria-pressed', String(fen === chosen));
    }
  }
}

/** Only what the store changed (a new gift clears the amount): never the caret of a box being typed in. */
function syncValue(box: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  if (box.value !== value) box.value = value;
}
