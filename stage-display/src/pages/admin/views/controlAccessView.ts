// The screen-control card: the screen controller's access code, its issue / rotate / sign-out
// buttons and the link to the controller's console, /control/{eventId} (staffCodeView).

import { el } from '../../../lib/dom';
import { adminPaths } from '../adminPaths';
import { staffCodeView } from './staffCodeView';

export interface ControlAccessLook {
  eventId: string;
  hasCode: boolean | undefined;
  shownCode: string | undefined;
}

export function controlAccessView() {
  const access = staffCodeView({ role: 'controller', codeLabel: 'control.admin.code', issue: 'control.admin.issueCode',
    rotate: 'control.admin.rotateCode', revoke: 'control.admin.revoke', page: 'control.admin.page' });
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const element = el('section', { class: 'card moderation-card', testid: 'control-card' },
    el('h2', { i18n: 'control.title' }), el('p', { class: 'hint', i18n: 'control.admin.hint' }), ...access.parts, message);
  return {
    element,
    message,
    issue: access.issue,
    revoke: access.revoke,
    render: (look: ControlAccessLook): void => access.render({ ...look, pageHref: adminPaths.controlPage(look.eventId) }),
  };
}
