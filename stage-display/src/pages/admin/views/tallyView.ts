// The table by desk and channel: each stage desk (named as on the desks card), the stage subtotal,
// online giving as one row, and the total, which must match the audit's ledger sum.

import { el } from '../../../lib/dom';
import { t, type MessageKey } from '../../../lib/i18n';
import { exactAmount } from '../amounts';
import type { TallyLine, TallySummary } from '../deskTally';

const COLUMNS: MessageKey[] = ['admin.tally.source', 'admin.tally.count', 'admin.tally.amount'];

function line(label: HTMLElement, tally: TallyLine, attrs: Record<string, string>, className = ''): HTMLTableRowElement {
  return el('tr', { class: className, testid: 'tally-row', attrs },
    el('td', {}, label),
    el('td', { class: 'num', testid: 'tally-count', text: String(tally.count) }),
    el('td', { class: 'num amount', testid: 'tally-amount', text: exactAmount(tally.amountFen) }));
}

export function tallyView() {
  const rows = el('tbody');
  const element = el('section', { class: 'card tally-card', testid: 'tally' },
    el('h2', { i18n: 'admin.tally' }),
    el('table', { class: 'table tally-table' }, el('thead', {}, el('tr', {}, ...COLUMNS.map((key) => el('th', { i18n: key })))), rows),
    el('p', { class: 'hint', i18n: 'admin.tallyHint' }));

  function render(summary: TallySummary, deskName: (deskId: string) => string | undefined): void {
    const desks = summary.desks.map((desk) => line(
      el('span', {}, el('span', { class: 'mono', text: desk.deskId }), ' ', el('span', { text: deskName(desk.deskId) ?? '' })),
      desk, { 'data-desk-id': desk.deskId, 'data-channel': 'stage' }));
    rows.replaceChildren(
      ...(desks.length > 0 ? desks : [el('tr', {}, el('td', { class: 'empty', i18n: 'admin.tally.noStage', attrs: { colspan: '3' } }))]),
      line(el('span', { text: t('admin.tally.stage') }), summary.stage, { 'data-channel': 'stage', 'data-subtotal': 'true' }, 'subtotal'),
      line(el('span', { text: t('admin.tally.online') }), summary.online, { 'data-channel': 'online' }, 'subtotal'),
      line(el('span', { text: t('admin.tally.total') }), summary.total, { 'data-total': 'true' }, 'total'));
  }

  return { element, render };
}
