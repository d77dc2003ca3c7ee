// The send queue: what this device holds, newest first, each with its state; a refused entry can
// be typed again.

import { el, setText } from '../../lib/dom';
import { getLanguage, t, type MessageKey } from '../../lib/i18n';
import { formatFullDigits } from '../../lib/money';
import { shownAmount } from './amountText';
import { clock, donorName } from './donorLine';
import { visibleEntries, waitingCount, type Entry } from './queueSummary';
import { refusalText } from './sender';

export class QueueView {
  readonly #count = el('span', { class: 'count' });
  readonly #list = el('ol', { class: 'queue-list' });
  readonly element = el('section', { class: 'panel queue-panel' }, el('h2', {}, el('span', { i18n: 'operator.sendQueue' }), this.#count), this.#list);
  readonly #reEnter: (entry: Entry) => void;
  #drawn: { entries: readonly Entry[]; dismissed: ReadonlySet<string>; language: string } | undefined;

  constructor(reEnter: (entry: Entry) => void) {
    this.#reEnter = reEnter;
  }

  render(entries: readonly Entry[], dismissed: ReadonlySet<string>): void {
    const language = getLanguage();
    if (this.#drawn && this.#drawn.entries === entries && this.#drawn.dismissed === dismissed && this.#drawn.language === language) return;
    this.#drawn = { entries, dismissed, language };
    const pending = waitingCount(entries);
    setText(this.#count, pending > 0 ? t('operator.pending', { count: pending }) : '');
    const shown = visibleEntries(entries, dismissed);
    this.#list.replaceChildren(...(shown.length === 0 ? [el('li', { class: 'empty', i18n: 'operator.queueEmpty' })] : shown.map((entry) => this.#item(entry))));
  }

  #item(entry: Entry): HTMLLIElement {
    const stateKey: MessageKey = entry.state === 'sending' ? 'operator.state.inFlight' : `operator.state.${entry.state}`;
    const body = entry.body;
    const item = el('li', { class: `queue-entry state-${entry.state}`, testid: 'queue-entry', attrs: { 'data-state': entry.state, 'data-pledge-id': entry.id } },
      el('span', { class: 'state-badge', text: t(stateKey) }),
      el('span', { class: 'entry-amount' }, el('strong', { text: shownAmount(body.amountFen) }), el('span', { class: 'muted', text: formatFullDigits(body.amountFen) })),
      el('span', { class: 'entry-donor' }, el('span', { class: 'donor-name', testid: 'queue-name', text: donorName(body.donorName) }),
        el('span', { class: 'tag', text: t(`donorKind.${body.donorKind}`) }),
        body.anonymous && el('span', { class: 'tag tag-anon', text: t('operator.anonymous') }),
        entry.rehearsal && el('span', { class: 'tag tag-rehearsal', testid: 'queue-rehearsal', text: t('operator.rehearsalTag') })));
    const details: string[] = [];
    if (entry.state === 'confirmed' && entry.confirmedAt) details.push(clock(entry.confirmedAt));
    if (entry.state !== 'confirmed' && entry.attempts > 0) details.push(t('operator.attempts', { count: entry.attempts }));
    if (entry.state !== 'confirmed' && entry.lastError) details.push(refusalText(entry.lastError));
    if (details.length > 0) item.append(el('span', { class: 'entry-detail', text: details.join(' · ') }));
    if (entry.state === 'rejected') {
      const again = el('button', { class: 'secondary small', i18n: 'operator.reEnter', attrs: { type: 'button' } });
      again.addEventListener('click', () => this.#reEnter(entry));
      item.append(again);
    }
    return item;
  }
}
