// The wall's state, without a DOM: the live total (or, until it comes, the last one this wall
// showed), the event around it, how the total is arriving, which scene is on, and what the feed and
// the milestone banner show next. Views draw it; the controller wires them.

import type { LiveStatus, StateListener } from '../../lib/liveClient';
import { isConfigurationChange, type PublicEvent } from '../../lib/publicEvent';
import type { TotalSnapshot } from '../../lib/types';
import { CelebrationQueue } from './celebrations';
import { FeedScheduler, nameSecondsOf, type Timers, type WallItem } from './feedScheduler';
import { roundView, SceneData, type RoundView, type SceneFetch, type SceneId, type ShowState } from './sceneData';
import type { WallCache } from './wallCache';

export type { SceneId } from './sceneData';

/** What a wall shows before any state says otherwise (and for a state kept by an older build). */
export const DEFAULT_SHOW: ShowState = { scene: 'total', tierFen: 0, roundStartedAt: null, holdCelebrations: false, celebrationFen: 0, celebrationCue: 0 };

/** A state as the wall reads it: the fields of later rounds are optional until types.ts has them. */
export type WallSnapshot = Readonly<TotalSnapshot> & { rehearsal?: boolean; recent: readonly WallItem[]; screen: TotalSnapshot['screen'] & { nameSeconds?: number } };

/** The status a public event has, with the rehearsal of this round (publicEvent.ts predates it). */
export type WallEvent = Omit<PublicEvent, 'status'> & { status: PublicEvent['status'] | 'rehearsal' };

/** What the live client gives the wall (LiveClient; a fake in tests). */
export interface LiveSource {
  onState(listener: StateListener): () => void;
  onStatusChange(listener: (status: LiveStatus) => void): () => void;
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  onUnknownEvent(listener: () => void): () => void;
  start(): void;
  stop(): Promise<void>;
}

export interface WallDependencies {
  live: LiveSource;
  fetchEvent: (eventId: string) => Promise<PublicEvent | null>;
  fetchScene: SceneFetch;
  cache: WallCache;
  timers: Timers;
}

export type WallChange = 'state' | 'status' | 'feed' | 'scene' | 'celebration' | 'unknown';

const EVENT_REFRESH_MS = 60_000;
const EVENT_RETRY_MS = 5_000;

export class WallStore {
  readonly feed: FeedScheduler;
  readonly celebrations: CelebrationQueue;
  readonly sceneData: SceneData;
  readonly #deps: WallDependencies;
  readonly #listeners = new Set<(change: WallChange) => void>();
  #snapshot: WallSnapshot | null = null;
  #event: WallEvent | null = null;
  #status: LiveStatus | null = null;
  #fromCache = false;
  #unknown = false;
  /** The controller's last celebration cue this page has seen; null until a state says. */
  #cueSeen: number | null = null;
  #eventTimer: unknown;

