// The phone's feed of the latest gifts: channel, the donor's line (name as typed, or a stand-in in
// the page's language), amount, time, and an approved 留言 under the donor's line. DOM only.

import { el } from '../../lib/dom';
import { t, type MessageKey } from '../../lib/i18n';
import { formatScreenAmount } from '../../lib/money';
import type { DonorKind } from '../../lib/types';
import { hoursMinutes } from './clock';
import type { FeedName, FeedRow } from './liveStore';

const STAND_IN: Readonly<Record<DonorKind, MessageKey>> = {
  individual: 'viewer.standIn.individual',
  enterprise: 'viewer.standIn.enterprise',
  organization: 'viewer.standIn.organization',
};

/** A stand-in of an unknown kind (a newer server) still reads as an anonymous donor. */
export function nameText(name: FeedName): string {
  return 'typed' in name ? name.typed : t(STAND_IN[name.standIn] ?? 'viewer.standIn.individual');
}

export class FeedView {
  readonly #list = el('ol', { class: 'feed', testid: 'feed' });
  readonly element = el('section', { class: 'card feed-card' }, el('h2', { class: 'card-title', i18n: 'viewer.latest' }), this.#list);

  render(rows: readonly FeedRow[]): void {
    const items = rows.map((row) => {
      const item = el('li', { class: 'feed-item', testid: 'feed-item' },
        el('span', { class: 'feed-badge', text: t(row.channel === 'online' ? 'channel.online' : 'channel.stage') }),
        el('span', { class: 'feed-name', testid: 'feed-name', text: nameText(row.name) }),
        el('span', { class: 'feed-amount', testid: 'feed-amount', text: formatScreenAmount(row.amountFen) }),
        el('time', { class: 'feed-time', text: hoursMinutes(row.recordedAt), attrs: { datetime: row.recordedAt } }),
        row.message !== null && el('p', { class: 'feed-message', testid: 'feed-message', text: row.message }));
      item.dataset.channel = row.channel;
      item.dataset.nameHidden = String(!('typed' in row.name));
      return item;
    });
    this.#list.replaceChildren(...(items.length > 0 ? items : [el('li', { class: 'feed-empty', text: t('viewer.feedEmpty') })]));
  }
}
