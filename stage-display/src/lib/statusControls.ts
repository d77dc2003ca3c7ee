// The admin's status actions for one event: a draft is opened (开始), a live event closed (结束),
// a closed one reopened (重新开放). Reopening is its own server action: `POST …/open` on a closed
// event is refused (409), so a slip on the wrong button can never bring a finished night back.
// Closing and reopening both ask first, inside the page: no browser dialog on the night.

import { paths, type ApiResult, type EventStatus, type EventView, type Problem } from './api';
import { el } from './dom';
import type { MessageKey } from './i18n';

export type StatusAction = 'open' | 'close' | 'reopen';

/** The one status action the admin can take from this status. */
export function statusAction(status: EventStatus): StatusAction {
  switch (status) {
    case 'draft':
      return 'open';
    case 'live':
      return 'close';
    case 'closed':
      return 'reopen';
  }
}

export function statusActionPath(action: StatusAction, eventId: string): string {
  switch (action) {
    case 'open':
      return paths.open(eventId);
    case 'close':
      return paths.close(eventId);
    case 'reopen':
      return paths.reopen(eventId);
  }
}

interface Confirmation {
  title: MessageKey;
  text: MessageKey;
  buttonClass: string;
}

interface ActionLook {
  label: MessageKey;
  buttonClass: string;
  /** Close and reopen change what every desk and phone may do mid-show: they ask first. */
  confirm?: Confirmation;
}

const LOOKS: Record<StatusAction, ActionLook> = {
  open: { label: 'admin.open', buttonClass: 'primary' },
  close: { label: 'admin.close', buttonClass: 'danger', confirm: { title: 'admin.confirmCloseTitle', text: 'admin.closeConfirm', buttonClass: 'danger-solid' } },
  reopen: { label: 'admin.reopen', buttonClass: 'primary', confirm: { title: 'admin.confirmReopenTitle', text: 'admin.reopenConfirm', buttonClass: 'primary' } },
};

export function needsConfirmation(action: StatusAction): boolean {
  return LOOKS[action].confirm !== undefined;
}

export interface StatusControlsOptions {
  /** The admin's POST (it signs out on a 401). */
  call: (path: string) => Promise<ApiResult<EventView>>;
  /** The event as the server answered the action. */
  changed: (event: EventView) => void | Promise<void>;
  failed: (problem: Problem) => void;
}

export interface StatusControls {
  /** One button per action; only the one for the shown status is visible. */
  readonly buttons: readonly HTMLButtonElement[];
  /** The in-page confirmations; append them to the page. */
  readonly dialogs: readonly HTMLDialogElement[];
  /** Shows the action for this event's status. */
  render(event: Pick<EventView, 'id' | 'status'>): void;
}

/** Buttons (test ids `open-event`, `close-event`, `reopen-event`) and dialogs (`close-dialog`, `reopen-dialog`). */
export function createStatusControls(options: StatusControlsOptions): StatusControls {
  let eventId: string | undefined;
  const buttons: HTMLButtonElement[] = [];
  const dialogs: HTMLDialogElement[] = [];

  const run = async (action: StatusAction): Promise<void> => {
    if (!eventId) return;
    for (const button of buttons) button.disabled = true;
    const result = await options.call(statusActionPath(action, eventId));
    for (const button of buttons) button.disabled = false;
    if (result.ok) {
      await options.changed(result.body);
    } else {
      options.failed(result.problem);
    }
  };

  for (const action of ['open', 'close', 'reopen'] as const) {
    const look = LOOKS[action];
    const button = el('button', { class: look.buttonClass, testid: `${action}-event`, i18n: look.label, attrs: { type: 'button', 'data-action': action } });
    buttons.push(button);
    if (!look.confirm) {
      button.addEventListener('click', () => void run(action));
      continue;
    }
    const ok = el('button', { class: look.confirm.buttonClass, testid: `${action}-confirm`, i18n: look.label, attrs: { type: 'button' } });
    const cancel = el('button', { class: 'secondary', i18n: 'common.cancel', attrs: { type: 'button' } });
    const dialog = el('dialog', { class: 'dialog', testid: `${action}-dialog` },
      el('h2', { i18n: look.confirm.title }), el('p', { i18n: look.confirm.text }),
      el('div', { class: 'dialog-buttons' }, cancel, ok));
    dialogs.push(dialog);
    button.addEventListener('click', () => {
      dialog.showModal();
      cancel.focus(); // Enter on a dialog that just opened must not change the night
    });
    cancel.addEventListener('click', () => dialog.close());
    ok.addEventListener('click', () => {
      dialog.close();
      void run(action);
    });
  }

  return {
    buttons,
    dialogs,
    render(event) {
      eventId = event.id;
      const shown = statusAction(event.status);
      for (const button of buttons) button.hidden = button.dataset.action !== shown;
    },
  };
}
