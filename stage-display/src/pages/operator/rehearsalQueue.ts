// Rehearsal pledges are practice, never money: a pledge typed while the event was in rehearsal and
// still on this device when the rehearsal is over (reset to draft, or the show opened) is thrown
// away, not sent into the live ledger. The server refuses a replay of one it already has (409);
// this covers the ones it never got.

import type { EventStatus, PledgeBody } from '../../lib/api';
import type { PledgeQueue } from '../../lib/queue';
import type { Entry } from './queueSummary';

export type DiscardCause = 'rehearsalEnded' | 'refused';

/** What the operator is told after rehearsal pledges left the queue unsent. */
export interface DiscardNotice {
  readonly cause: DiscardCause;
  readonly count: number;
  /** The server's words, for a refusal. */
  readonly reason?: string;
}

/** Whether a pledge typed now is a rehearsal pledge. */
export function typedInRehearsal(status: EventStatus | undefined): boolean {
  return status === 'rehearsal';
}

/**
 * The rehearsal pledges to take off this device, given the event's status as the server just said:
 * every unconfirmed one once the event is no longer in rehearsal.
 */
export function rehearsalLeftovers(entries: readonly Entry[], status: EventStatus): Entry[] {
  if (status === 'rehearsal') return [];
  return entries.filter((entry) => entry.rehearsal === true && entry.state !== 'confirmed');
}

/** Rehearsal pledges the server refused as a replay of a finished rehearsal: nothing to re-type. */
export function refusedRehearsal(entries: readonly Entry[]): Entry[] {
  return entries.filter((entry) => entry.rehearsal === true && entry.state === 'rejected' && entry.lastStatus === 409);
}

/**
 * Applies the rules to one desk's queue: told each status the server gives and each change of the
 * queue, it takes the rehearsal pledges off and reports a notice (counts add up until it is closed).
 */
export class RehearsalGuard {
  readonly #queue: PledgeQueue<PledgeBody>;
  readonly #notice: (cause: DiscardCause, removed: readonly Entry[]) => void;
  #serverStatus: EventStatus | undefined;

  constructor(queue: PledgeQueue<PledgeBody>, notice: (cause: DiscardCause, removed: readonly Entry[]) => void) {
    this.#queue = queue;
    this.#notice = notice;
  }

  /** Only the server's word counts (never the copy cached on this device): held rehearsal pledges wait for it. */
  get inRehearsal(): boolean {
    return this.#serverStatus === 'rehearsal';
  }

  /** True when this answer is the first to confirm the rehearsal (held pledges may go now). */
  statusFromServer(status: EventStatus): boolean {
    const confirmed = status === 'rehearsal' && this.#serverStatus !== 'rehearsal';
    this.#serverStatus = status;
    this.#discard(rehearsalLeftovers(this.#queue.entries(), status), 'rehearsalEnded');
    return confirmed;
  }

  /** True when it took entries off (that removal is a change of its own). */
  queueChanged(entries: readonly Entry[]): boolean {
    return this.#discard(refusedRehearsal(entries), 'refused');
  }

  #discard(entries: readonly Entry[], cause: DiscardCause): boolean {
    const removed = entries.length > 0 ? this.#queue.remove(new Set(entries.map((entry) => entry.id))) : [];
    if (removed.length > 0) this.#notice(cause, removed);
    return removed.length > 0;
  }
}

/** The notice after `removed` left, added to the one still shown for the same cause. */
export function addToNotice(shown: DiscardNotice | undefined, cause: DiscardCause, removed: readonly Entry[]): DiscardNotice {
  const count = removed.length + (shown?.cause === cause ? shown.count : 0);
  const reason = removed.find((entry) => entry.lastError)?.lastError ?? shown?.reason;
  return reason === undefined ? { cause, count } : { cause, count, reason };
}
