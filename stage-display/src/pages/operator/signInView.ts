// The desk's sign-in: event, desk and the access code the admin handed out. Shown alone on opening,
// or over the console when the server refused the desk's token.

import type { EventSummary } from '../../lib/api';
import { button, el, field, input, say, showIf } from '../../lib/dom';

export interface SignInValues {
  eventId: string;
  deskId: string;
  accessCode: string;
}

export class SignInView {
  readonly form: HTMLFormElement;
  readonly cancelButton = el('button', { class: 'secondary big', i18n: 'common.cancel', attrs: { type: 'button', hidden: '' } });
  readonly element: HTMLDivElement;
  readonly #event = input('login-event', undefined, { list: 'event-ids', autocapitalize: 'off' });
  readonly #desk = input('login-desk', undefined, { autocapitalize: 'off' });
  // Eight letters and digits (no 0/O, 1/I/L); case does not matter, so no shift key and no autocorrect.
  readonly #code = input('login-code', undefined, { autocapitalize: 'characters', autocorrect: 'off' });
  readonly #error = el('div', { class: 'form-error', testid: 'login-error', attrs: { role: 'alert' } });
  readonly #message = el('div', { class: 'login-message', testid: 'login-message', attrs: { role: 'status' } });
  readonly #submit = button('operator.signIn', 'primary big', 'login-submit', 'submit');
  readonly #eventIds = el('datalist', { attrs: { id: 'event-ids' } });

  constructor() {
    this.form = el('form', { class: 'login-card', attrs: { novalidate: '' } },
      el('h1', { i18n: 'operator.signInHeading' }),
      this.#message,
      field('operator.event', this.#event),
      field('operator.desk', this.#desk),
      field('operator.accessCode', this.#code),
      this.#error,
      el('div', { class: 'submit-row' }, this.#submit, this.cancelButton),
      el('p', { class: 'hint', i18n: 'operator.signInHint' }),
      this.#eventIds);
    this.element = el('div', { class: 'login-view', attrs: { hidden: '' } }, this.form);
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  show(options: { overlay: boolean; message?: string; eventId?: string; deskId?: string }): void {
    showIf(this.element, true);
    this.element.classList.toggle('overlay', options.overlay);
    showIf(this.cancelButton, options.overlay);
    this.#message.textContent = options.message ?? '';
    showIf(this.#message, Boolean(options.message));
    this.#error.textContent = '';
    this.#event.value ||= options.eventId ?? '';
    this.#desk.value ||= options.deskId ?? '';
    (this.#event.value === '' ? this.#event : this.#desk.value === '' ? this.#desk : this.#code).focus();
  }

  hide(): void {
    showIf(this.element, false);
  }

  values(): SignInValues {
    return { eventId: this.#event.value.trim(), deskId: this.#desk.value.trim(), accessCode: this.#code.value.trim() };
  }

  busy(busy: boolean): void {
    this.#submit.disabled = busy;
    if (busy) this.#error.textContent = '';
  }

  failed(message: string): void {
    say(this.#error, message, 'error');
    this.#code.select();
  }

  signedIn(): void {
    this.#code.value = '';
    this.hide();
  }

  /** The events the server lists; the one live event is filled in when the box is still empty. */
  suggest(events: readonly EventSummary[]): void {
    this.#eventIds.replaceChildren(...events.map((event) => el('option', { attrs: { value: event.id }, text: event.title })));
    const live = events.filter((event) => event.status === 'live');
    if (this.#event.value !== '' || live.length !== 1 || !live[0]) return;
    this.#event.value = live[0].id;
    // The list can arrive while the operator is typing into the empty box: selected, the suggestion is
    // replaced by what they type instead of having it appended ("gala" + "gala" = "galagala").
    if (document.activeElement === this.#event) this.#event.select();
  }
}
