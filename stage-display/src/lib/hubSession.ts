// Keeps one hub connection up and joined to an event for as long as the page runs. Automatic reconnect
// covers drops after a successful start; a failed first start and a close after it gave up are
// restarted here, with the same delays. After every (re)connect, and whenever the client asks (it
// missed a push), the session joins again: Watch or Follow answers a full snapshot and puts the
// connection in the event's group, so pushes follow.

import { HubConnectionState } from '@microsoft/signalr';
import { reconnectDelayMs, TOTAL_MESSAGE, type LiveHubConnection } from './liveHub';
import type { TotalPush, TotalSnapshot } from './types';

/** What the session tells the live client. It keeps no total of its own. */
export interface HubSessionEvents {
  /** Watch or Follow answered with the full snapshot: pushes follow from here. */
  joined(snapshot: TotalSnapshot): void;
  pushed(push: TotalPush): void;
  /** The connection is going or gone, or the join failed: no pushes for now. */
  left(): void;
  /** Watch or Follow answered null: there is no such event. */
  unknownEvent(): void;
}

export class LiveHubSession {
  readonly #eventId: string;
  readonly #joinMethod: string;
  readonly #connection: LiveHubConnection;
  readonly #events: HubSessionEvents;

  #started = false;
  #stopped = false;
  #restartAttempts = 0;
  #joinAttempts = 0;
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  #joinTimer: ReturnType<typeof setTimeout> | undefined;
  #joining = false;
  #joinAgain = false;

  constructor(eventId: string, joinMethod: string, connection: LiveHubConnection, events: HubSessionEvents) {
    this.#eventId = eventId;
    this.#joinMethod = joinMethod;
    this.#connection = connection;
    this.#events = events;

    connection.on(TOTAL_MESSAGE, (push) => {
      if (!this.#stopped) {
        events.pushed(push);
      }
    });
    connection.onreconnecting(() => this.#left());
    connection.onreconnected(() => this.join());
    connection.onclose(() => {
      this.#left();
      this.#scheduleRestart();
    });
  }

  start(): void {
    if (this.#started) {
      return;
    }
    this.#started = true;
    void this.#startConnection();
  }

  /** Stops for good; a stopped session reports nothing more. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#restartTimer);
    clearTimeout(this.#joinTimer);
    await this.#connection.stop();
  }

  /** Joins (again) when connected. One join at a time; a request made meanwhile joins once more afterwards. */
  join(): void {
    if (this.#joining) {
      this.#joinAgain = true;
      return;
    }
    this.#joining = true;
    void this.#joinLoop();
  }

  async #startConnection(): Promise<void> {
    if (this.#stopped) {
      return;
    }
    try {
      await this.#connection.start();
    } catch {
      // The first start is not covered by automatic reconnect: keep trying ourselves.
      this.#left();
      this.#scheduleRestart();
      return;
    }
    this.#restartAttempts = 0;
    this.join();
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

  async #joinLoop(): Promise<void> {
    try {
      do {
        this.#joinAgain = false;
        // Not connected: the reconnect joins, and the client polls meanwhile.
        if (this.#stopped || this.#connection.state !== HubConnectionState.Connected) {
          return;
        }
        await this.#joinOnce();
      } while (this.#joinAgain);
    } finally {
      this.#joining = false;
    }
  }

  async #joinOnce(): Promise<void> {
    let snapshot: TotalSnapshot | null;
    try {
      snapshot = await this.#connection.invoke<TotalSnapshot | null>(this.#joinMethod, this.#eventId);
    } catch {
      if (this.#stopped) {
        return;
      }
      // Not joined means no pushes: say so, and ask again (the connection may also be going).
      this.#left();
      clearTimeout(this.#joinTimer);
      this.#joinTimer = setTimeout(() => {
        this.#joinTimer = undefined;
        this.join();
      }, reconnectDelayMs(++this.#joinAttempts));
      return;
    }
    this.#joinAttempts = 0;
    if (this.#stopped) {
      return;
    }
    if (snapshot === null || snapshot === undefined) {
      this.#events.unknownEvent();
    } else {
      this.#events.joined(snapshot);
    }
  }

  #left(): void {
    if (!this.#stopped) {
      this.#events.left();
    }
  }
}
