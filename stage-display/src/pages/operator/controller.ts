// Wires the console's store to its views (TodoMVC's `new Controller(store, view)`): what the
// operator does goes to the store, and every change of the store is drawn.

import { translateStatic } from '../../lib/dom';
import { onLanguageChange, t } from '../../lib/i18n';
import type { PledgeView } from '../../lib/api';
import { draftPledge } from './pledgeDraft';
import type { Entry } from './queueSummary';
import type { OperatorState, OperatorStore } from './store';
import type { OperatorViews } from './views';

export class Controller {
  readonly #store: OperatorStore;
  readonly #views: OperatorViews;
  #signedOutShown = false;

  constructor(store: OperatorStore, views: OperatorViews) {
    this.#store = store;
    this.#views = views;
    store.subscribe((state) => this.#render(state));
    onLanguageChange(() => {
      translateStatic();
      this.#render(store.state, true);
    });
    this.#wire();
  }

  start(): void {
    this.#store.start();
    const state = this.#store.state;
    this.#render(state);
    if (state.phase === 'signIn') this.#showSignIn(false, state.sessionExpired ? t('operator.signedOut') : undefined);
    setInterval(() => this.#store.tick(), 1_000);
    window.addEventListener('online', () => void this.#store.flush());
  }

  #wire(): void {
    const { header, signIn, form, voidDialog, signOut } = this.#views;
    signIn.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#signIn();
    });
    signIn.cancelButton.addEventListener('click', () => {
      signIn.hide();
      form.amount.focus();
    });
    header.reauthButton.addEventListener('click', () => this.#showSignIn(true, t('operator.signedOut')));
    header.signOutButton.addEventListener('click', () => {
      const waiting = this.#store.waitingCount();
      if (waiting > 0) signOut.open(waiting);
      else this.signOut();
    });
    form.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const draft = draftPledge(form.values(), this.#store.state.session?.deskId ?? '');
      if (draft.ok) this.#store.requestConfirmation(draft.body);
      else form.showProblem(draft.field, draft.message);
    });
    voidDialog.element.addEventListener('close', () => form.amount.focus());
  }

  async #signIn(): Promise<void> {
    const { signIn, form } = this.#views;
    const values = signIn.values();
    signIn.busy(true);
    const outcome = await this.#store.signIn(values.eventId, values.deskId, values.accessCode);
    signIn.busy(false);
    if (outcome.kind === 'failed') {
      signIn.failed(outcome.message);
      return;
    }
    if (outcome.kind === 'otherDesk') {
      // Another desk or event: start clean; that desk's queue stays stored under its own key.
      location.reload();
      return;
    }
    signIn.signedIn();
    form.amount.focus();
  }

  /** Signs out for good (after the warning, when pledges were waiting). */
  signOut(): void {
    this.#store.signOut();
    location.reload();
  }

  #showSignIn(overlay: boolean, message?: string): void {
    const session = this.#store.state.session;
    const query = new URLSearchParams(location.search);
    this.#views.signIn.show({ overlay, message, eventId: session?.eventId ?? query.get('event') ?? '', deskId: session?.deskId ?? query.get('desk') ?? '' });
    void this.#store.suggestEvents().then((events) => this.#views.signIn.suggest(events));
  }

  /** Called by the queue view: a refused pledge recorded nothing, so it goes back in the form to fix. */
  reEnter(entry: Entry): void {
    const body = entry.body;
    this.#views.form.fill({ ...body, representative: body.representative ?? '', note: body.note ?? '' });
    this.#store.dismiss(entry.id);
  }

  /** Called by the desk list. */
  openVoid(pledge: PledgeView): void {
    this.#views.voidDialog.open(pledge);
  }

  async submitVoid(pledge: PledgeView, reason: string): Promise<void> {
    const dialog = this.#views.voidDialog;
    dialog.busy(true);
    const outcome = await this.#store.voidPledge(pledge.pledgeId, reason);
    dialog.busy(false);
    if (outcome.ok) dialog.close();
    else dialog.failed(outcome.message);
  }

  acceptConfirmation(typedDigit: string, notDuplicate: boolean): void {
    if (this.#store.acceptConfirmation(typedDigit, notDuplicate)) this.#views.form.reset();
  }

  closeDiscardNotice(): void {
    this.#store.closeDiscardNotice();
  }

  cancelConfirmation(): void {
    this.#store.cancelConfirmation();
    this.#views.form.amount.focus();
  }

  #render(state: OperatorState, languageChanged = false): void {
    const { header, console: consoleView, form, queue, desk, confirm, voidDialog, signOut } = this.#views;
    header.render(state);
    consoleView.hidden = state.phase !== 'console';
    if (state.phase === 'console') {
      form.renderTiers(state.event?.tiersFen ?? [], languageChanged);
      queue.render(state.entries, state.dismissed);
      desk.render(state.deskPledges, state.deskError);
    }
    confirm.render(state.confirmation, languageChanged);
    if (languageChanged) {
      form.updateReadout();
      voidDialog.retranslate();
      signOut.retranslate();
    }
    if (state.signedOut && !this.#signedOutShown) this.#showSignIn(true, t('operator.signedOut'));
    this.#signedOutShown = state.signedOut;
  }
}
