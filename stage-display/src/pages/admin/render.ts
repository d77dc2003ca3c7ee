// Puts each store's state on its view. The controller calls these after each answer and after a
// change of language; the views themselves hold no state of the night.

import { setEventTimeZone } from '../../lib/clock';
import type { AdminStores } from './stores';
import type { AdminPage } from './views/page';

/** The event id in the address (`#/event/{id}`), if any. */
export function routedEventId(hash: string = location.hash): string | undefined {
  const match = /^#\/event\/(.+)$/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

export class AdminRenderer {
  constructor(private readonly stores: AdminStores, private readonly page: AdminPage) {}

  eventList(): void {
    this.page.eventList.render(this.stores.events.events, routedEventId());
  }

  event(): void {
    const selected = this.stores.events.selected;
    setEventTimeZone(selected?.timeZone);
    if (selected) this.page.header.render(selected);
  }

  forms(): void {
    const selected = this.stores.events.selected;
    if (!selected) return;
    this.page.edit.fill(selected);
    this.page.screen.fill(selected);
  }

  desks(): void {
    const desks = this.stores.desks;
    this.page.desks.render(desks.desks, (deskId) => desks.codeOf(deskId));
    this.page.ledgerSearch.setDesks(desks.desks);
    this.tally();
  }

  audit(): void {
    this.page.audit.render(this.stores.audit.report);
  }

  ledger(): void {
    const ledger = this.stores.ledger;
    this.page.ledger.render({
      entries: ledger.entries,
      filtering: ledger.filtering,
      match: ledger.match,
      atFirst: ledger.after === 0,
      canGoBack: ledger.history.length > 0,
      hasNext: ledger.nextAfter !== null,
      isVoided: (pledgeId) => ledger.isVoided(pledgeId),
    });
    this.tally();
  }

  moderation(): void {
    const { moderation } = this.stores;
    const eventId = moderation.selectedEventId;
    if (!eventId) return;
    this.page.moderation.render({
      eventId, hasCode: moderation.hasCode, shownCode: moderation.shownCode, moderateStageNames: moderation.moderateStageNames,
    });
  }

  control(): void {
    const { control } = this.stores;
    const eventId = control.selectedEventId;
    if (eventId) this.page.control.render({ eventId, hasCode: control.hasCode, shownCode: control.shownCode });
  }

  orders(): void {
    this.page.orders.render(this.stores.orders.view);
  }

  /** Everything drawn from data, in the current language. */
  all(): void {
    this.eventList();
    this.event();
    this.desks();
    this.audit();
    this.ledger();
    this.orders();
    this.moderation();
    this.control();
    this.page.screen.updateHint();
    this.page.create.updatePreviews();
    this.page.edit.updatePreviews();
    this.page.ledgerSearch.updateLanguage();
  }

  private tally(): void {
    this.page.tally.render(this.stores.ledger.tally.summary(), (deskId) => this.stores.desks.nameOf(deskId));
  }
}
