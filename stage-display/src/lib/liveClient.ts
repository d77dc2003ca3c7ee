// The live half of both public pages: one SignalR connection to /hubs/live that never stops trying,
// a full snapshot after every (re)connect and after every gap, and a plain HTTP poll while the hub is
// down so the number keeps moving. The version rules themselves live in LiveTotalState (live.ts).

import { HubConnectionState } from '@microsoft/signalr';
import { LiveTotalState } from './live';
import {
  createHubConnection,
  FOLLOW_METHOD,
  reconnectDelayMs,
  TOTAL_MESSAGE,
  WATCH_METHOD,
  type LiveHubConnection,
} from './liveHub';
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

export function totalUrl(eventId: string): string {
  return `/api/events/${encodeURIComponent(eventId)}/total`;
}

/** Keeps one event's running total current and says whether it is live or possibly stale. */
export class LiveClient {
  readonly #state: LiveTotalState;
  readonly #connection: LiveHubConnection;
  readonly #joinMethod: string;
  readonly #fetchSnapshot: (eventId: string) => Promise<TotalSnapshot>;
  readonly #pollMs: number;
  readonly #stateListeners = new Set<StateListener>();
  readonly #connectionListeners = new Set<ConnectionListener>();
  readonly #unknownEventListeners = new Set<UnknownEventListener>();

  #connected: boolean | undefined;
  #started = false;
  #stopped = false;
  #restartAttempts = 0;
  #watchAttempts = 0;
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  #watchTimer: ReturnType<typeof setTimeout> | undefined;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #refreshing = false;
  #refreshAgain = false;
  #unknownEvent = false;

  constructor(readonly eventId: string, options: LiveClientOptions = {}) {
    this.#state = new LiveTotalState(eventId);
    this.#connection = (options.createConnection ?? createHubConnection)();
    this.#joinMethod = options.audience === 'viewers' ? FOLLOW_METHOD : WATCH_METHOD;
    this.#fetchSnapshot = options.fetchSnapshot ?? fetchSnapshotOverHttp;
    this.#pollMs = options.pollWhileDisconnectedMs ?? DEFAULT_POLL_MS;

    this.#connection.on(TOTAL_MESSAGE, (push) => this.#onPush(push));
    this.#connection.onreconnecting(() => this.#setConnected(false));
    this.#connection.onreconnected(() => this.#refresh());
    this.#connection.onclose(() => {
      this.#setConnected(false);
      this.#scheduleRestart();
    });
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
    if (this.#started) {
      return;
    }
    this.#started = true;
    void this.#startConnection();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#restartTimer);
    clearTimeout(this.#watchTimer);
    clearTimeout(this.#pollTimer);
    await this.#connection.stop();
  }

  async #startConnection(): Promise<void> {
    if (this.#stopped) {
      return;
    }
    try {
      await this.#connection.start();
    } catch {
      // The initial start is not covered by automatic reconnect: keep trying ourselves.
      this.#setConnected(false);
      this.#scheduleRestart();
      return;
    }
    this.#restartAttempts = 0;
    this.#refresh();
  }

  #scheduleRestart(): void {
    if (this.#stopped || this.#restartTimer !== undefined) {
      return;
    }
    const delay = reconnectDelayMs(this.#restartAttempts++);
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      if (this.#connection.state === HubConnectionState.Disconnected) {
        void this.#startConnection();
      }
    }, delay);
  }

  #onPush(push: TotalPush): void {
    const previous = this.#state.current;
    const result = this.#state.applyPush(push);
    if (result === 'applied') {
      this.#notifyState(previous);
    } else if (result === 'gap') {
      this.#refresh();
    }
  }

  /**
   * Fetches a full snapshot: through Watch or Follow when the hub is up (which also (re)joins the
   * audience's group of the event), else over HTTP. One at a time; a request made meanwhile runs
   * once more afterwards.
   */
  #refresh(): void {
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return;
    }
    this.#refreshing = true;
    void this.#refreshLoop();
  }

  async #refreshLoop(): Promise<void> {
    try {
      do {
        this.#refreshAgain = false;
        if (this.#stopped) {
          return;
        }
        if (this.#connection.state === HubConnectionState.Connected) {
          await this.#watch();
        } else {
          await this.#poll();
        }
      } while (this.#refreshAgain);
    } finally {
      this.#refreshing = false;
    }
  }

  async #watch(): Promise<void> {
    let snapshot: TotalSnapshot | null;
    try {
      snapshot = await this.#connection.invoke<TotalSnapshot | null>(this.#joinMethod, this.eventId);
    } catch {
      // Not watching means no pushes: show that, and ask again (the connection may also be going).
      this.#setConnected(false);
      clearTimeout(this.#watchTimer);
      this.#watchTimer = setTimeout(() => {
        this.#watchTimer = undefined;
        if (this.#connection.state === HubConnectionState.Connected) {
          this.#refresh();
        }
      }, reconnectDelayMs(++this.#watchAttempts));
      return;
    }
    this.#watchAttempts = 0;
    if (snapshot === null || snapshot === undefined) {
      await this.#eventNotFound();
      return;
    }
    this.#applySnapshot(snapshot);
    this.#setConnected(true);
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

  async #poll(): Promise<void> {
    try {
      this.#applySnapshot(await this.#fetchSnapshot(this.eventId));
    } catch {
      // The next poll, or the hub coming back, tries again.
    }
  }

  #applySnapshot(snapshot: TotalSnapshot): void {
    const previous = this.#state.current;
    if (this.#state.applySnapshot(snapshot)) {
      this.#notifyState(previous);
    }
  }

  #setConnected(connected: boolean): void {
    if (this.#connected === connected) {
      return;
    }
    this.#connected = connected;
    if (connected) {
      clearTimeout(this.#pollTimer);
      this.#pollTimer = undefined;
    } else {
      this.#schedulePoll(0);
    }
    for (const listener of [...this.#connectionListeners]) {
      listener(connected);
    }
  }

  #schedulePoll(delay: number): void {
    if (this.#stopped || this.#pollTimer !== undefined) {
      return;
    }
    const timer = setTimeout(() => {
      void this.#poll().then(() => {
        if (this.#pollTimer !== timer) {
          return; // connected meanwhile: this chain of polls has ended
        }
        this.#pollTimer = undefined;
        if (this.#connected === false) {
          this.#schedulePoll(this.#pollMs);
        }
      });
    }, delay);
    this.#pollTimer = timer;
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

async function fetchSnapshotOverHttp(eventId: string): Promise<TotalSnapshot> {
  const response = await fetch(totalUrl(eventId), { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${totalUrl(eventId)} answered ${response.status}`);
  }
  return (await response.json()) as TotalSnapshot;
}
