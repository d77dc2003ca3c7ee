// Test support for the live client: snapshots and pushes of the event 'demo' (version n holds n
// pledges of 100 yuan), a fake hub the test drives, and a client wired to both.

import { expect, vi } from 'vitest';
import { LiveClient, type LiveStatus } from './liveClient';
import type { LiveHubConnection } from './liveHub';
import type { LiveClientOptions } from './liveOptions';
import type { TotalPush, TotalSnapshot } from './types';

/** The show before the controller has chosen anything: the total, nothing held or celebrated. */
export const totalShow = { scene: 'total', tierFen: 0, roundStartedAt: null, holdCelebrations: false, celebrationFen: 0, celebrationCue: 0 } as const;

export function snapshot(version: number, overrides: Partial<TotalSnapshot> = {}): TotalSnapshot {
  return {
    eventId: 'demo',
    version,
    totalFen: version * 100_00,
    pledgeCount: version,
    goalFen: 100_000_000_00,
    byChannel: { stageFen: version * 100_00, onlineFen: 0, stageCount: version, onlineCount: 0 },
    recent: [],
    milestonesReached: [],
    title: '慈善晚会',
    screen: { roundTitle: '', showDonorNames: true, nameSeconds: 4 },
    rehearsal: false,
    show: totalShow,
    ...overrides,
  };
}

export function push(previousVersion: number, version: number, overrides: Partial<TotalPush> = {}): TotalPush {
  return {
    eventId: 'demo',
    version,
    previousVersion,
    totalFen: version * 100_00,
    pledgeCount: version,
    goalFen: 100_000_000_00,
    byChannel: { stageFen: version * 100_00, onlineFen: 0, stageCount: version, onlineCount: 0 },
    newPledges: [],
    feedReset: false,
    voidedPledgeIds: [],
    milestonesReached: [],
    title: '慈善晚会',
    screen: { roundTitle: '', showDonorNames: true, nameSeconds: 4 },
    rehearsal: false,
    show: totalShow,
    ...overrides,
  };
}

/** Stands in for the hub: the test decides what each start and Watch (or Follow) answers. */
export class FakeHub implements LiveHubConnection {
  state = 'Disconnected';
  starts = 0;
  failStarts = 0;
  watched: string[] = [];
  methods: string[] = [];
  answerWatch: () => Promise<TotalSnapshot | null> = () => Promise.resolve(snapshot(1));
  #total?: (push: TotalPush) => void;
  #close?: (error?: Error) => void;
  #reconnecting?: (error?: Error) => void;
  #reconnected?: (connectionId?: string) => void;

  start(): Promise<void> {
    this.starts++;
    if (this.failStarts > 0) {
      this.failStarts--;
      return Promise.reject(new Error('refused'));
    }
    this.state = 'Connected';
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.state = 'Disconnected';
    this.#close?.();
    return Promise.resolve();
  }

  invoke<T>(methodName: string, ...args: unknown[]): Promise<T> {
    this.methods.push(methodName);
    this.watched.push(String(args[0]));
    return this.answerWatch() as Promise<T>;
  }

  on(methodName: string, handler: (message: TotalPush) => void): void {
    expect(methodName).toBe('total');
    this.#total = handler;
  }

  onclose(callback: (error?: Error) => void): void {
    this.#close = callback;
  }

  onreconnecting(callback: (error?: Error) => void): void {
    this.#reconnecting = callback;
  }

  onreconnected(callback: (connectionId?: string) => void): void {
    this.#reconnected = callback;
  }

  send(message: TotalPush): void {
    this.#total?.(message);
  }

  loseConnection(): void {
    this.state = 'Reconnecting';
    this.#reconnecting?.(new Error('lost'));
  }

  reconnect(): void {
    this.state = 'Connected';
    this.#reconnected?.('again');
  }

  giveUp(): void {
    this.state = 'Disconnected';
    this.#close?.(new Error('gave up'));
  }
}

/**
 * A live client on a fake hub, recording what a page would see. The HTTP total is offline unless the
 * test says otherwise; the stale-hub timing is each audience's default unless the options set it.
 */
export function setUp(
  fetchSnapshot: () => Promise<TotalSnapshot> = () => Promise.reject(new Error('offline')),
  options: LiveClientOptions = {},
) {
  const hub = new FakeHub();
  const fetches = vi.fn(fetchSnapshot);
  const client = new LiveClient('demo', {
    createConnection: () => hub,
    fetchSnapshot: fetches,
    pollWhileDisconnectedMs: 5_000,
    ...options,
  });
  const versions: number[] = [];
  const previousVersions: (number | null)[] = [];
  const connection: boolean[] = [];
  const statuses: LiveStatus[] = [];
  client.onState((state, previous) => {
    versions.push(state.version);
    previousVersions.push(previous?.version ?? null);
  });
  client.onConnectionChange((connected) => connection.push(connected));
  client.onStatusChange((status) => statuses.push(status));
  return { hub, client, fetches, versions, previousVersions, connection, statuses };
}

/** Runs what is due now: the promises the fake hub and the fake HTTP total resolve at once. */
export const settle = () => vi.advanceTimersByTimeAsync(0);
