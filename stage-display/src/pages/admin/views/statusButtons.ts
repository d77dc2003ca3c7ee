// The status action buttons (test ids `open-event`, `close-event`, `reopen-event`; only the one for
// the shown status is visible) and their confirmations (`open-dialog`, `close-dialog`, `reopen-dialog`).

import { el } from '../../../lib/dom';
import { ACTION_LOOKS, statusAction, type StatusAction } from '../statusActions';
import { confirmDialog } from './confirmDialog';

export interface StatusButtons {
  readonly buttons: readonly HTMLButtonElement[];
  readonly dialogs: readonly HTMLDialogElement[];
  render(status: string): void;
  bindRun(handler: (action: StatusAction) => void): void;
  /** While an action runs, no second one can start. */
  busy(running: boolean): void;
}

export function statusButtons(): StatusButtons {
  let run: (action: StatusAction) => void = () => undefined;
  const buttons: HTMLButtonElement[] = [];
  const dialogs: HTMLDialogElement[] = [];
  for (const action of ['open', 'close', 'reopen'] as const) {
    const look = ACTION_LOOKS[action];
    const button = el('button', { class: look.buttonClass, testid: `${action}-event`, i18n: look.label, attrs: { type: 'button', 'data-action': action } });
    const dialog = confirmDialog({ name: action, title: look.confirm.title, ok: look.label, okClass: look.confirm.buttonClass });
    button.addEventListener('click', () => dialog.ask(look.confirm.text, {}, () => run(action)));
    buttons.push(button);
    dialogs.push(dialog.element);
  }
  return {
    buttons,
    dialogs,
    render(status) {
      const shown = statusAction(status);
      for (const button of buttons) button.hidden = button.dataset.action !== shown;
    },
    bindRun(handler) {
      run = handler;
    },
    busy(running) {
      for (const button of buttons) button.disabled = running;
    },
  };
}
