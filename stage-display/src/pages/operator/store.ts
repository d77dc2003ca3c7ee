// The operator console's state and every server call, without a DOM: the desk's sign-in, the
// event, the offline queue, the read-back waiting for the operator, and this desk's pledges. Views
// subscribe and draw; the controller calls the methods. Every confirmed entry is stored on this
// device first (PledgeQueue) under the id it keeps for every retry.

import { apiFetch, paths, type DeskPledge, type EventSummary, type EventView, type PledgeBody } from '../../lib/api';
import { setEventTimeZone } from '../../lib/clock';
import { t } from '../../lib/i18n';
import { PledgeQueue } from '../../lib/queue';
import { acceptProblem, openConfirmation, storeReadBack } from './confirmation';
import { DESK_LIST_LIMIT } from './deskFigures';
import { EventStatusFollower, type TotalFeed } from './eventFollower';
import { initialState, type OperatorDeps, type OperatorState, type SignInOutcome } from './operatorState';
import { waitingCount, type Entry } from './queueSummary';
import { QueueSender, refusalText, type SenderReport } from './sender';
import { addToNotice, RehearsalGuard, typedInRehearsal } from './rehearsalQueue';
import { listEvents, requestSignIn } from './signIn';
import { findSimilarPledges } from './similarPledges';
import { cachedEvent, forgetSession, DISMISSED_KEY, EVENT_KEY, isExpired, sameDesk, SESSION_KEY, writeJson, type Session } from './session';
import { OperatorTimers } from './timers';
import { voidPledge, type VoidOutcome } from './voiding';

export type { OperatorDeps, OperatorState, SignInOutcome } from './operatorState';

export class OperatorStore {
  readonly #deps: OperatorDeps;
  readonly #now: () => number;
  readonly #listeners = new Set<(state: OperatorState) => void>();
  readonly #timers = new OperatorTimers();
  #state: OperatorState;
  #queue: PledgeQueue<PledgeBody> | undefined;
  #sender: QueueSender | undefined;
  #follower: EventStatusFollower | undefined;
  #eventFetches = 0;
  #feed: TotalFeed | undefined;
  #rehearsal: RehearsalGuard | undefined;

