// The ledger card: a page of entries with its pager and the CSV export. A pledge not yet voided has a
// 作废 button; a voided one is struck through wherever its void is in the ledger.

import type { LedgerEntryView, LedgerMatch } from '../../../lib/api';
import { button, el } from '../../../lib/dom';
import { t, type MessageKey } from '../../../lib/i18n';
import { exactAmount } from '../amounts';
import { clockDateTime, clockTime } from '../../../lib/clock';

const COLUMNS: MessageKey[] = ['admin.col.entry', 'admin.col.time', 'admin.col.kind', 'admin.col.channel', 'admin.col.desk',
  'admin.col.amount', 'admin.col.donor', 'admin.col.note', 'admin.col.actor', 'admin.col.action'];

export interface LedgerShown {
  entries: readonly LedgerEntryView[];
  /** Within the admin's search: the count says so, and 最新 (the whole ledger's last page) is off. */
  filtering: boolean;
  /** What the search matched in the whole ledger, once the server has said. */
  match: LedgerMatch | null;
  canGoBack: boolean;
  atFirst: boolean;
  hasNext: boolean;
  isVoided(pledgeId: string): boolean;
}

/** The line above the table: the page's count, and within a search what it matched in the whole ledger. */
function infoLine(shown: LedgerShown): string {
  const count = shown.entries.length;
  if (!shown.filtering) return t('admin.ledgerShowing', { count });
  if (!shown.match) return t('ledgerSearch.filtering', { count });
  const { pledgeCount, pledgeFen, voidCount, voidFen } = shown.match;
  const pledges = t('ledgerSearch.matchedPledges', { count: pledgeCount.toLocaleString('en-US'), money: exactAmount(pledgeFen) });
  const voids = voidCount > 0 ? t('ledgerSearch.matchedVoids', { count: voidCount.toLocaleString('en-US'), money: exactAmount(voidFen) }) : '';
  return t('ledgerSearch.matched', { pledges, voids, count });
}

export function donorLabel(entry: Pick<LedgerEntryView, 'donorName'>): string {
  return entry.donorName || t('admin.anonymousDonor');
}

/** `searchBar` sits under the card's head, above the table. */
export function ledgerView(searchBar: HTMLElement) {
  let askVoid: (entry: LedgerEntryView) => void = () => undefined;
  const rows = el('tbody', {});
  const info = el('span', { class: 'hint' });
  const first = button('admin.ledgerFirst', 'secondary small');
  const previous = button('admin.ledgerPrev', 'secondary small');
  const next = button('admin.ledgerNext', 'secondary small');
  const latest = button('admin.ledgerLatest', 'secondary small');
  const csv = button('admin.downloadCsv', 'primary small', 'download-csv');
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const element = el('section', { class: 'card ledger-card' },
    el('div', { class: 'card-head' }, el('h2', { i18n: 'admin.ledger' }),
      el('div', { class: 'pager' }, info, first, previous, next, latest, csv)),
    searchBar,
    message,
    el('div', { class: 'table-scroll' },
      el('table', { class: 'table ledger-table' },
        el('thead', {}, el('tr', {}, ...COLUMNS.map((key) => el('th', { i18n: key })))),
        rows)));

  function row(entry: LedgerEntryView, voided: boolean): HTMLTableRowElement {
    const isVoid = entry.kind === 'void';
    const kind = el('td', {}, el('span', { class: `kind kind-${entry.kind}`, text: t(`admin.kind.${entry.kind}`) }));
    if (!isVoid && voided) kind.append(el('span', { class: 'voided-mark', testid: 'voided-mark', text: t('admin.voidedMark') }));
    const donor = el('td', { class: 'donor' },
      el('span', { class: 'donor-name', text: donorLabel(entry) }),
      el('span', { class: 'tag', text: t(`donorKind.${entry.donorKind}`) }),
      entry.anonymous && el('span', { class: 'tag tag-anon', text: t('admin.anonymousTag') }),
      entry.representative && el('span', { class: 'hint', text: t('admin.representativeOf', { name: entry.representative }) }));
    let action: HTMLElement | undefined;
    if (entry.kind === 'pledge' && !voided) {
      action = button('admin.void', 'danger small', 'ledger-void');
      action.addEventListener('click', () => askVoid(entry));
    }
    return el('tr', { class: `${isVoid ? 'row-void' : ''}${voided && !isVoid ? ' row-voided' : ''}`, testid: 'ledger-row',
      attrs: { 'data-kind': entry.kind, 'data-pledge-id': entry.pledgeId, 'data-voided': String(voided && !isVoid) } },
    el('td', { class: 'mono', text: String(entry.entryNo) }),
    el('td', { class: 'mono', text: clockTime(entry.recordedAt), attrs: { title: clockDateTime(entry.recordedAt) } }),
    kind,
    el('td', { text: t(`channel.${entry.channel}`) }),
    el('td', { class: 'mono', text: `${entry.deskId} #${entry.sequence}` }),
    el('td', { class: 'amount', text: exactAmount(entry.amountFen) }),
    donor,
    el('td', { class: 'note', text: entry.note ?? '' }),
    el('td', { class: 'mono', text: entry.actor }),
    el('td', {}, action));
  }

  function render(shown: LedgerShown): void {
    info.textContent = infoLine(shown);
    latest.disabled = shown.filtering;
    first.disabled = shown.atFirst;
    previous.disabled = !shown.canGoBack;
    next.disabled = !shown.hasNext;
    rows.replaceChildren(...(shown.entries.length === 0
      ? [el('tr', {}, el('td', { class: 'empty', i18n: 'admin.ledgerEmpty', attrs: { colspan: String(COLUMNS.length) } }))]
      : shown.entries.map((entry) => row(entry, entry.kind === 'pledge' && shown.isVoided(entry.pledgeId)))));
  }

  return {
    element, message, first, previous, next, latest, csv, render,
    bindVoid(handler: (entry: LedgerEntryView) => void): void {
      askVoid = handler;
    },
  };
}
