// Online orders apart from the ledger: how many wait for payment (and how much), how many lapsed
// unpaid, how many were paid. None of the waiting or lapsed money is in any total: only the payment
// provider's notice puts a donation in the ledger.

import type { Schemas } from '../../lib/types';
import type { AdminCall } from './session';

/** `GET /api/events/{id}/donation-orders` (admin). */
export type DonationOrdersView = Schemas['DonationOrdersView'];

export const ordersPath = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}/donation-orders?limit=50`;

export class OrdersStore {
  view: DonationOrdersView | undefined;
  private eventId: string | undefined;

  constructor(private readonly call: AdminCall) {}

  forEvent(eventId: string): void {
    if (eventId === this.eventId) return;
    this.eventId = eventId;
    this.view = undefined;
  }

  async refresh(): Promise<void> {
    const eventId = this.eventId;
    if (!eventId) return;
    const result = await this.call<DonationOrdersView>(ordersPath(eventId));
    if (result.ok && eventId === this.eventId) this.view = result.body;
  }
}
