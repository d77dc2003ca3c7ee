// What the queue amounts to for the operator: how many pledges still wait, whether something was
// refused, and which entries the list shows.

import type { PledgeBody } from '../../lib/api';
import type { QueueEntry } from '../../lib/queue';

export type Entry = QueueEntry<PledgeBody>;

export type QueueChipState = 'ok' | 'pending' | 'offline' | 'signedOut' | 'rejected';

export interface QueueSummary {
  state: QueueChipState;
  /** Queued or being sent: not yet in the ledger as far as this device knows. */
  pending: number;
  rejected: number;
  /** While offline: seconds to the next try (0: trying now). */
  retryInSeconds: number;
}

export interface QueueConditions {
  signedOut: boolean;
  offline: boolean;
  retryAt: number | undefined;
  now: number;
}

/** Pledges this device holds that the server has not confirmed yet. */
export function waitingCount(entries: readonly Entry[]): number {
  return entries.filter((entry) => entry.state === 'queued' || entry.state === 'sending').length;
}

export function summarizeQueue(entries: readonly Entry[], dismissed: ReadonlySet<string>, conditions: QueueConditions): QueueSummary {
  const pending = waitingCount(entries);
  const rejected = entries.filter((entry) => entry.state === 'rejected' && !dismissed.has(entry.id)).length;
  const retryInSeconds = conditions.retryAt === undefined ? 0 : Math.max(0, Math.ceil((conditions.retryAt - conditions.now) / 1000));
  let state: QueueChipState = 'ok';
  if (conditions.signedOut) state = 'signedOut';
  else if (conditions.offline && pending > 0) state = 'offline';
  else if (pending > 0) state = 'pending';
  else if (rejected > 0) state = 'rejected';
  return { state, pending, rejected, retryInSeconds };
}

/** Newest first: everything not yet confirmed, and the last six confirmed. */
export function visibleEntries(entries: readonly Entry[], dismissed: ReadonlySet<string>): Entry[] {
  const newestFirst = [...entries].reverse().filter((entry) => !dismissed.has(entry.id));
  const done = new Set(newestFirst.filter((entry) => entry.state === 'confirmed').slice(0, 6));
  return newestFirst.filter((entry) => entry.state !== 'confirmed' || done.has(entry));
}
