// The client's half of invariant 5: never show an older version after a newer one, and after a gap
// fetch a full snapshot. Pure logic; the SignalR wiring lives in the pages.

import type { FeedItem, TotalPush, TotalSnapshot } from './types';

export const FEED_SIZE = 20;

export type PushResult = 'applied' | 'stale' | 'gap';

/** The rehearsal flag the server adds to snapshots and pushes (missing means false), until types.ts has it. */
type MaybeRehearsal = { rehearsal?: boolean };

/** The latest running total of one event, as a screen should draw it. */
export class LiveTotalState {
  #snapshot: TotalSnapshot | null = null;

  constructor(readonly eventId: string) {}

  /** The current state, or null before the first snapshot. */
  get current(): Readonly<TotalSnapshot> | null {
    return this.#snapshot;
  }

  /** Takes a full snapshot unless it is older than what is shown; returns whether it was taken. */
  applySnapshot(snapshot: TotalSnapshot): boolean {
    if (snapshot.eventId !== this.eventId || (this.#snapshot && snapshot.version < this.#snapshot.version)) {
      return false;
    }
    this.#snapshot = {
      ...snapshot,
      byChannel: { ...snapshot.byChannel },
      recent: snapshot.recent.slice(0, FEED_SIZE),
      milestonesReached: [...snapshot.milestonesReached],
      screen: { ...snapshot.screen },
    };
    return true;
  }

  /**
   * Applies a newer push that starts at or before the shown version. 'stale': already shown, ignore it.
   * 'gap': something was missed (or no snapshot yet): fetch a snapshot; nothing was applied.
   * A push of another event is ignored as 'stale'. A push with `feedReset` replaces the shown feed
   * with its pledges instead of merging them in.
   */
  applyPush(push: TotalPush): PushResult {
    const shown = this.#snapshot;
    if (push.eventId !== this.eventId || (shown && push.version <= shown.version)) {
      return 'stale';
    }
    // A snapshot is usually read between two pushes, so the next push starts before it. That push
    // still covers everything since the shown version (totals are absolute, its pledges and voids
    // merge by id), so it applies; treating it as a gap would re-fetch after every push while
    // pledges keep coming.
    if (!shown || push.previousVersion > shown.version) {
      return 'gap';
    }
    this.#snapshot = {
      eventId: shown.eventId,
      version: push.version,
      totalFen: push.totalFen,
      pledgeCount: push.pledgeCount,
      goalFen: push.goalFen,
      byChannel: { ...push.byChannel },
      // A reset (names hidden or shown again) resends the whole feed: what it lacks is gone.
      recent: mergeFeed(push.feedReset === true ? [] : shown.recent, push.newPledges, push.voidedPledgeIds),
      milestonesReached: [...push.milestonesReached],
      title: push.title,
      screen: { ...push.screen },
      // What the screen controller has on the big screen: a push carries all of it (one from an older node, none).
      show: push.show ? { ...push.show } : shown.show,
      // A push says whether the event is (still) in rehearsal: the mark must follow it.
      ...('rehearsal' in push ? { rehearsal: (push as TotalPush & MaybeRehearsal).rehearsal === true } : {}),
    } as TotalSnapshot & MaybeRehearsal;
    return 'applied';
  }
}

/** Newest first: the push's pledges (sent oldest first) on top, duplicates and voided ones out. */
function mergeFeed(recent: readonly FeedItem[], added: readonly FeedItem[], voided: readonly string[]): FeedItem[] {
  const gone = new Set(voided);
  const seen = new Set<string>();
  const merged: FeedItem[] = [];
  for (const item of [...added].reverse().concat(recent)) {
    if (!gone.has(item.pledgeId) && !seen.has(item.pledgeId) && merged.length < FEED_SIZE) {
      seen.add(item.pledgeId);
      merged.push(item);
    }
  }
  return merged;
}

/** The milestones in `after` that were not in `before`, ascending: the ones to celebrate now. */
export function newlyReachedMilestones(before: readonly number[], after: readonly number[]): number[] {
  const known = new Set(before);
  return [...new Set(after)].filter((milestone) => !known.has(milestone)).sort((a, b) => a - b);
}

/**
 * Which milestones a screen celebrates. Reached milestones follow the total, so a void that takes it
 * back below one removes it, and crossing it again is celebrated again (a mistaken 10亿 entry voided
 * on the night must not spend the real 2亿 moment). The first state is the baseline: what was reached
 * before the page loaded is not celebrated on a reload.
 */
export class MilestoneCelebrations {
  #reached: number[] | null = null;

  /** Takes the reached milestones of the state just applied; returns the ones to celebrate now, ascending. */
  toCelebrate(reached: readonly number[]): number[] {
    const before = this.#reached;
    this.#reached = [...reached];
    return before === null ? [] : newlyReachedMilestones(before, reached);
  }
}
