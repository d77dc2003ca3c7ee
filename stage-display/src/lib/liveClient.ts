// The live half of both public pages. Snapshots and pushes come in from two sources, the hub session
// (hubSession.ts) and the HTTP poller (totalPoller.ts), go through the version rules of LiveTotalState
// (live.ts), and what survives goes out to the page's listeners. The client only tells the sources
// what happened: a gap makes the session join again, the hub's loss makes the poller poll, and every
// word from the hub restarts the poller's watch for a silent (stale) hub.

import { LiveHubSession } from './hubSession';
import { LiveTotalState } from './live';
import { liveSettings, type LiveClientOptions } from './liveOptions';
import { TotalPoller } from './totalPoller';
import type { TotalPush, TotalSnapshot } from './types';

export type StateListener = (state: Readonly<TotalSnapshot>, previous: Readonly<TotalSnapshot> | null) => void;
export type ConnectionListener = (connected: boolean) => void;
export type StatusListener = (status: LiveStatus) => void;
export type UnknownEventListener = () => void;

/**
 * What a page may show beside the total. 'live': pushes arrive. 'polling': the hub is connected but
 * its pushes fell behind the total, so the total comes over HTTP until they resume. 'disconnected':
 * the hub is unreachable (the total comes over HTTP meanwhile, less often).
 */
export type LiveStatus = 'live' | 'polling' | 'disconnected';

/** Keeps one event's running total current, and says how it is getting it (`status`). */
export class LiveClient {
  readonly #state: LiveTotalState;
  readonly #session: LiveHubSession;
  readonly #poller: TotalPoller;
  readonly #stateListeners = new Set<StateListener>();
  readonly #connectionListeners = new Set<ConnectionListener>();
  readonly #statusListeners = new Set<StatusListener>();
  readonly #unknownEventListeners = new Set<UnknownEventListener>();

  #connected: boolean | undefined;
  #stalePolling = false;
  #shownStatus: LiveStatus | undefined;
  #unknownEvent = false;

  constructor(readonly eventId: string, options: LiveClientOptions = {}) {
    const settings = liveSettings(options);
    this.#state = new LiveTotalState(eventId);
    this.#poller = new TotalPoller(() => settings.fetchSnapshot(eventId), settings.timing, {
      polled: (snapshot) => this.#applyPolled(snapshot),
      stalePollingChanged: (polling) => {
        this.#stalePolling = polling;
        this.#notifyStatus();
      },
    });
    this.#session = new LiveHubSession(eventId, settings.joinMethod, settings.createConnection(), {
      joined: (snapshot) => {
        this.#applySnapshot(snapshot);
        this.#poller.heardFromHub();
        this.#setConnected(true);
      },
      pushed: (push) => this.#onPush(push),
      left: () => this.#setConnected(false),
      unknownEvent: () => void this.#eventNotFound(),
    });
  }

  /** The state shown now, or null before the first snapshot. */
  get current(): Readonly<TotalSnapshot> | null {
    return this.#state.current;
  }

  /** True while the hub is connected and joined (pushes may still be behind: see `status`). */
  get connected(): boolean {
    return this.#connected === true;
  }

  /** How the total is coming now; 'disconnected' also before the first outcome is known. */
  get status(): LiveStatus {
    if (!this.connected) {
      return 'disconnected';
    }
    return this.#stalePolling ? 'polling' : 'live';
  }

  /** True once the server said the event does not exist; the client has stopped by then. */
  get unknownEvent(): boolean {
    return this.#unknownEvent;
  }

  /** Calls the listener after every change of the state (the current one first, if any). */
  onState(listener: StateListener): () => void {
    this.#stateListeners.add(listener);
    const current = this.#state.current;
    if (current) {
      listener(current, null);
    }
    return () => this.#stateListeners.delete(listener);
  }

  /** Calls the listener whenever the connection is gained or lost (and once the first outcome is known). */
  onConnectionChange(listener: ConnectionListener): () => void {
    this.#connectionListeners.add(listener);
    if (this.#connected !== undefined) {
      listener(this.#connected);
    }
    return () => this.#connectionListeners.delete(listener);
  }

  /** Calls the listener whenever the status changes (and once the first outcome is known). */
  onStatusChange(listener: StatusListener): () => void {
    this.#statusListeners.add(listener);
    if (this.#shownStatus !== undefined) {
      listener(this.#shownStatus);
    }
    return () => this.#statusListeners.delete(listener);
  }

  /**
   * Calls the listener once the server says there is no such event (Watch or Follow answered null),
   * at once if it already has. The client stops rather than ask again: a page shows its unknown-event
   * state, and a screen left open on a wrong address must not keep hammering the server.
   */
  onUnknownEvent(listener: UnknownEventListener): () => void {
    this.#unknownEventListeners.add(listener);
    if (this.#unknownEvent) {
      listener();
    }
    return () => this.#unknownEventListeners.delete(listener);
  }

  start(): void {
    this.#session.start();
  }

  async stop(): Promise<void> {
    this.#poller.stop();
    await this.#session.stop();
  }

  #onPush(push: TotalPush): void {
    // While a join has failed the poller polls as for a hub that is down; the next join ends that.
    if (this.#connected === true) {
      this.#poller.heardFromHub();
    }
    const previous = this.#state.current;
    const result = this.#state.applyPush(push);
    if (result === 'applied') {
      this.#notifyState(previous);
    } else if (result === 'gap') {
      this.#session.join();
    }
  }

  async #eventNotFound(): Promise<void> {
    if (this.#unknownEvent) {
      return;
    }
    this.#unknownEvent = true;
    await this.stop().catch(() => undefined);
    for (const listener of [...this.#unknownEventListeners]) {
      listener();
    }
  }

  /** Shows a polled snapshot only when it is newer: an equal one would redraw the same total. */
  #applyPolled(snapshot: TotalSnapshot): boolean {
    const shown = this.#state.current;
    return (shown === null || snapshot.version > shown.version) && this.#applySnapshot(snapshot);
  }

  /** Shows the snapshot unless it is older than what is shown; true when it was taken. */
  #applySnapshot(snapshot: TotalSnapshot): boolean {
    const previous = this.#state.current;
    if (!this.#state.applySnapshot(snapshot)) {
      return false;
    }
    this.#notifyState(previous);
    return true;
  }

  #setConnected(connected: boolean): void {
    if (this.#connected === connected) {
      return;
    }
    this.#connected = connected;
    if (!connected) {
      this.#poller.pollWhileDisconnected();
    }
    for (const listener of [...this.#connectionListeners]) {
      listener(connected);
    }
    this.#notifyStatus();
  }

  #notifyStatus(): void {
    const status = this.status;
    if (this.#connected === undefined || status === this.#shownStatus) {
      return;
    }
    this.#shownStatus = status;
    for (const listener of [...this.#statusListeners]) {
      listener(status);
    }
  }

  #notifyState(previous: Readonly<TotalSnapshot> | null): void {
    const current = this.#state.current;
    if (!current) {
      return;
    }
    for (const listener of [...this.#stateListeners]) {
      listener(current, previous);
    }
  }
}
