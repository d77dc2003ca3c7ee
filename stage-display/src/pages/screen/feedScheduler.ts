// What the wall's feed shows next. A burst of placards arrives in one push; drawn as it came, the
// newest four rows would hide the rest (in a walk-through 11 of 15 sponsors never appeared). So new
// pledges queue, and each enters the feed only when the one before it has had its time: every
// name stays on the wall about `nameSeconds`, a long queue goes faster (never under the 2 s a name
// needs to be read), large pledges first. Nothing is dropped without a word: a queue that would lag
// too far, or pledges a snapshot no longer lists, fold into one "and N more gifts" row.

import type { FeedItem } from '../../lib/types';

/** A feed line as the wall has it: `nameHidden` arrives with the moderation round (missing means false). */
export type WallItem = FeedItem & { nameHidden?: boolean };

export type FeedEntry =
  | { kind: 'pledge'; id: string; item: WallItem }
  | { kind: 'more'; id: string; count: number; amountFen: number };

/** The timers the scheduler runs on; tests pass fake ones. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FeedOptions {
  rows: number;
  nameSeconds: number;
  /** Pending entries beyond this fold into one summary row (their pledges are not lost, only summed). */
  maxBacklog: number;
}

/** What the feed is given from a state: its recent pledges (newest first) and the pledge count. */
export interface FeedSource {
  recent: readonly WallItem[];
  pledgeCount: number;
}

export const DEFAULT_NAME_SECONDS = 4;
export const MIN_NAME_SECONDS = 2;
export const MAX_NAME_SECONDS = 15;
/** The server's feed holds this many: a pledge missing from a full feed may only have scrolled off. */
const SERVER_FEED_SIZE = 20;

/** The setting as the admin saved it, or the default for a missing or out-of-range one. */
export function nameSecondsOf(screen: { nameSeconds?: number } | undefined): number {
  const seconds = screen?.nameSeconds;
  return typeof seconds === 'number' && seconds >= MIN_NAME_SECONDS && seconds <= MAX_NAME_SECONDS ? seconds : DEFAULT_NAME_SECONDS;
}

export class FeedScheduler {
  readonly #timers: Timers;
  readonly #options: FeedOptions;
  readonly #listeners = new Set<() => void>();
  #rows: FeedEntry[] = [];
  #queue: FeedEntry[] = [];
  /** Every pledge id taken so far, with the order it arrived in (to tell a void from a scroll-off). */
  readonly #arrival = new Map<string, number>();
  #arrivals = 0;
  #pledgeCount: number | null = null;
  #lastEntryAt = Number.NEGATIVE_INFINITY;
  #timer: unknown;
  #summaries = 0;

  constructor(timers: Timers, options: Partial<FeedOptions> = {}) {
    this.#timers = timers;
    this.#options = { rows: 4, nameSeconds: DEFAULT_NAME_SECONDS, maxBacklog: 40, ...options };
  }

  /** The rows on the wall now, newest first. */
  get rows(): readonly FeedEntry[] {
    return this.#rows;
  }

  /** How many entries wait for their turn. */
  get backlog(): number {
    return this.#queue.length;
  }

  /** Calls `listener` whenever the rows change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setNameSeconds(seconds: number): void {
    this.#options.nameSeconds = seconds;
  }

  /**
   * Time between two entries: a row stays in view for `rows` entries, so `nameSeconds / rows` gives
   * each name its seconds; with more waiting than rows, faster, down to the 2 s floor.
   */
  entryIntervalMs(): number {
    const { rows, nameSeconds } = this.#options;
    const base = (nameSeconds * 1000) / rows;
    const floor = (MIN_NAME_SECONDS * 1000) / rows;
    const waiting = this.#queue.length;
    return Math.max(floor, waiting > rows ? (base * rows) / waiting : base);
  }

