// Wires the stores to the views (TodoMVC's `new Controller(model, view)`): sign-in and sign-out, the
// address (`#/event/{id}`, `#/new`), the polls while an event is shown, and the language switch.

import { el, say } from '../../lib/dom';
import { onLanguageChange, t, type MessageKey } from '../../lib/i18n';
import { bindCardActions } from './cardActions';
import { bindModerationActions } from './moderationActions';
import { problemText } from './problems';
import { AdminRenderer, routedEventId } from './render';
import type { AdminStores } from './stores';
import type { AdminPage } from './views/page';

const POLLS: readonly { everyMs: number; run: (controller: Controller) => Promise<void> }[] = [
  { everyMs: 3_000, run: (c) => c.refreshAudit() },
  { everyMs: 5_000, run: (c) => c.refreshOrders() },
  { everyMs: 5_000, run: (c) => c.refreshLedger() },
  { everyMs: 15_000, run: (c) => c.refreshEvents() },
];

export class Controller {
  private readonly render: AdminRenderer;
  private polls: ReturnType<typeof setInterval>[] = [];
  /** A success to show once the next event view is on screen. */
  private flash: MessageKey | undefined;

  constructor(private readonly stores: AdminStores, private readonly page: AdminPage) {
    this.render = new AdminRenderer(stores, page);
    const { signIn, top, eventList } = page;
    signIn.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.signIn(signIn.key.value.trim());
    });
    top.signOut.addEventListener('click', () => this.signOut());
    stores.session.onRefused = () => this.signOut(t('admin.unauthorized'));
    eventList.create.addEventListener('click', () => {
      location.hash = '#/new';
    });
    window.addEventListener('hashchange', () => void this.route());
    bindCardActions(stores, page, this.render, {
      created: (eventId) => {
        this.flash = 'admin.created';
        location.hash = `#/event/${encodeURIComponent(eventId)}`;
      },
      refreshAudit: () => this.refreshAudit(),
    });
    bindModerationActions(stores, page, this.render);
    onLanguageChange(() => {
      this.title();
      this.render.all();
    });
  }

  /** Signed in earlier in this tab: the key is checked again before anything shows. */
  start(): void {
    this.title();
    const stored = this.stores.session.storedKey();
    if (!stored) {
      this.page.signIn.key.focus();
      return;
    }
    this.page.signIn.element.hidden = true;
    void this.signIn(stored).then(() => {
      if (!this.stores.session.signedIn) this.page.signIn.element.hidden = false;
    });
  }

  async refreshEvents(): Promise<void> {
    await this.stores.events.refresh();
    this.render.eventList();
  }

  async refreshAudit(): Promise<void> {
    await this.stores.audit.refresh();
    this.render.audit();
  }

  async refreshOrders(): Promise<void> {
    await this.stores.orders.refresh();
    this.render.orders();
  }

  async refreshLedger(): Promise<void> {
    const [page, walk] = await Promise.all([this.stores.ledger.refresh(), this.stores.ledger.refreshTally()]);
    const refused = [page, walk].find((result) => result !== undefined && !result.ok);
    say(this.page.ledger.message, refused && !refused.ok ? problemText(refused.problem) : '', 'error');
    this.render.ledger();
  }

  private async refreshDesks(): Promise<void> {
    const result = await this.stores.desks.refresh();
    if (!result.ok) say(this.page.desks.message, problemText(result.problem), 'error');
    this.render.desks();
  }

  private async refreshModeration(): Promise<void> {
    const [result, control] = await Promise.all([this.stores.moderation.refresh(), this.stores.control.refresh()]);
    if (!result.ok) say(this.page.moderation.message, problemText(result.problem), 'error');
    if (!control.ok) say(this.page.control.message, problemText(control.problem), 'error');
    this.render.moderation();
    this.render.control();
  }

  private title(): void {
    document.title = `${t('admin.title')} · ${t('app.name')}`;
  }

  private async signIn(key: string): Promise<void> {
    const { signIn, workspace, top } = this.page;
    signIn.submit.disabled = true;
    say(signIn.error, '');
    const outcome = await this.stores.session.signIn(key);
    signIn.submit.disabled = false;
    if (!outcome.ok) {
      say(signIn.error, outcome.reason === 'wrongKey' ? t('admin.unauthorized') : outcome.problem.title, 'error');
      signIn.key.select();
      return;
    }
    signIn.key.value = '';
    signIn.element.hidden = true;
    workspace.hidden = false;
    top.signOut.hidden = false;
    this.stores.events.events = outcome.events;
    this.render.eventList();
    await this.route();
    await this.refreshEvents();
  }

  private signOut(message?: string): void {
    const { signIn, workspace, top } = this.page;
    this.stores.session.signOut();
    this.stopPolling();
    workspace.hidden = true;
    top.signOut.hidden = true;
    signIn.element.hidden = false;
    say(signIn.error, message ?? '', 'error');
    signIn.key.focus();
  }

  private async route(): Promise<void> {
    if (!this.stores.session.signedIn) return;
    this.stopPolling();
    const eventId = routedEventId();
    this.render.eventList();
    if (!eventId) {
      this.stores.events.deselect();
      const create = this.page.create.form;
      this.page.content.replaceChildren(this.stores.events.events.length === 0 || location.hash === '#/new'
        ? create
        : el('div', { class: 'placeholder' }, el('p', { i18n: 'admin.selectEvent' }), create));
      return;
    }
    await this.showEvent(eventId);
  }

  private async showEvent(eventId: string): Promise<void> {
    const { events, desks, ledger, audit, orders, moderation, control } = this.stores;
    const changed = events.selected?.id !== eventId;
    const result = await events.select(eventId);
    if (!result.ok) {
      this.page.content.replaceChildren(el('div', { class: 'placeholder' },
        el('p', { class: 'message', text: result.problem.title, attrs: { 'data-tone': 'error' } })));
      return;
    }
    if (changed) {
      for (const store of [desks, ledger, audit, orders, moderation, control]) store.forEvent(eventId);
      const { header, edit, screen, desks: desksCard, ledger: ledgerCard, moderation: moderationCard, control: controlCard } = this.page;
      for (const line of [header.message, edit.message, screen.message, desksCard.message, ledgerCard.message, moderationCard.message, controlCard.message]) say(line, '');
    }
    if (this.flash) say(this.page.header.message, t(this.flash));
    this.flash = undefined;
    this.render.forms();
    this.render.all();
    this.page.content.replaceChildren(this.page.eventView);
    await Promise.all([this.refreshDesks(), this.refreshAudit(), this.refreshLedger(), this.refreshOrders(), this.refreshModeration()]);
    // The admin may have moved on while these were read: the polls belong to the event now shown.
    if (routedEventId() !== eventId) return;
    this.stopPolling();
    this.polls = POLLS.map((poll) => setInterval(() => void poll.run(this), poll.everyMs));
  }

  private stopPolling(): void {
    for (const timer of this.polls) clearInterval(timer);
    this.polls = [];
  }
}
