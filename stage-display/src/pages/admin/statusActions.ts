// The admin's status actions for one event: a draft is rehearsed (开始彩排) or opened (开始), a rehearsal
// reset (重置彩排, back to a draft with every rehearsal figure cleared), a live event closed (结束), a closed
// one reopened (重新开放). Reopening is its own server action: `POST …/open` on a closed event is refused
// (409), so a slip on the wrong button can never bring a finished night back. The server refuses to open
// straight from a rehearsal, so the page never offers it: the admin resets first.

import { paths } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { adminPaths } from './adminPaths';

export type StatusAction = 'rehearse' | 'resetRehearsal' | 'open' | 'close' | 'reopen';

export const STATUS_ACTIONS: readonly StatusAction[] = ['rehearse', 'resetRehearsal', 'open', 'close', 'reopen'];

// By name, not by a closed switch: a status this page does not know yet offers no action rather than
// breaking the build or the page.
const ACTIONS_OF: Readonly<Record<string, readonly StatusAction[] | undefined>> = {
  draft: ['rehearse', 'open'],
  rehearsal: ['resetRehearsal'],
  live: ['close'],
  closed: ['reopen'],
};

/** The status actions the admin can take from this status, in the order the buttons show. */
export function statusActions(status: string): readonly StatusAction[] {
  return ACTIONS_OF[status] ?? [];
}

/** A hint beside the buttons for a status whose next step is not obvious (a rehearsal cannot open). */
export function statusHint(status: string): MessageKey | undefined {
  return status === 'rehearsal' ? 'admin.rehearsalOpenHint' : undefined;
}

export function statusActionPath(action: StatusAction, eventId: string): string {
  switch (action) {
    case 'rehearse':
      return adminPaths.rehearse(eventId);
    case 'resetRehearsal':
      return adminPaths.resetRehearsal(eventId);
    case 'open':
      return paths.open(eventId);
    case 'close':
      return paths.close(eventId);
    case 'reopen':
      return paths.reopen(eventId);
  }
}

export interface ActionLook {
  label: MessageKey;
  buttonClass: string;
  /** The button's and dialog's test-id stem (`open-event`, `open-dialog`). */
  testid: string;
  /** Every action changes what every desk and phone may do: each asks first, in the page. */
  confirm: { title: MessageKey; text: MessageKey; buttonClass: string };
}

export const ACTION_LOOKS: Readonly<Record<StatusAction, ActionLook>> = {
  rehearse: {
    label: 'admin.rehearse', buttonClass: 'secondary', testid: 'rehearse',
    confirm: { title: 'admin.confirmRehearseTitle', text: 'admin.rehearseConfirm', buttonClass: 'primary' },
  },
  resetRehearsal: {
    label: 'admin.resetRehearsal', buttonClass: 'danger', testid: 'reset-rehearsal',
    confirm: { title: 'admin.confirmResetRehearsalTitle', text: 'admin.resetRehearsalConfirm', buttonClass: 'danger-solid' },
  },
  open: { label: 'admin.open', buttonClass: 'primary', testid: 'open', confirm: { title: 'admin.confirmOpenTitle', text: 'admin.openConfirm', buttonClass: 'primary' } },
  close: { label: 'admin.close', buttonClass: 'danger', testid: 'close', confirm: { title: 'admin.confirmCloseTitle', text: 'admin.closeConfirm', buttonClass: 'danger-solid' } },
  reopen: { label: 'admin.reopen', buttonClass: 'primary', testid: 'reopen', confirm: { title: 'admin.confirmReopenTitle', text: 'admin.reopenConfirm', buttonClass: 'primary' } },
};

const STATUS_LABELS: Readonly<Record<string, MessageKey | undefined>> = {
  draft: 'admin.status.draft',
  rehearsal: 'admin.status.rehearsal',
  live: 'admin.status.live',
  closed: 'admin.status.closed',
};

/** The status in the page's language; an unknown status shows as the server spells it. */
export function statusLabel(status: string): string {
  const key = STATUS_LABELS[status];
  return key ? t(key) : status;
}