  /**
   * Takes a state. The first one is the baseline, shown at once; later ones queue what is new,
   * update what changed (a name hidden or shown again) and take out what was voided.
   */
  take(source: FeedSource): void {
    const baseline = this.#pledgeCount === null;
    const fresh = source.recent.filter((item) => !this.#arrival.has(item.pledgeId));
    // Oldest first, so a later pledge has a higher arrival number.
    for (const item of [...fresh].reverse()) this.#arrival.set(item.pledgeId, this.#arrivals++);
    const unlisted = baseline ? 0 : Math.max(0, source.pledgeCount - (this.#pledgeCount ?? 0) - fresh.length);
    this.#pledgeCount = source.pledgeCount;

    const listed = new Map(source.recent.map((item) => [item.pledgeId, item]));
    const oldestListed = Math.min(...source.recent.map((item) => this.#arrival.get(item.pledgeId) ?? 0));
    const removed = (id: string): boolean =>
      !listed.has(id) && (source.recent.length < SERVER_FEED_SIZE || (this.#arrival.get(id) ?? -1) > oldestListed);
    const refresh = (entry: FeedEntry): FeedEntry =>
      entry.kind === 'pledge' && (listed.get(entry.id) ?? entry.item) !== entry.item ? { ...entry, item: listed.get(entry.id) ?? entry.item } : entry;

    const rowsBefore = this.#rows;
    this.#rows = this.#rows.filter((entry) => !removed(entry.id)).map(refresh);
    this.#queue = this.#queue.filter((entry) => !removed(entry.id)).map(refresh);
    this.#forgetUnlisted(listed);

    if (baseline) {
      this.#rows = source.recent.slice(0, this.#options.rows).map(pledgeEntry);
    } else {
      this.#enqueue(fresh.map(pledgeEntry), unlisted);
    }
    const changed = rowsBefore.length !== this.#rows.length || rowsBefore.some((entry, index) => entry !== this.#rows[index]);
    this.#pump(changed);
  }

  /** Stops the timer (the page is going away). */
  dispose(): void {
    this.#timers.clearTimeout(this.#timer);
  }

  #enqueue(entries: FeedEntry[], unlisted: number): void {
    // Stable: among equal amounts, the earlier pledge goes first.
    const queue = [...this.#queue, ...[...entries].reverse()];
    queue.sort((a, b) => amountOf(b) - amountOf(a));
    const kept = queue.slice(0, this.#options.maxBacklog);
    const folded = queue.slice(this.#options.maxBacklog);
    const count = unlisted + folded.reduce((sum, entry) => sum + (entry.kind === 'more' ? entry.count : 1), 0);
    if (count > 0) {
      // A pledge the state does not list has no amount to add; the row counts it anyway.
      const amountFen = folded.reduce((sum, entry) => sum + amountOf(entry), 0);
      kept.push({ kind: 'more', id: `more-${++this.#summaries}`, count, amountFen });
    }
    this.#queue = kept;
  }

  /** Moves the next entry in when its time has come, and sets the timer for the one after. */
  #pump(changed: boolean): void {
    this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    const now = this.#timers.now();
    const interval = this.entryIntervalMs();
    const next = this.#queue[0];
    if (next && now - this.#lastEntryAt >= interval) {
      this.#queue.shift();
      this.#rows = [next, ...this.#rows].slice(0, this.#options.rows);
      this.#lastEntryAt = now;
      changed = true;
    }
    if (this.#queue.length > 0) {
      const wait = Math.max(0, this.#lastEntryAt + this.entryIntervalMs() - now);
      this.#timer = this.#timers.setTimeout(() => this.#pump(false), wait);
    }
    if (changed) for (const listener of [...this.#listeners]) listener();
  }

  /** Keeps the arrival book to what may still matter: listed, queued or on the wall. */
  #forgetUnlisted(listed: ReadonlyMap<string, WallItem>): void {
    const keep = new Set([...listed.keys(), ...this.#rows.map((entry) => entry.id), ...this.#queue.map((entry) => entry.id)]);
    for (const id of this.#arrival.keys()) if (!keep.has(id)) this.#arrival.delete(id);
  }
}

function pledgeEntry(item: WallItem): FeedEntry {
  return { kind: 'pledge', id: item.pledgeId, item };
}

function amountOf(entry: FeedEntry): number {
  return entry.kind === 'pledge' ? entry.item.amountFen : -1; // a summary row goes last
}
