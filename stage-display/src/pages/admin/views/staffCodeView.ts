// The part of a staff role's card that hands out its access (the moderator's, the screen controller's):
// the code (shown only when this tab was just given it, else whether one was issued), the button that
// issues or rotates it, the one that signs everyone in the role out, and the link to the role's page.

import { button, el, setText } from '../../../lib/dom';
import { t, type MessageKey } from '../../../lib/i18n';

export interface StaffCodeLook {
  hasCode: boolean | undefined;
  shownCode: string | undefined;
  pageHref: string;
}

export interface StaffCodeWords {
  /** The testid prefix of the parts: `{role}-code`, `issue-{role}-code`, `revoke-{role}`, `{role}-page`. */
  role: 'moderator' | 'controller';
  codeLabel: MessageKey;
  issue: MessageKey;
  rotate: MessageKey;
  revoke: MessageKey;
  page: MessageKey;
}

export function staffCodeView(words: StaffCodeWords) {
  const codeLine = el('span', { class: 'hint', testid: `${words.role}-code-state` });
  const code = el('span', { class: 'access-code moderation-code', testid: `${words.role}-code` });
  const issue = button(words.issue, 'primary small', `issue-${words.role}-code`);
  const revoke = button(words.revoke, 'secondary small', `revoke-${words.role}`);
  const page = el('a', { class: 'link-button', testid: `${words.role}-page`, i18n: words.page, attrs: { target: '_blank', rel: 'noopener' } });
  return {
    issue,
    revoke,
    parts: [
      el('div', {}, el('span', { class: 'field-label', i18n: words.codeLabel }), ' ', code, codeLine),
      el('div', { class: 'moderation-actions' }, issue, revoke, page),
    ],
    render(look: StaffCodeLook): void {
      setText(code, look.shownCode ?? '');
      code.hidden = look.shownCode === undefined;
      setText(codeLine, look.shownCode !== undefined || look.hasCode === undefined ? ''
        : t(look.hasCode ? 'admin.moderatorHasCode' : 'admin.moderatorNoCode'));
      const issueLabel = look.hasCode ? words.rotate : words.issue;
      issue.dataset.i18n = issueLabel;
      setText(issue, t(issueLabel));
      revoke.disabled = look.hasCode !== true;
      page.href = look.pageHref;
    },
  };
}
