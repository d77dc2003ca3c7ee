// The admin's status actions for one event: a draft is opened (开始), a live event closed (结束), a
// closed one reopened (重新开放). Reopening is its own server action: `POST …/open` on a closed event is
// refused (409), so a slip on the wrong button can never bring a finished night back.

import { paths } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';

export type StatusAction = 'open' | 'close' | 'reopen';

// By name, not by a closed switch: a status this page does not know yet (the rehearsal) offers no action
// rather than breaking the build or the page.
const ACTION_OF: Readonly<Record<string, StatusAction | undefined>> = { draft: 'open', live: 'close', closed: 'reopen' };

/** The one status action the admin can take from this status, if any. */
export function statusAction(status: string): StatusAction | undefined {
  return ACTION_OF[status];
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

export interface ActionLook {
  label: MessageKey;
  buttonClass: string;
  /** Every action changes what every desk and phone may do: each asks first, in the page. */
  confirm: { title: MessageKey; text: MessageKey; buttonClass: string };
}

export const ACTION_LOOKS: Readonly<Record<StatusAction, ActionLook>> = {
  open: { label: 'admin.open', buttonClass: 'primary', confirm: { title: 'admin.confirmOpenTitle', text: 'admin.openConfirm', buttonClass: 'primary' } },
  close: { label: 'admin.close', buttonClass: 'danger', confirm: { title: 'admin.confirmCloseTitle', text: 'admin.closeConfirm', buttonClass: 'danger-solid' } },
  reopen: { label: 'admin.reopen', buttonClass: 'primary', confirm: { title: 'admin.confirmReopenTitle', text: 'admin.reopenConfirm', buttonClass: 'primary' } },
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
