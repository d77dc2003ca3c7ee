// The transport of the live total: one SignalR connection to /hubs/live, what it is called, and how
// long to wait between attempts to bring it back.
//
// The nodes sit behind a load balancer without sticky sessions. SignalR's negotiate request and the
// connection that follows are two requests that must reach the same node; a WebSocket opened without
// negotiating is one request, so whichever node the balancer picks can take it.

import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { TotalPush } from './types';

/** The part of a SignalR HubConnection the live client uses, so tests can stand in for the server. */
export interface LiveHubConnection {
  readonly state: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T>(methodName: string, ...args: unknown[]): Promise<T>;
  on(methodName: string, handler: (message: TotalPush) => void): void;
  onclose(callback: (error?: Error) => void): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
}

export const HUB_URL = '/hubs/live';
export const WATCH_METHOD = 'Watch';
export const FOLLOW_METHOD = 'Follow';
export const TOTAL_MESSAGE = 'total';

/** Waits between attempts, for the hub's automatic reconnect and for restarts after a close. */
export const RECONNECT_DELAYS_MS: readonly number[] = [0, 1_000, 2_000, 5_000, 10_000];
const LAST_DELAY_MS = 10_000;

/** The wait before attempt `attempt + 1`; after the list it is 10 s, for as long as it takes. */
export function reconnectDelayMs(attempt: number): number {
  return RECONNECT_DELAYS_MS[attempt] ?? LAST_DELAY_MS;
}

export function createHubConnection(): LiveHubConnection {
  return new HubConnectionBuilder()
    .withUrl(HUB_URL, { skipNegotiation: true, transport: HttpTransportType.WebSockets })
    // A policy that never answers null: the screen keeps trying for as long as the show runs.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelayMs(context.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
}
