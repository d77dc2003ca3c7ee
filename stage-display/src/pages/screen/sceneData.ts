// What a scene other than the total shows, fetched from the server when the wall enters the scene and
// every five seconds while it is on: the honour roll, the thank-you roll, the approved messages, and
// the tier round's pledges, to which the round adds the stage pledges each push brings in between.

import type { Schemas } from '../../lib/types';
import type { Timers, WallItem } from './feedScheduler';

export type ShowState = Schemas['ShowState'];
export type SceneId = ShowState['scene'];
export type DataSceneId = Exclude<SceneId, 'total'>;
export type HonourRoll = Schemas['HonourRoll'];
export type ThanksRoll = Schemas['ThanksRoll'];
export type MessageWall = Schemas['MessageWall'];
export type TierRoundPledges = Schemas['TierRoundPledges'];

export interface SceneAnswers {
  honourRoll: HonourRoll;
  thanks: ThanksRoll;
  messages: MessageWall;
  tierRound: TierRoundPledges;
}

/** Reads one scene's data; rejects when the server cannot be reached or answers with an error. */
export type SceneFetch = <S extends DataSceneId>(eventId: string, scene: S) => Promise<SceneAnswers[S]>;

export const SCENE_REFRESH_MS = 5_000;
export const SCENE_RETRY_MS = 2_000;

const PATHS: Readonly<Record<DataSceneId, string>> = { honourRoll: 'honour-roll', thanks: 'thanks', tierRound: 'round', messages: 'messages' };

export const fetchSceneData: SceneFetch = async (eventId, scene) => {
  const url = `/api/events/${encodeURIComponent(eventId)}/scenes/${PATHS[scene]}`;
  const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as SceneAnswers[typeof scene];
};

/** The same scene, tier and start: a tier round pressed again is the same round. */
function keyOf(show: ShowState): string {
  return show.scene === 'tierRound' ? `tierRound:${show.tierFen}:${show.roundStartedAt ?? ''}` : show.scene;
}

export class SceneData {
  readonly #fetch: SceneFetch;
  readonly #timers: Timers;
  readonly #listeners = new Set<() => void>();
  #show: ShowState | null = null;
  #key = 'total';
  #answer: SceneAnswers[DataSceneId] | null = null;
  #timer: unknown;

  constructor(readonly eventId: string, fetch: SceneFetch, timers: Timers) {
    this.#fetch = fetch;
    this.#timers = timers;
  }

  /** The last answer for the scene on show, or null while the first is on its way. */
  answer<S extends DataSceneId>(scene: S): SceneAnswers[S] | null {
    return this.#show?.scene === scene ? (this.#answer as SceneAnswers[S] | null) : null;
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The answer shown now with what it answers, for the wall's cache; null on the total or before the first. */
  get kept(): { key: string; answer: unknown } | null {
    return this.#answer === null ? null : { key: this.#key, answer: this.#answer };
  }

  /** What a wall kept from before a reload: shown until the first read answers, if it is of the scene now followed. */
  seed(kept: { key: string; answer: unknown } | null | undefined): void {
    if (!kept || kept.key !== this.#key || this.#answer !== null || this.#key === 'total') return;
    this.#answer = kept.answer as SceneAnswers[DataSceneId];
    this.#emit();
  }

  /** Follows the show: a new scene (or round) drops the old answer and reads at once; the total reads nothing. */
  follow(show: ShowState): void {
    const key = keyOf(show);
    this.#show = show;
    if (key === this.#key) return;
    this.#key = key;
    this.#answer = null;
    this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    if (show.scene !== 'total') void this.#read(show.scene, key);
    this.#emit();
  }

  dispose(): void {
    this.#timers.clearTimeout(this.#timer);
    this.#key = 'disposed';
  }

  async #read(scene: DataSceneId, key: string): Promise<void> {
    let next = SCENE_REFRESH_MS;
    try {
      const answer = await this.#fetch(this.eventId, scene);
      if (key !== this.#key) return; // the controller moved on while it was on its way
      if (scene === 'tierRound' && !sameRound(answer as TierRoundPledges, this.#show)) {
        next = SCENE_RETRY_MS; // a node that has not yet seen the new round: ask again soon
      } else {
        this.#answer = answer;
        this.#emit();
      }
    } catch {
      if (key !== this.#key) return;
      next = SCENE_RETRY_MS; // keep what is shown; the server may be restarting
    }
    this.#timers.clearTimeout(this.#timer);
    this.#timer = this.#timers.setTimeout(() => void this.#read(scene, key), next);
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

function sameRound(round: TierRoundPledges, show: ShowState | null): boolean {
  if (!show || round.startedAt === null || show.roundStartedAt === null) return false;
  return round.tierFen === show.tierFen && Date.parse(round.startedAt) === Date.parse(show.roundStartedAt);
}

/** The round as the wall shows it: oldest first, newest last. */
export interface RoundView {
  tierFen: number;
  pledges: readonly WallItem[];
  count: number;
  totalFen: number;
}

/**
 * The round's pledges: the server's list, plus the stage pledges of the live feed recorded since the
 * round began that the list does not have yet, less the ones the feed has dropped (voided) since.
 * A pledge the feed no longer reaches back to is the server's word alone. The server lists the
 * newest of a long round and counts them all: a feed pledge older than its list is counted already.
 */
export function roundView(show: ShowState, fetched: TierRoundPledges | null, recent: readonly WallItem[]): RoundView {
  const time = (item: WallItem): number => Date.parse(item.recordedAt);
  const listed = fetched?.pledges ?? [];
  const startedMs = show.roundStartedAt === null ? Number.POSITIVE_INFINITY : Date.parse(show.roundStartedAt);
  const listStartsMs = fetched && listed.length < fetched.count && listed[0] ? time(listed[0]) : startedMs;
  const inFeed = new Set(recent.map((item) => item.pledgeId));
  const feedReachesMs = recent.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...recent.map(time));
  const kept = listed.filter((item) => inFeed.has(item.pledgeId) || time(item) < feedReachesMs);
  const dropped = listed.filter((item) => !kept.includes(item));
  const known = new Set(listed.map((item) => item.pledgeId));
  const added = recent
    .filter((item) => item.channel === 'stage' && !known.has(item.pledgeId) && time(item) >= Math.max(startedMs, listStartsMs))
    .sort((a, b) => time(a) - time(b));
  const sum = (items: readonly WallItem[]): number => items.reduce((total, item) => total + item.amountFen, 0);
  return {
    tierFen: show.tierFen,
    pledges: [...kept, ...added],
    count: (fetched?.count ?? 0) - dropped.length + added.length,
    totalFen: (fetched?.totalFen ?? 0) - sum(dropped) + sum(added),
  };
}
