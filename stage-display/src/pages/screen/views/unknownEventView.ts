// The wall's address names no event: say so on the wall, and start over once the admin creates it.

import { el, languageSwitch, setText, translated, whenLanguageChanges } from '../../../lib/dom';
import { t } from '../../../lib/i18n';

export function showUnknownEvent(eventId: string, kiosk: boolean, exists: () => Promise<boolean>): void {
  const message = el('h1', { class: 'unknown-title' });
  const hint = translated(el('p', { class: 'unknown-hint' }), 'screen.unknownEventHint');
  whenLanguageChanges(() => {
    setText(message, t('screen.unknownEvent', { eventId }));
    document.title = t('screen.unknownEvent', { eventId });
  });
  document.body.classList.add('is-unknown');
  document.body.replaceChildren(el('div', { class: 'stage unknown' }, el('header', { class: 'top' }, kiosk ? null : languageSwitch()), message, hint));
  // The admin may still be creating it: look again now and then.
  setInterval(() => {
    exists().then((found) => found && location.reload(), () => undefined);
  }, 15_000);
}
