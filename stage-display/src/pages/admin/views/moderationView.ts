// The moderation card: the moderator's access code, its issue / rotate / sign-out buttons and the
// link to the moderator's console (staffCodeView), and the "moderate stage names too" switch.

import { el } from '../../../lib/dom';
import { adminPaths } from '../adminPaths';
import { staffCodeView } from './staffCodeView';

export interface ModerationLook {
  eventId: string;
  hasCode: boolean | undefined;
  shownCode: string | undefined;
  moderateStageNames: boolean | undefined;
}

export function moderationView() {
  const access = staffCodeView({ role: 'moderator', codeLabel: 'admin.moderatorCode', issue: 'admin.issueModeratorCode',
    rotate: 'admin.rotateModeratorCode', revoke: 'admin.revokeModerator', page: 'admin.moderatorPage' });
  const stageNames = el('input', { testid: 'moderate-stage-names', attrs: { type: 'checkbox' } });
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const element = el('section', { class: 'card moderation-card', testid: 'moderation-card' },
    el('h2', { i18n: 'admin.moderation' }),
    el('p', { class: 'hint', i18n: 'admin.moderationHint' }),
    ...access.parts,
    el('label', { class: 'check' }, stageNames, el('span', { i18n: 'admin.moderateStageNames' })),
    message);

  return {
    element,
    message,
    issue: access.issue,
    revoke: access.revoke,
    stageNames,
    render(look: ModerationLook): void {
      access.render({ ...look, pageHref: adminPaths.moderatorPage(look.eventId) });
      stageNames.disabled = look.moderateStageNames === undefined;
      stageNames.checked = look.moderateStageNames === true;
    },
  };
}
