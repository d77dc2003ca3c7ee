// The console's state, one store per concern; none touches the DOM.

import { AuditStore } from './auditStore';
import { DesksStore } from './desksStore';
import { EventsStore } from './eventsStore';
import { LedgerStore } from './ledgerStore';
import { ModerationStore } from './moderationStore';
import { OrdersStore } from './ordersStore';
import { AdminSession, type KeyStore } from './session';
import { StaffAccess } from './staffAccess';

export interface AdminStores {
  session: AdminSession;
  events: EventsStore;
  desks: DesksStore;
  ledger: LedgerStore;
  audit: AuditStore;
  orders: OrdersStore;
  moderation: ModerationStore;
  /** The screen controller's access code. */
  control: StaffAccess;
}

export function adminStores(storage: KeyStore, fetcher?: typeof fetch): AdminStores {
  const session = new AdminSession(storage, fetcher);
  return {
    session,
    events: new EventsStore(session.call),
    desks: new DesksStore(session.call),
    ledger: new LedgerStore(session.call),
    audit: new AuditStore(session.call),
    orders: new OrdersStore(session.call),
    moderation: new ModerationStore(session.call),
    control: new StaffAccess(session.call, 'controller'),
  };
}
