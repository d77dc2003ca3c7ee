// An in-page "are you sure": no browser dialog on the night (a kiosk may block them, and a test
// browser treats one as a failure). Cancel has the focus, so an Enter on a dialog that just opened
// changes nothing.

import { el, setText, whenLanguageChanges } from '../../../lib/dom';
import { t, type MessageKey } from '../../../lib/i18n';

export interface ConfirmLook {
  /** Test ids `{name}-dialog` and `{name}-confirm`. */
  name: string;
  title: MessageKey;
  ok: MessageKey;
  okClass: string;
}

export interface ConfirmDialog {
  readonly element: HTMLDialogElement;
  /** Shows the question; `confirmed` runs only after the admin presses the dialog's own button. */
  ask(text: MessageKey, params: Readonly<Record<string, string | number>>, confirmed: () => void): void;
}

export function confirmDialog(look: ConfirmLook): ConfirmDialog {
  const question = el('p', { testid: `${look.name}-question` });
  const ok = el('button', { class: look.okClass, testid: `${look.name}-confirm`, i18n: look.ok, attrs: { type: 'button' } });
  const cancel = el('button', { class: 'secondary', testid: `${look.name}-cancel`, i18n: 'common.cancel', attrs: { type: 'button' } });
  const element = el('dialog', { class: 'dialog', testid: `${look.name}-dialog` },
    el('h2', { i18n: look.title }), question, el('div', { class: 'dialog-buttons' }, cancel, ok));
  let asked: { text: MessageKey; params: Readonly<Record<string, string | number>>; confirmed: () => void } | undefined;
  whenLanguageChanges(() => {
    if (asked) setText(question, t(asked.text, asked.params));
  });
  cancel.addEventListener('click', () => element.close());
  element.addEventListener('close', () => {
    asked = undefined;
  });
  ok.addEventListener('click', () => {
    const confirmed = asked?.confirmed;
    element.close();
    confirmed?.();
  });
  return {
    element,
    ask(text, params, confirmed) {
      asked = { text, params, confirmed };
      setText(question, t(text, params));
      element.showModal();
      cancel.focus();
    },
  };
}
