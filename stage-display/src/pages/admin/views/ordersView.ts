// The card of online orders: the counts, then the orders still waiting for payment, newest first.

import { el } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { exactAmount } from '../amounts';
import { clockTime } from '../../../lib/clock';
import type { DonationOrdersView } from '../ordersStore';

const COLUMNS = ['admin.ordersCreated', 'admin.ordersNo', 'admin.ordersAmount', 'admin.ordersDonor', 'admin.ordersExpires'] as const;

export function ordersView() {
  const summary = el('p', { class: 'audit-line', testid: 'orders-summary' });
  const rows = el('tbody');
  const element = el('section', { class: 'card orders-card', testid: 'orders' },
    el('h2', { i18n: 'admin.orders' }),
    summary,
    el('p', { class: 'hint', i18n: 'admin.ordersHint' }),
    el('div', { class: 'table-scroll' },
      el('table', { class: 'table' }, el('thead', {}, el('tr', {}, ...COLUMNS.map((key) => el('th', { i18n: key })))), rows)));

  function render(view: DonationOrdersView | undefined): void {
    if (!view) {
      summary.textContent = '';
      rows.replaceChildren();
      return;
    }
    summary.textContent = t('admin.ordersSummary', { awaiting: view.awaiting, amount: exactAmount(view.awaitingFen), expired: view.expired, paid: view.paid });
    rows.replaceChildren(...(view.orders.length === 0
      ? [el('tr', {}, el('td', { i18n: 'admin.ordersEmpty', attrs: { colspan: String(COLUMNS.length) } }))]
      : view.orders.map((order) => el('tr', { testid: 'order-row' },
        el('td', { text: clockTime(order.createdAt) }),
        el('td', { class: 'mono', text: order.orderNo }),
        el('td', { class: 'num', text: exactAmount(order.amountFen) }),
        el('td', { text: order.anonymous || !order.donorName ? t('admin.anonymousDonor') : order.donorName }),
        el('td', { text: clockTime(order.expiresAt) })))));
  }

  return { element, render };
}
