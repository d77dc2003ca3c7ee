// This desk's pledges as the server holds them, newest first, with the desk's own count and
// subtotal (voids not counted); each confirmed pledge can be voided.

import type { DeskPledge, PledgeView } from '../../lib/api';
import { el, setText, showIf } from '../../lib/dom';
import { getLanguage, t } from '../../lib/i18n';
import { formatFullDigits } from '../../lib/money';
import { shownAmount } from './amountText';
import { DESK_LIST_LIMIT, DESK_LIST_SHOWN, deskFigures } from './deskFigures';
import { clock, donorParts } from './donorLine';

export class DeskView {
  readonly #note = el('div', { class: 'list-note' });
  readonly #summary = el('div', { class: 'desk-summary', testid: 'desk-summary' });
  readonly #list = el('ol', { class: 'desk-list' });
  readonly element = el('section', { class: 'panel desk-panel' }, el('h2', {}, el('span', { i18n: 'operator.queueHeading' })), this.#summary, this.#note, this.#list);
  readonly #openVoid: (pledge: PledgeView) => void;
  #drawn: { rows: readonly DeskPledge[]; language: string } | undefined;

  constructor(openVoid: (pledge: PledgeView) => void) {
    this.#openVoid = openVoid;
  }

  render(rows: readonly DeskPledge[], error: string | undefined): void {
    setText(this.#note, error ?? '');
    showIf(this.#note, error !== undefined);
    const language = getLanguage();
    if (this.#drawn && this.#drawn.rows === rows && this.#drawn.language === language) return;
    this.#drawn = { rows, language };
    const figures = deskFigures(rows);
    this.#summary.dataset.count = String(figures.count);
    this.#summary.dataset.subtotalFen = String(figures.subtotalFen);
    setText(this.#summary, t('operator.deskSummary', { count: figures.count, amount: formatFullDigits(figures.subtotalFen) })
      + (figures.complete ? '' : t('operator.deskSummaryPartial', { limit: DESK_LIST_LIMIT })));
    const shown = rows.slice(0, DESK_LIST_SHOWN);
    this.#list.replaceChildren(...(shown.length === 0 ? [el('li', { class: 'empty', i18n: 'operator.deskListEmpty' })] : shown.map((row) => this.#item(row))));
  }

  #item(row: DeskPledge): HTMLLIElement {
    const pledge = row.pledge;
    const voided = pledge.status === 'voided';
    const item = el('li', { class: `desk-pledge${voided ? ' voided' : ''}`, testid: 'desk-pledge', attrs: { 'data-pledge-id': pledge.pledgeId, 'data-status': pledge.status } },
      el('span', { class: 'seq', text: `#${pledge.sequence}` }),
      el('span', { class: 'time', text: clock(pledge.recordedAt) }),
      el('span', { class: 'entry-amount' }, el('strong', { class: 'strike', text: shownAmount(pledge.amountFen) }),
        el('span', { class: 'muted strike', text: formatFullDigits(pledge.amountFen) })),
      el('span', { class: 'entry-donor strike' }, ...donorParts(pledge)));
    if (voided) {
      item.append(el('span', { class: 'void-note', text: t('operator.voidedWithReason', { reason: row.voidReason ?? '' }) }));
    } else {
      const voidButton = el('button', { class: 'danger small', testid: 'void', i18n: 'operator.void', attrs: { type: 'button' } });
      voidButton.addEventListener('click', () => this.#openVoid(pledge));
      item.append(voidButton);
    }
    return item;
  }
}
