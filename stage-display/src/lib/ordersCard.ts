// The admin's card of online orders, apart from the ledger: how many wait for payment (and how much),
// how many lapsed unpaid, how many were paid, and the waiting ones newest first. None of the waiting or
// lapsed money is in any total: only the payment provider's notice puts a donation in the ledger.

import type { ApiResult } from './api';
import { el } from './dom';
import { t } from './i18n';
import { formatFullDigits } from './money';
import type { Schemas } from './types';

/** `GET /api/events/{id}/donation-orders` (admin). */
export type DonationOrdersView = Schemas['DonationOrdersView'];

export const ordersPath = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}/donation-orders?limit=50`;

const COLUMNS = ['admin.ordersCreated', 'admin.ordersNo', 'admin.ordersAmount', 'admin.ordersDonor', 'admin.ordersExpires'] as const;

function time(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleTimeString('zh-CN', { hour12: false });
}

export function createOrdersCard(load: (path: string) => Promise<ApiResult<DonationOrdersView>>) {
  const summary = el('p', { class: 'audit-line', testid: 'orders-summary' });
  const rows = el('tbody');
  const element = el('section', { class: 'card orders-card', testid: 'orders' },
    el('h2', { i18n: 'admin.orders' }),
    summary,
    el('p', { class: 'hint', i18n: 'admin.ordersHint' }),
    el('div', { class: 'table-scroll' },
      el('table', { class: 'table' }, el('thead', {}, el('tr', {}, ...COLUMNS.map((key) => el('th', { i18n: key })))), rows)));
  let last: DonationOrdersView | undefined;

  function render(): void {
    if (!last) {
      summary.textContent = '';
      rows.replaceChildren();
      return;
    }
    summary.textContent = t('admin.ordersSummary', {
      awaiting: last.awaiting, amount: formatFullDigits(last.awaitingFen), expired: last.expired, paid: last.paid,
    });
    rows.replaceChildren(...(last.orders.length === 0
      ? [el('tr', {}, el('td', { i18n: 'admin.ordersEmpty', attrs: { colspan: String(COLUMNS.length) } }))]
      : last.orders.map((order) => el('tr', { testid: 'order-row' },
        el('td', { text: time(order.createdAt) }),
        el('td', { class: 'mono', text: order.orderNo }),
        el('td', { class: 'num', text: formatFullDigits(order.amountFen) }),
        el('td', { text: order.anonymous || !order.donorName ? t('common.anonymousDonor') : order.donorName }),
        el('td', { text: time(order.expiresAt) })))));
  }

  return {
    element,
    async refresh(eventId: string): Promise<void> {
      const result = await load(ordersPath(eventId));
      if (result.ok) {
        last = result.body;
        render();
      }
    },
    clear(): void {
      last = undefined;
      render();
    },
    render,
  };
}
