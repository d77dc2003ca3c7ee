// The status action buttons (test ids `rehearse-event`, `reset-rehearsal-event`, `open-event`,
// `close-event`, `reopen-event`; only those for the shown status are visible), their confirmations
// (`…-dialog`), and the hint for a status whose way on is not a button (a rehearsal resets first).

import { el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { ACTION_LOOKS, STATUS_ACTIONS, statusActions, statusHint, type StatusAction } from '../statusActions';
import { confirmDialog } from './confirmDialog';

export interface StatusButtons {
  readonly buttons: readonly HTMLElement[];
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
  for (const action of STATUS_ACTIONS) {
    const look = ACTION_LOOKS[action];
    const button = el('button', { class: look.buttonClass, testid: `${look.testid}-event`, i18n: look.label, attrs: { type: 'button', 'data-action': action } });
    const dialog = confirmDialog({ name: look.testid, title: look.confirm.title, ok: look.label, okClass: look.confirm.buttonClass });
    button.addEventListener('click', () => dialog.ask(look.confirm.text, {}, () => run(action)));
    buttons.push(button);
    dialogs.push(dialog.element);
  }
  const hint = el('span', { class: 'hint status-hint', testid: 'status-hint' });
  return {
    buttons: [...buttons, hint],
    dialogs,
    render(status) {
      const shown = statusActions(status);
      for (const button of buttons) button.hidden = !shown.includes(button.dataset.action as StatusAction);
      const key = statusHint(status);
      setText(hint, key ? t(key) : '');
      hint.hidden = key === undefined;
    },
    bindRun(handler) {
      run = handler;
    },
    busy(running) {
      for (const button of buttons) button.disabled = running;
    },
  };
}
