// The ledger's search bar: donor name, desk, channel, amount range (as an operator types amounts),
// and a time range in the event's zone; 搜索 reads and checks it first (a bad box is named here and
// nothing is sent), 清除 goes back to the whole ledger.

import type { DeskListing } from '../../../lib/api';
import { button, el, field, input, say, setText } from '../../../lib/dom';
import { t, type MessageKey } from '../../../lib/i18n';
import { EMPTY_FORM, readFilter, type FilterForm, type LedgerFilter } from '../ledgerFilter';

export function ledgerFilterView() {
  const boxes = {
    name: input('ledger-search-name', undefined, { maxlength: '100' }),
    min: input('ledger-search-min', undefined, { inputmode: 'decimal', placeholder: '100万' }),
    max: input('ledger-search-max', undefined, { inputmode: 'decimal', placeholder: '1亿' }),
    from: input('ledger-search-from', undefined, { type: 'datetime-local', step: '1' }),
    to: input('ledger-search-to', undefined, { type: 'datetime-local', step: '1' }),
  };
  const desk = el('select', { testid: 'ledger-search-desk' });
  const channel = el('select', { testid: 'ledger-search-channel' });
  const message = el('p', { class: 'message', testid: 'ledger-search-message', attrs: { role: 'alert' } });
  const search = button('ledgerSearch.search', 'primary small', 'ledger-search', 'submit');
  const clear = button('ledgerSearch.clear', 'secondary small', 'ledger-search-clear');
  const element = el('form', { class: 'ledger-search', testid: 'ledger-search-form' },
    field('ledgerSearch.name', boxes.name), field('ledgerSearch.desk', desk), field('ledgerSearch.channel', channel),
    field('ledgerSearch.min', boxes.min), field('ledgerSearch.max', boxes.max),
    field('ledgerSearch.from', boxes.from), field('ledgerSearch.to', boxes.to),
    el('div', { class: 'ledger-search-actions' }, search, clear), message);
  let desks: readonly DeskListing[] = [];

  const form = (): FilterForm => ({
    name: boxes.name.value, desk: desk.value, channel: channel.value as FilterForm['channel'],
    min: boxes.min.value, max: boxes.max.value, from: boxes.from.value, to: boxes.to.value,
  });

  /** The choices in the current language, keeping what is chosen. */
  function fillChoices(): void {
    const [chosenDesk, chosenChannel] = [desk.value, channel.value];
    desk.replaceChildren(el('option', { text: t('ledgerSearch.anyDesk'), attrs: { value: '' } }),
      ...desks.map((listing) => el('option', { text: `${listing.name} (${listing.deskId})`, attrs: { value: listing.deskId } })));
    channel.replaceChildren(...([['', 'ledgerSearch.anyChannel'], ['stage', 'channel.stage'], ['online', 'channel.online']] as const)
      .map(([value, label]) => el('option', { text: t(label as MessageKey), attrs: { value } })));
    desk.value = desks.some((listing) => listing.deskId === chosenDesk) ? chosenDesk : '';
    channel.value = chosenChannel;
  }
  fillChoices();

  return {
    element,
    message,
    /** The stage desks of the event; online pledges are found by channel. */
    setDesks(listings: readonly DeskListing[]): void {
      desks = listings;
      fillChoices();
    },
    updateLanguage: fillChoices,
    bind(onSearch: (filter: LedgerFilter) => void): void {
      element.addEventListener('submit', (event) => {
        event.preventDefault();
        const reading = readFilter(form());
        if (!reading.ok) {
          say(message, t(reading.error), 'error');
          (reading.field === 'desk' ? desk : reading.field === 'channel' ? channel : boxes[reading.field]).focus();
          return;
        }
        setText(message, '');
        onSearch(reading.filter);
      });
      clear.addEventListener('click', () => {
        for (const box of Object.values(boxes)) box.value = EMPTY_FORM.name;
        desk.value = '';
        channel.value = '';
        setText(message, '');
        onSearch({});
      });
    },
  };
}
