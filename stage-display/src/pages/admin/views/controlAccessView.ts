// The screen-control card: the screen controller's access code (shown only when this tab was just
// given it), the buttons that issue or rotate it and sign the controllers out, and the link to the
// controller's console, /control/{eventId}.

import { button, el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { adminPaths } from '../adminPaths';

export interface ControlAccessLook {
  eventId: string;
  hasCode: boolean | undefined;
  shownCode: string | undefined;
}

export function controlAccessView() {
  const codeLine = el('span', { class: 'hint', testid: 'controller-code-state' });
  const code = el('span', { class: 'access-code moderation-code', testid: 'controller-code' });
  const issue = button('control.admin.issueCode', 'primary small', 'issue-controller-code');
  const revoke = button('control.admin.revoke', 'secondary small', 'revoke-controller');
  const page = el('a', { class: 'link-button', testid: 'controller-page', i18n: 'control.admin.page', attrs: { target: '_blank', rel: 'noopener' } });
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const element = el('section', { class: 'card moderation-card', testid: 'control-card' },
    el('h2', { i18n: 'control.title' }),
    el('p', { class: 'hint', i18n: 'control.admin.hint' }),
    el('div', {}, el('span', { class: 'field-label', i18n: 'control.admin.code' }), ' ', code, codeLine),
    el('div', { class: 'moderation-actions' }, issue, revoke, page),
    message);

  return {
    element,
    message,
    issue,
    revoke,
    render(look: ControlAccessLook): void {
      setText(code, look.shownCode ?? '');
      code.hidden = look.shownCode === undefined;
      setText(codeLine, look.shownCode !== undefined || look.hasCode === undefined ? ''
        : t(look.hasCode ? 'admin.moderatorHasCode' : 'admin.moderatorNoCode'));
      const issueLabel = look.hasCode ? 'control.admin.rotateCode' : 'control.admin.issueCode';
      issue.dataset.i18n = issueLabel;
      setText(issue, t(issueLabel));
      revoke.disabled = look.hasCode !== true;
      page.href = adminPaths.controlPage(look.eventId);
    },
  };
}
