// What the moderation card's controls do: issue or rotate the moderator's code (a rotation asks first,
// since the old code stops working), sign the moderators out (asks first), and the stage-names switch.

import { say } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { problemText } from './problems';
import type { AdminRenderer } from './render';
import type { AdminStores } from './stores';
import type { AdminPage } from './views/page';

export function bindModerationActions(stores: AdminStores, page: AdminPage, render: AdminRenderer): void {
  const { moderation } = stores;
  const card = page.moderation;

  const issue = async (): Promise<void> => {
    card.issue.disabled = true;
    const result = await moderation.issueCode();
    card.issue.disabled = false;
    say(card.message, result.ok ? t('admin.moderatorCodeIssued', { code: result.body.accessCode }) : problemText(result.problem),
      result.ok ? 'ok' : 'error');
    render.moderation();
  };
  card.issue.addEventListener('click', () => {
    if (moderation.hasCode) page.rotateModerator.ask('admin.rotateModeratorConfirm', {}, () => void issue());
    else void issue();
  });

  card.revoke.addEventListener('click', () => page.revokeModerator.ask('admin.revokeModeratorConfirm', {}, () => void (async () => {
    card.revoke.disabled = true;
    const result = await moderation.revoke();
    say(card.message, result.ok ? t('admin.moderatorRevoked') : problemText(result.problem), result.ok ? 'ok' : 'error');
    render.moderation();
  })()));

  card.stageNames.addEventListener('change', () => void (async () => {
    const wanted = card.stageNames.checked;
    card.stageNames.disabled = true;
    const result = await moderation.setModerateStageNames(wanted);
    say(card.message, result.ok ? t('admin.moderationSaved') : problemText(result.problem), result.ok ? 'ok' : 'error');
    // A refusal puts the switch back where the server has it.
    render.moderation();
  })());
}
