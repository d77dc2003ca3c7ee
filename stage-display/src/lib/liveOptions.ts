// The settings of a live client: who is watching, where the total comes from, and how often it turns
// to HTTP. Each audience has its own defaults; LiveClientOptions overrides any of them.

import { createHubConnection, FOLLOW_METHOD, WATCH_METHOD, type LiveHubConnection } from './liveHub';
import { fetchTotalOverHttp, type TotalPollerTiming } from './totalPoller';
import type { TotalSnapshot } from './types';

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
  /** How often the total is fetched over HTTP while the hub is unreachable. Default 5 s. */
  pollWhileDisconnectedMs?: number;
  /** How long a connected hub may push nothing before the total is checked over HTTP. Screens 1 s, viewers 5 s. */
  staleAfterMs?: number;
  /** Up to this much more silence, at random, before each check. Screens 0, viewers 2 s. */
  staleJitterMs?: number;
  /** How often the total is fetched while the connected hub's pushes are behind. Screens 1 s, viewers 5 s. */
  pollWhileStaleMs?: number;
}

export interface LiveSettings {
  joinMethod: string;
  createConnection: () => LiveHubConnection;
  fetchSnapshot: (eventId: string) => Promise<TotalSnapshot>;
  timing: TotalPollerTiming;
}

const DEFAULT_POLL_MS = 5_000;

const AUDIENCES: Readonly<Record<LiveAudience, { joinMethod: string } & Omit<TotalPollerTiming, 'pollWhileDisconnectedMs'>>> = {
  // A screen is at most about 2 s behind the real total, whatever breaks.
  screens: { joinMethod: WATCH_METHOD, staleAfterMs: 1_000, staleJitterMs: 0, pollWhileStaleMs: 1_000 },
  // Up to 100k phones: a quiet spell after a push they all heard must not make them all ask at once.
  viewers: { joinMethod: FOLLOW_METHOD, staleAfterMs: 5_000, staleJitterMs: 2_000, pollWhileStaleMs: 5_000 },
};

export function liveSettings(options: LiveClientOptions): LiveSettings {
  const audience = AUDIENCES[options.audience ?? 'screens'];
  return {
    joinMethod: audience.joinMethod,
    createConnection: options.createConnection ?? createHubConnection,
    fetchSnapshot: options.fetchSnapshot ?? fetchTotalOverHttp,
    timing: {
      pollWhileDisconnectedMs: options.pollWhileDisconnectedMs ?? DEFAULT_POLL_MS,
      staleAfterMs: options.staleAfterMs ?? audience.staleAfterMs,
      staleJitterMs: options.staleJitterMs ?? audience.staleJitterMs,
      pollWhileStaleMs: options.pollWhileStaleMs ?? audience.pollWhileStaleMs,
    },
  };
}