  constructor(deps: OperatorDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => Date.now());
    this.#state = initialState(deps.storage, this.#now());
  }

  get state(): OperatorState {
    return this.#state;
  }

  subscribe(listener: (state: OperatorState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Opens the console for the stored sign-in, unless there is none or it ran out. */
  start(): void {
    const session = this.#state.session;
    if (session && !isExpired(session, this.#now())) this.#openConsole(session);
    else this.#set({ sessionExpired: session !== undefined });
  }

  async signIn(eventId: string, deskId: string, accessCode: string): Promise<SignInOutcome> {
    const answer = await requestSignIn(eventId, deskId, accessCode, this.#deps.fetch);
    if (!answer.ok) return { kind: 'failed', message: answer.message };
    const session = answer.session;
    const previous = this.#state.session;
    writeJson(this.#deps.storage, SESSION_KEY, session);
    if (this.#queue && sameDesk(previous, session)) {
      // Signed in again at the same desk: same queue, just a new token.
      this.#set({ session, signedOut: false });
      void this.flush();
      void this.refreshDesk();
      return { kind: 'resumed' };
    }
    if (this.#queue) return { kind: 'otherDesk' }; // that desk's queue stays stored under its own key
    this.#openConsole(session);
    return { kind: 'started' };
  }

  /** The server refused the token: the queue waits, stored, for the next sign-in at this desk. */
  expire(): void {
    if (!this.#state.signedOut) this.#set({ signedOut: true });
  }

  /** Pledges still waiting to be sent: a sign-out now leaves them on this device, unsent. */
  waitingCount(): number {
    return waitingCount(this.#state.entries);
  }

  /** Forgets the sign-in on this device; the queue stays stored under the desk's key. */
  signOut(): void {
    this.stop();
    forgetSession(this.#deps.storage);
  }

  /** The clock moved: the retry countdown, and a sign-in whose expiry passed is treated as refused. */
  tick(): void {
    const session = this.#state.session;
    if (this.#state.phase === 'console' && session && isExpired(session, this.#now())) this.expire();
    this.#set({ now: this.#now() });
  }

  suggestEvents(): Promise<EventSummary[]> {
    return listEvents(this.#deps.fetch);
  }

  // ---- the read-back ----

  /** Opens the read-back, and asks meanwhile whether a desk just recorded the same placard. */
  requestConfirmation(body: PledgeBody): void {
    this.#set({ confirmation: openConfirmation(body) });
    const session = this.#state.session;
    if (!session || this.#state.signedOut) return;
    void findSimilarPledges(session, body, this.#deps.fetch).then((similar) => {
      const shown = this.#state.confirmation;
      if (similar.length > 0 && shown?.body === body) this.#set({ confirmation: { ...shown, similar } });
    });
  }

  cancelConfirmation(): void {
    this.#set({ confirmation: undefined });
  }

  /**
   * Stores the pledge being read back and sends it; false (and the reason in the state) if it was not
   * stored. With a similar pledge on record it takes `notDuplicate`, the operator's second confirmation.
   */
  acceptConfirmation(typedDigit = '', notDuplicate = false): boolean {
    const confirmation = this.#state.confirmation;
    if (!confirmation || !this.#queue) return false;
    const problem = acceptProblem(confirmation, typedDigit, notDuplicate)
      ?? storeReadBack(this.#queue, confirmation, typedInRehearsal(this.#state.event?.status));
    if (problem) {
      this.#set({ confirmation: { ...confirmation, problem } });
      return false;
    }
    this.#set({ confirmation: undefined });
    void this.flush();
    return true;
  }

  /** A refused entry recorded nothing: the operator types it again (under a new id); the old one leaves the list. */
  dismiss(entryId: string): void {
    const dismissed = new Set(this.#state.dismissed).add(entryId);
    writeJson(this.#deps.storage, DISMISSED_KEY, [...dismissed]);
    this.#set({ dismissed });
  }

  closeDiscardNotice(): void {
    this.#set({ discardNotice: undefined });
  }

  // ---- the server ----

  async flush(): Promise<void> {
    if (!this.#sender || !this.#state.session || this.#state.signedOut) return;
    await this.#sender.flush();
  }

  async refreshEvent(): Promise<void> {
    const session = this.#state.session;
    if (!session) return;
    this.#follower?.refreshed();
    const fetchNo = ++this.#eventFetches;
    // With the desk token: a draft (a rehearsal before the open) is not shown to the public.
    const result = await apiFetch<EventView>(paths.event(session.eventId), { token: session.token, fetch: this.#deps.fetch });
    // An answer overtaken by a later fetch's is older news (a slow "live" after a quick "closed").
    if (!result.ok || fetchNo !== this.#eventFetches) return;
    writeJson(this.#deps.storage, EVENT_KEY, result.body);
    setEventTimeZone(result.body.timeZone);
    this.#set({ event: result.body });
    if (this.#rehearsal?.statusFromServer(result.body.status)) void this.flush(); // held rehearsal pledges may go now
  }

  async refreshDesk(): Promise<void> {
    const session = this.#state.session;
    if (!session || this.#state.signedOut) return;
    const result = await apiFetch<DeskPledge[]>(paths.deskPledges(session.eventId, session.deskId, DESK_LIST_LIMIT), { token: session.token, fetch: this.#deps.fetch });
    if (result.status === 401) this.expire();
    if (result.ok) this.#set({ deskPledges: result.body, deskError: undefined });
    else this.#set({ deskError: t('operator.loadFailed', { reason: refusalText(result.problem.title, result.status) }) });
  }

  async voidPledge(pledgeId: string, reason: string): Promise<VoidOutcome> {
    const session = this.#state.session;
    if (!session) return { ok: false, message: t('api.unauthorized') };
    const outcome = await voidPledge(session, pledgeId, reason, this.#deps.fetch);
    if (!outcome.ok && outcome.status === 401) this.expire();
    if (outcome.ok) void this.refreshDesk();
    return outcome;
  }

  stop(): void {
    this.#timers.stop();
    this.#sender?.stop();
    this.#follower?.stop();
    void this.#feed?.stop();
  }

  // ---- inside ----

  #openConsole(session: Session): void {
    const queue = new PledgeQueue<PledgeBody>(this.#deps.storage, session.eventId, session.deskId, { newId: this.#deps.newId });
    this.#queue = queue;
    this.#sender = new QueueSender(queue, () => this.#state.session, (report) => this.#senderReport(report), {
      fetch: this.#deps.fetch, now: this.#now, inRehearsal: () => this.#rehearsal?.inRehearsal ?? false });
    this.#rehearsal = new RehearsalGuard(queue, (cause, removed) => {
      this.#set({ discardNotice: addToNotice(this.#state.discardNotice, cause, removed) });
      if (cause === 'refused') this.#follower?.request('urgent'); // the rehearsal is likely over: see its status now
    });
    queue.onChange((entries) => this.#queueChanged(entries));
    this.#set({ phase: 'console', session, signedOut: false, sessionExpired: false, entries: queue.entries(), event: cachedEvent(this.#deps.storage, session.eventId) });
    this.#follower = new EventStatusFollower(() => this.refreshEvent());
    if (this.#deps.followTotal) {
      this.#feed = this.#deps.followTotal(session.eventId);
      this.#follower.follow(this.#feed);
      this.#feed.start();
    }
    void this.refreshEvent();
    void this.refreshDesk();
    void this.flush();
    this.#timers.every(10_000, () => void this.refreshDesk());
    this.#timers.every(30_000, () => void this.refreshEvent());
    // A safety net: whatever stopped the last flush, queued pledges are tried again.
    this.#timers.every(15_000, () => {
      if (this.#sender && !this.#sender.retryPending && this.#sender.hasQueued()) void this.flush();
    });
  }

  #queueChanged(entries: readonly Entry[]): void {
    // Taking them off changes the queue again, and that change is the one drawn.
    if (this.#rehearsal?.queueChanged(entries)) return;
    const before = this.#state.entries;
    const was = (id: string, state: Entry['state']) => before.some((entry) => entry.id === id && entry.state === state);
    const newlyConfirmed = entries.some((entry) => entry.state === 'confirmed' && !was(entry.id, 'confirmed'));
    const newlyRejected = entries.some((entry) => entry.state === 'rejected' && !was(entry.id, 'rejected'));
    this.#set(newlyConfirmed ? { entries, offline: false } : { entries });
    if (newlyConfirmed) this.#timers.debounce(200, () => void this.refreshDesk());
    // A refusal may be the event closing: see its status now rather than at the next poll.
    if (newlyRejected) this.#follower?.request('urgent');
  }

  #senderReport(report: SenderReport): void {
    this.#set({ ...(report.reachable !== undefined ? { offline: !report.reachable } : {}), ...('retryAt' in report ? { retryAt: report.retryAt } : {}) });
    if (report.signedOut) this.expire();
  }

  #set(patch: Partial<OperatorState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of [...this.#listeners]) listener(this.#state);
  }
}