  constructor(readonly eventId: string, deps: WallDependencies) {
    this.#deps = deps;
    this.feed = new FeedScheduler(deps.timers);
    this.celebrations = new CelebrationQueue(deps.timers);
    this.sceneData = new SceneData(eventId, deps.fetchScene, deps.timers);
    this.feed.onChange(() => this.#emit('feed'));
    this.sceneData.onChange(() => {
      this.#save();
      this.#emit('scene');
    });
    this.celebrations.onChange(() => this.#emit('celebration'));
  }

  get snapshot(): WallSnapshot | null {
    return this.#snapshot;
  }

  get event(): WallEvent | null {
    return this.#event;
  }

  /** Null until the live client says how it gets the total. */
  get status(): LiveStatus | null {
    return this.#status;
  }

  /** True while the wall shows what it kept from before the reload, not yet a live state. */
  get fromCache(): boolean {
    return this.#fromCache;
  }

  get unknownEvent(): boolean {
    return this.#unknown;
  }

  /** What the screen controller has on the wall. */
  get show(): ShowState {
    return this.#snapshot?.show ?? DEFAULT_SHOW;
  }

  get scene(): SceneId {
    return this.show.scene;
  }

  /** The tier round as shown: the server's list with the stage pledges pushed since. */
  get round(): RoundView {
    return roundView(this.show, this.sceneData.answer('tierRound'), this.#snapshot?.recent ?? []);
  }

  /** True while the event is in rehearsal: every screen marks it. */
  get rehearsal(): boolean {
    return this.#snapshot?.rehearsal === true || this.#event?.status === 'rehearsal';
  }

  subscribe(listener: (change: WallChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Shows what the wall kept, then starts following the live total. */
  start(): void {
    const kept = this.#deps.cache.read();
    if (kept?.snapshot && kept.snapshot.eventId === this.eventId) {
      this.#fromCache = true;
      this.#event = kept.event as WallEvent | null;
      this.#show(kept.snapshot as WallSnapshot);
      this.sceneData.seed(kept.sceneData);
    }
    const { live } = this.#deps;
    live.onState((current, previous) => {
      const fromCache = this.#fromCache;
      this.#fromCache = false;
      this.#show(current as WallSnapshot);
      if (fromCache || isConfigurationChange(previous, current)) void this.loadEvent();
    });
    live.onStatusChange((status) => {
      this.#status = status;
      this.#emit('status');
    });
    live.onConnectionChange((connected) => {
      if (connected) void this.loadEvent(); // the status may have changed while away
    });
    live.onUnknownEvent(() => this.#markUnknown());
    if (this.eventId === '') {
      this.#markUnknown();
      return;
    }
    live.start();
    void this.loadEvent();
  }

  /** Fetches the event (title, goal, status, milestones); again every minute, sooner after a failure. */
  async loadEvent(): Promise<void> {
    const { timers } = this.#deps;
    timers.clearTimeout(this.#eventTimer);
    let next = EVENT_REFRESH_MS;
    try {
      const found = await this.#deps.fetchEvent(this.eventId);
      if (found === null) {
        this.#markUnknown();
        return;
      }
      this.#event = found as WallEvent;
      this.#save();
      this.#emit('state');
    } catch {
      next = EVENT_RETRY_MS; // the server may be restarting: the live client covers the total meanwhile
    }
    timers.clearTimeout(this.#eventTimer); // two loads may overlap: keep one timer
    this.#eventTimer = timers.setTimeout(() => void this.loadEvent(), next);
  }

  dispose(): void {
    this.#deps.timers.clearTimeout(this.#eventTimer);
    this.feed.dispose();
    this.celebrations.dispose();
    this.sceneData.dispose();
    void this.#deps.live.stop().catch(() => undefined);
  }

  #show(snapshot: WallSnapshot): void {
    this.#snapshot = snapshot;
    this.feed.setNameSeconds(nameSecondsOf(snapshot.screen));
    this.feed.take(snapshot);
    // A kept state is only the baseline: its milestones (and its cue) were celebrated before the reload.
    const show = snapshot.show ?? DEFAULT_SHOW;
    this.celebrations.hold(show.holdCelebrations);
    this.celebrations.take(snapshot.milestonesReached);
    if (this.#cueSeen !== null && show.celebrationCue > this.#cueSeen) this.celebrations.cue(show.celebrationFen, snapshot.milestonesReached);
    if (snapshot.show) this.#cueSeen = show.celebrationCue;
    this.sceneData.follow(show);
    if (!this.#fromCache) this.#save();
    this.#emit('state');
  }

  #save(): void {
    if (!this.#fromCache && this.#snapshot) {
      this.#deps.cache.write({ snapshot: this.#snapshot, event: this.#event as PublicEvent | null, scene: this.scene,
        sceneData: this.sceneData.kept, savedAt: this.#deps.timers.now() });
    }
  }

  #markUnknown(): void {
    if (this.#unknown) return; // the hub and the event lookup may both say so
    this.#unknown = true;
    this.#deps.timers.clearTimeout(this.#eventTimer);
    void this.#deps.live.stop().catch(() => undefined);
    this.#emit('unknown');
  }

  #emit(change: WallChange): void {
    for (const listener of [...this.#listeners]) listener(change);
  }
}
