// The feed of a scene: the rows the scheduler has on the wall, newest on top. A row already shown
// keeps its element (no re-animation); a new one slides in.

import { el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { formatFeedAmount } from '../../../lib/money';
import type { FeedEntry } from '../feedScheduler';
import { donorLabel } from '../wallText';

export class FeedView {
  readonly root = el('ol', { class: 'feed', testid: 'feed', attrs: { 'aria-live': 'polite' } });
  readonly #rows = new Map<string, HTMLLIElement>();
  #drawn = false;

  render(entries: readonly FeedEntry[]): void {
    const rows = entries.map((entry) => {
      const row = this.#rows.get(entry.id) ?? newRow(entry, this.#drawn);
      fill(row, entry);
      return row;
    });
    this.#rows.clear();
    rows.forEach((row, index) => this.#rows.set(entries[index]?.id ?? '', row));
    this.root.replaceChildren(...(rows.length > 0 ? rows : [el('li', { class: 'feed-empty', text: t('screen.feedEmpty') })]));
    this.#drawn = true;
  }
}

function newRow(entry: FeedEntry, animate: boolean): HTMLLIElement {
  const more = entry.kind === 'more';
  const row = el(
    'li',
    { class: `feed-item${more ? ' feed-more' : ''}${animate ? ' is-new' : ''}`, testid: more ? 'feed-more' : 'feed-item' },
    el('span', { class: 'feed-badge' }),
    el('span', { class: 'feed-name', testid: more ? 'feed-more-name' : 'feed-name' }),
    el('span', { class: 'feed-amount', testid: more ? 'feed-more-amount' : 'feed-amount' }),
  );
  row.dataset.pledgeId = entry.id;
  // Once in, a row keeps still when the list is rebuilt around it.
  row.addEventListener('animationend', () => row.classList.remove('is-new'), { once: true });
  return row;
}

function fill(row: HTMLLIElement, entry: FeedEntry): void {
  const [badge, name, amount] = row.children;
  if (!badge || !name || !amount) return;
  if (entry.kind === 'more') {
    row.dataset.channel = 'more';
    setText(badge, '…');
    setText(name, t('screen.moreGifts', { count: entry.count.toLocaleString('en-US') }));
    setText(amount, entry.amountFen > 0 ? formatFeedAmount(entry.amountFen) : '');
    return;
  }
  row.dataset.channel = entry.item.channel;
  setText(badge, t(entry.item.channel === 'online' ? 'channel.online' : 'channel.stage'));
  setText(name, donorLabel(entry.item));
  setText(amount, formatFeedAmount(entry.item.amountFen));
}
