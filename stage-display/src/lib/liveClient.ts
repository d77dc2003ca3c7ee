// The live half of both public pages. Snapshots and pushes come in from two sources, the hub session
// (hubSession.ts) and the HTTP poller (totalPoller.ts), go through the version rules of LiveTotalState
// (live.ts), and what survives goes out to the page's listeners. The client only decides which source
// to trust at the moment: it joins again after a gap, and polls while the hub is down.

import { LiveHubSession } from './hubSession';
import { LiveTotalState } from './live';
import { createHubConnection, FOLLOW_METHOD, WATCH_METHOD, type LiveHubConnection } from './liveHub';
import { fetchTotalOverHttp, TotalPoller } from './totalPoller';
import type { TotalPush, TotalSnapshot } from './types';

export type StateListener = (state: Readonly<TotalSnapshot>, previous: Readonly<TotalSnapshot> | null) => void;
export type ConnectionListener = (connected: boolean) => void;
export type UnknownEventListener = () => void;

/**
 * Who is watching: the big screen (`Watch`, up to ten pushes a second with up to 20 new pledges) or a
 * phone viewer (`Follow`, up to four a second with the 5 newest), so thousands of phones cost the
 * server a fraction of what the same number of screens would.
 */
export type LiveAudience = 'screens' | 'viewers';

export interface LiveClientOptions {
  /** Default 'screens'. */
  audience?: LiveAudience;
  createConnection?: () => LiveHubConnection;
  fetchSnapshot?: (eventId: string) => Promise<TotalSnapshot>;
  /** How often the total is fetched over HTTP while the hub is unreachable. */
  pollWhileDisconnectedMs?: number;
}

const DEFAULT_POLL_MS = 5_000;

/** Keeps one event's running total current and says whether it is live or possibly stale. */
export class LiveClient {
  readonly #state: LiveTotalState;
  readonly #session: LiveHubSession;
  readonly #poller: TotalPoller;
  readonly #stateListeners = new Set<StateListener>();
  readonly #connectionListeners = new Set<ConnectionListener>();
  readonly #unknownEventListeners = new Set<UnknownEventListener>();

  #connected: boolean | undefined;
  #unknownEvent = false;

  constructor(readonly eventId: string, options: LiveClientOptions = {}) {
    const fetchSnapshot = options.fetchSnapshot ?? fetchTotalOverHttp;
    this.#state = new LiveTotalState(eventId);
    this.#poller = new TotalPoller(
      () => fetchSnapshot(eventId),
      { pollWhileDisconnectedMs: options.pollWhileDisconnectedMs ?? DEFAULT_POLL_MS },
      { polled: (snapshot) => this.#applySnapshot(snapshot) },
    );
    this.#session = new LiveHubSession(
      eventId,
      options.audience === 'viewers' ? FOLLOW_METHOD : WATCH_METHOD,
      (options.createConnection ?? createHubConnection)(),
      {
        joined: (snapshot) => {
          this.#applySnapshot(snapshot);
          this.#setConnected(true);
        },
        pushed: (push) => this.#onPush(push),
        left: () => this.#setConnected(false),
        unknownEvent: () => void this.#eventNotFound(),
      },
    );
  }

  /** The state shown now, or null before the first snapshot. */
  get current(): Readonly<TotalSnapshot> | null {
    return this.#state.current;
  }

  /** True while the hub is connected and watching; false means the data may be old. */
  get connected(): boolean {
    return this.#connected === true;
  }

  get stale(): boolean {
    return !this.connected;
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
    if (connected) {
      this.#poller.pause();
    } else {
      this.#poller.pollWhileDisconnected();
    }
    for (const listener of [...this.#connectionListeners]) {
      listener(connected);
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
