// What a staff role's access buttons do (the moderator's card, the screen-control card): issue or
// rotate the code (a rotation asks first, since the old code stops working) and sign everyone in the
// role out (asks first). The answer's words go on the card's message line.

import { say } from '../../lib/dom';
import { t, type MessageKey } from '../../lib/i18n';
import { problemText } from './problems';
import type { StaffAccess } from './staffAccess';
import type { AdminPage } from './views/page';

type Confirm = AdminPage['rotate'];

export interface StaffAccessCard {
  issue: HTMLButtonElement;
  revoke: HTMLButtonElement;
  message: HTMLElement;
}

export interface StaffAccessTexts {
  issued: MessageKey;
  revoked: MessageKey;
  rotateConfirm: MessageKey;
  revokeConfirm: MessageKey;
}

export function bindStaffAccess(access: StaffAccess, card: StaffAccessCard, dialogs: { rotate: Confirm; revoke: Confirm },
  texts: StaffAccessTexts, rerender: () => void): void {
  const issue = async (): Promise<void> => {
    card.issue.disabled = true;
    const result = await access.issueCode();
    card.issue.disabled = false;
    say(card.message, result.ok ? t(texts.issued, { code: result.body.accessCode }) : problemText(result.problem), result.ok ? 'ok' : 'error');
    rerender();
  };
  card.issue.addEventListener('click', () => {
    if (access.hasCode) dialogs.rotate.ask(texts.rotateConfirm, {}, () => void issue());
    else void issue();
  });

  card.revoke.addEventListener('click', () => dialogs.revoke.ask(texts.revokeConfirm, {}, () => void (async () => {
    card.revoke.disabled = true;
    const result = await access.revoke();
    say(card.message, result.ok ? t(texts.revoked) : problemText(result.problem), result.ok ? 'ok' : 'error');
    rerender();
  })()));
}
