// The server's JSON, as the minimal API and the SignalR hub send it: camelCase properties, enums as
// camelCase strings, amounts as integer fen (64-bit on the server, well inside 2^53 here).

export type PledgeChannel = 'stage' | 'online';

export type DonorKind = 'enterprise' | 'organization' | 'individual';

/** The running total split by where the money came from. */
export interface ChannelTotals {
  stageFen: number;
  onlineFen: number;
  stageCount: number;
  onlineCount: number;
}

/** One line of the recent-pledges feed; the name is already "爱心人士" for an anonymous donor. */
export interface FeedItem {
  pledgeId: string;
  displayName: string;
  amountFen: number;
  channel: PledgeChannel;
  donorKind: DonorKind;
  recordedAt: string;
}

/** What the admin sets for the big screen: the round now on stage and whether donor names show. */
export interface ScreenSettings {
  roundTitle: string;
  showDonorNames: boolean;
}

/**
 * Everything a screen needs from nothing: `Watch(eventId)` / `Follow(eventId)` (null when there is no
 * such event) and `GET /api/events/{id}/total`.
 */
export interface TotalSnapshot {
  eventId: string;
  version: number;
  totalFen: number;
  pledgeCount: number;
  goalFen: number;
  byChannel: ChannelTotals;
  /** Newest first, at most 20. */
  recent: FeedItem[];
  milestonesReached: number[];
  title: string;
  screen: ScreenSettings;
}

/** The hub's `total` message: the totals plus what changed since the push of `previousVersion`. */
export interface TotalPush {
  eventId: string;
  version: number;
  previousVersion: number;
  totalFen: number;
  pledgeCount: number;
  goalFen: number;
  byChannel: ChannelTotals;
  /** In the order they were recorded, oldest first. With `feedReset`, the whole feed (up to 20). */
  newPledges: FeedItem[];
  /**
   * True when `newPledges` is the whole feed to show, not what is new: the admin hid the donor names
   * or showed them again, and every screen already running must redraw the feed. Missing means false.
   */
  feedReset?: boolean;
  voidedPledgeIds: string[];
  milestonesReached: number[];
  title: string;
  screen: ScreenSettings;
}
