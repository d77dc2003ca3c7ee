// The big screen's settings: the round now on stage, whether donor names show, and the seconds each
// new name stays on the wall's feed.

import type { EventView } from '../../../lib/api';
import { button, el, field, input, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { DEFAULT_NAME_SECONDS, NAME_SECONDS, type ScreenForm } from '../screenSettings';

export function screenView() {
  const roundTitle = input('round-title', 'admin.roundTitlePlaceholder', { maxlength: '100' });
  const showNames = el('input', { testid: 'show-names', attrs: { type: 'checkbox' } });
  const nameSeconds = input('name-seconds', undefined, {
    type: 'number', inputmode: 'numeric', min: String(NAME_SECONDS.min), max: String(NAME_SECONDS.max), step: '1',
  });
  const secondsHint = el('span', { class: 'hint' });
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const form = el('form', { class: 'card form-card', attrs: { novalidate: '' } },
    el('h2', { i18n: 'admin.screenSettings' }),
    field('admin.roundTitle', roundTitle),
    el('label', { class: 'check' }, showNames, el('span', { i18n: 'admin.showDonorNames' })),
    el('div', { class: 'seconds-field' }, field('admin.nameSeconds', nameSeconds, secondsHint)),
    message,
    el('div', { class: 'actions' }, button('common.save', 'primary', 'save-screen', 'submit')));
  return {
    form,
    message,
    read: (): ScreenForm => ({ roundTitle: roundTitle.value, showDonorNames: showNames.checked, nameSeconds: nameSeconds.value }),
    focusSeconds: () => nameSeconds.focus(),
    /** The hint is drawn from numbers, so it is set again after a change of language. */
    updateHint: () => setText(secondsHint, t('admin.nameSecondsHint', NAME_SECONDS)),
    fill(event: EventView): void {
      roundTitle.value = event.screen.roundTitle;
      showNames.checked = event.screen.showDonorNames;
      // State written before the setting existed reads 0: the wall then shows the default, so does the form.
      nameSeconds.value = String(event.screen.nameSeconds >= NAME_SECONDS.min ? event.screen.nameSeconds : DEFAULT_NAME_SECONDS);
      setText(secondsHint, t('admin.nameSecondsHint', NAME_SECONDS));
    },
  };
}
