// What the moderation and screen-control cards' controls do: each role's code and sign-out
// (staffAccessActions), and the stage-names switch.

import { say } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { problemText } from './problems';
import { bindStaffAccess } from './staffAccessActions';
import type { AdminRenderer } from './render';
import type { AdminStores } from './stores';
import type { AdminPage } from './views/page';

export function bindModerationActions(stores: AdminStores, page: AdminPage, render: AdminRenderer): void {
  const { moderation } = stores;
  const card = page.moderation;

  bindStaffAccess(moderation, card, { rotate: page.rotateModerator, revoke: page.revokeModerator }, {
    issued: 'admin.moderatorCodeIssued', revoked: 'admin.moderatorRevoked',
    rotateConfirm: 'admin.rotateModeratorConfirm', revokeConfirm: 'admin.revokeModeratorConfirm',
  }, () => render.moderation());
  bindStaffAccess(stores.control, page.control, { rotate: page.rotateController, revoke: page.revokeController }, {
    issued: 'control.admin.codeIssued', revoked: 'control.admin.revoked',
    rotateConfirm: 'control.admin.rotateConfirm', revokeConfirm: 'control.admin.revokeConfirm',
  }, () => render.control());

  card.stageNames.addEventListener('change', () => void (async () => {
    const wanted = card.stageNames.checked;
    card.stageNames.disabled = true;
    const result = await moderation.setModerateStageNames(wanted);
    say(card.message, result.ok ? t('admin.moderationSaved') : problemText(result.problem), result.ok ? 'ok' : 'error');
    // A refusal puts the switch back where the server has it.
    render.moderation();
  })());
}
