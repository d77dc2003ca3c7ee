// The moderation card: the moderator's access code (shown only when this tab was just given it), the
// buttons that issue or rotate it and sign the moderators out, the link to the moderator's console,
// and the "moderate stage names too" switch.

import { button, el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { adminPaths } from '../adminPaths';

export interface ModerationLook {
  eventId: string;
  hasCode: boolean | undefined;
  shownCode: string | undefined;
  moderateStageNames: boolean | undefined;
}

export function moderationView() {
  const codeLine = el('span', { class: 'hint', testid: 'moderator-code-state' });
  const code = el('span', { class: 'access-code moderation-code', testid: 'moderator-code' });
  const issue = button('admin.issueModeratorCode', 'primary small', 'issue-moderator-code');
  const revoke = button('admin.revokeModerator', 'secondary small', 'revoke-moderator');
  const page = el('a', { class: 'link-button', testid: 'moderator-page', i18n: 'admin.moderatorPage', attrs: { target: '_blank', rel: 'noopener' } });
  const stageNames = el('input', { testid: 'moderate-stage-names', attrs: { type: 'checkbox' } });
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const element = el('section', { class: 'card moderation-card', testid: 'moderation-card' },
    el('h2', { i18n: 'admin.moderation' }),
    el('p', { class: 'hint', i18n: 'admin.moderationHint' }),
    el('div', {}, el('span', { class: 'field-label', i18n: 'admin.moderatorCode' }), ' ', code, codeLine),
    el('div', { class: 'moderation-actions' }, issue, revoke, page),
    el('label', { class: 'check' }, stageNames, el('span', { i18n: 'admin.moderateStageNames' })),
    message);

  return {
    element,
    message,
    issue,
    revoke,
    stageNames,
    render(look: ModerationLook): void {
      setText(code, look.shownCode ?? '');
      code.hidden = look.shownCode === undefined;
      setText(codeLine, look.shownCode !== undefined || look.hasCode === undefined ? ''
        : t(look.hasCode ? 'admin.moderatorHasCode' : 'admin.moderatorNoCode'));
      const issueLabel = look.hasCode ? 'admin.rotateModeratorCode' : 'admin.issueModeratorCode';
      issue.dataset.i18n = issueLabel;
      setText(issue, t(issueLabel));
      revoke.disabled = look.hasCode !== true;
      page.href = adminPaths.moderatorPage(look.eventId);
      stageNames.disabled = look.moderateStageNames === undefined;
      stageNames.checked = look.moderateStageNames === true;
    },
  };
}
