// The live half of the phone page, without DOM: the event (title, status, tiers) fetched over HTTP,
// the running total and feed from the live client, and what the views draw from both. The rehearsal
// mark and the stand-in names are decided here, so the rules are tested in Vitest.

import type { LiveStatus } from '../../lib/liveClient';
import { isConfigurationChange, type EventStatus, type PublicEvent } from '../../lib/publicEvent';
import type { DonorKind, FeedItem, PledgeChannel, TotalSnapshot } from '../../lib/types';

/** `rehearsal` joins the statuses with the rehearsal helper's change (contract); until then it never comes. */
export type ViewerEventStatus = EventStatus | 'rehearsal';

/** A feed line with the moderation fields of the contract; missing `nameHidden` means false. */
export type ViewerFeedItem = FeedItem & { nameHidden?: boolean; message?: string | null };

/** A snapshot with the rehearsal flag of the contract; missing means false. */
export type ViewerSnapshot = TotalSnapshot & { rehearsal?: boolean };

/** What the page needs of the live client (LiveClient has it); a test drives a fake. */
export interface LiveSource {
  onState(listener: (state: Readonly<TotalSnapshot>, previous: Readonly<TotalSnapshot> | null) => void): unknown;
  onStatusChange(listener: (status: LiveStatus) => void): unknown;
  onConnectionChange(listener: (connected: boolean) => void): unknown;
  onUnknownEvent(listener: () => void): unknown;
  start(): void;
  stop(): Promise<void>;
}

export interface LiveStoreDeps {
  fetchEvent: (eventId: string) => Promise<PublicEvent | null>;
  /** Runs `task` after `ms`; tests run it when they choose. */
  later: (task: () => void, ms: number) => void;
  random: () => number;
}

/** The donor's line: the name as typed, or a stand-in to say in the page's language. */
export type FeedName = { typed: string } | { standIn: DonorKind };

export interface FeedRow {
  pledgeId: string;
  channel: PledgeChannel;
  name: FeedName;
  amountFen: number;
  recordedAt: string;
  /** An approved 留言, shown under the donor's line. */
  message: string | null;
}

export const FEED_ROWS = 10;
const EVENT_RETRY_MS = 5_000;
/** Thousands of phones see the same change at once: their event requests spread over this long. */
const EVENT_SPREAD_MS = 3_000;

/** A change the views draw: `grew` when the total went up (the total's little bump). */
export type LiveChange = { grew: boolean };

export class LiveViewStore {
  #event: PublicEvent | null = null;
  #state: Readonly<ViewerSnapshot> | null = null;
  #status: LiveStatus = 'disconnected';
  #unknown = false;
  #everConnected = false;
  readonly #listeners = new Set<(change: LiveChange) => void>();

  constructor(readonly eventId: string, private readonly source: LiveSource, private readonly deps: LiveStoreDeps) {
    source.onState((current, previous) => {
      this.#state = current;
      if (isConfigurationChange(previous, current)) {
        this.#loadEventSoon();
      }
      this.#emit({ grew: previous !== null && current.totalFen > previous.totalFen });
    });
    source.onStatusChange((status) => {
      this.#status = status;
      this.#emit({ grew: false });
    });
    source.onConnectionChange((connected) => {
      if (connected && this.#everConnected) {
        this.#loadEventSoon(); // what changed while the hub was away may not be in the snapshot
      }
      this.#everConnected ||= connected;
    });
    source.onUnknownEvent(() => this.#markUnknown());
  }

  subscribe(listener: (change: LiveChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    if (this.eventId === '') {
      this.#markUnknown();
      return;
    }
    this.source.start();
    void this.reloadEvent();
  }

  /** Fetches the event again; resolves to whether it takes gifts now. */
  async reloadEvent(): Promise<boolean> {
    try {
      const found = await this.deps.fetchEvent(this.eventId);
      if (found === null) {
        this.#markUnknown();
      } else {
        this.#event = found;
        this.#emit({ grew: false });
      }
    } catch {
      if (this.#event === null) {
        this.deps.later(() => void this.reloadEvent(), EVENT_RETRY_MS);
      }
    }
    return this.acceptsGifts;
  }

  get event(): Readonly<PublicEvent> | null {
    return this.#event;
  }

  get snapshot(): Readonly<ViewerSnapshot> | null {
    return this.#state;
  }

  get status(): LiveStatus {
    return this.#status;
  }

  /** True once the server said there is no such event: the page says so and stops listening. */
  get unknownEvent(): boolean {
    return this.#unknown;
  }

  /** The admin's title; empty until either the event or the total has come. */
  get title(): string {
    return this.#state?.title || this.#event?.title || '';
  }

  get roundTitle(): string {
    return (this.#state?.screen.roundTitle ?? this.#event?.screen.roundTitle ?? '').trim();
  }

  /** A live event takes gifts; so does one in rehearsal (the server decides which cashier may take them). */
  get acceptsGifts(): boolean {
    const status = this.#event?.status as ViewerEventStatus | undefined;
    return status === 'live' || status === 'rehearsal';
  }

  /** The snapshot or push says so; before they carry the flag, the event's status does. */
  get rehearsal(): boolean {
    const status = this.#event?.status as ViewerEventStatus | undefined;
    return this.#state?.rehearsal ?? status === 'rehearsal';
  }

  get goalFen(): number {
    return this.#state?.goalFen || this.#event?.goalFen || 0;
  }

  /** Progress towards the goal in tenths of a percent, truncated (never more than there is), at most 1000. */
  get progressTenths(): number {
    const goal = this.goalFen;
    const total = this.#state?.totalFen ?? 0;
    return goal > 0 ? Math.min(1000, Math.floor((total * 1000) / goal)) : 0;
  }

  get feed(): FeedRow[] {
    return (this.#state?.recent ?? []).slice(0, FEED_ROWS).map((item) => feedRow(item));
  }

  #loadEventSoon(): void {
    this.deps.later(() => void this.reloadEvent(), this.deps.random() * EVENT_SPREAD_MS);
  }

  #markUnknown(): void {
    if (this.#unknown) {
      return; // the hub and the event lookup may both say so
    }
    this.#unknown = true;
    this.source.stop().catch(() => undefined);
    this.#emit({ grew: false });
  }

  #emit(change: LiveChange): void {
    for (const listener of [...this.#listeners]) {
      listener(change);
    }
  }
}

/** A stand-in (by the donor's kind) when the server hid the name, or when there is no name at all. */
export function feedRow(item: ViewerFeedItem): FeedRow {
  const typed = item.displayName.trim();
  const message = item.message?.trim() ?? '';
  return {
    pledgeId: item.pledgeId,
    channel: item.channel,
    name: item.nameHidden === true || typed === '' ? { standIn: item.donorKind } : { typed },
    amountFen: item.amountFen,
    recordedAt: item.recordedAt,
    message: message === '' ? null : message,
  };
}
