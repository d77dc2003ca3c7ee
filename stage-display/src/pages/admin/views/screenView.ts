// The big screen's settings: the round now on stage and whether donor names show.

import type { EventView } from '../../../lib/api';
import { button, el, field, input } from '../../../lib/dom';

export function screenView() {
  const roundTitle = input('round-title', 'admin.roundTitlePlaceholder', { maxlength: '100' });
  const showNames = el('input', { testid: 'show-names', attrs: { type: 'checkbox' } });
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const form = el('form', { class: 'card form-card', attrs: { novalidate: '' } },
    el('h2', { i18n: 'admin.screenSettings' }),
    field('admin.roundTitle', roundTitle),
    el('label', { class: 'check' }, showNames, el('span', { i18n: 'admin.showDonorNames' })),
    message,
    el('div', { class: 'actions' }, button('common.save', 'primary', 'save-screen', 'submit')));
  return {
    form,
    message,
    read: () => ({ roundTitle: roundTitle.value.trim(), showDonorNames: showNames.checked }),
    fill(event: EventView): void {
      roundTitle.value = event.screen.roundTitle;
      showNames.checked = event.screen.showDonorNames;
    },
  };
}
