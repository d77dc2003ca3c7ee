// What the wall's store tests share: a state, an event, a live source the test drives, and storage.

import { vi } from 'vitest';
import type { LiveStatus, StateListener } from '../../lib/liveClient';
import { totalShow } from '../../lib/liveClient.fixtures';
import type { PublicEvent } from '../../lib/publicEvent';
import type { TotalSnapshot } from '../../lib/types';
import type { SceneFetch } from './sceneData';
import { WallCache, type KeyValueStore } from './wallCache';
import { WallStore, type LiveSource } from './wallStore';

export function snapshot(version: number, totalFen: number, extra: Partial<TotalSnapshot> & { rehearsal?: boolean } = {}): TotalSnapshot {
  return {
    eventId: 'gala', version, totalFen, pledgeCount: version, goalFen: 100_000_000_00,
    byChannel: { stageFen: totalFen, onlineFen: 0, stageCount: version, onlineCount: 0 },
    recent: [], milestonesReached: [], title: '慈善晚会', screen: { roundTitle: '', showDonorNames: true, nameSeconds: 4 }, rehearsal: false, show: totalShow, ...extra,
  };
}

export const event: PublicEvent = { id: 'gala', title: '慈善晚会', goalFen: 100_000_000_00, tiersFen: [], milestonesFen: [], status: 'live', desks: [], screen: { roundTitle: '', showDonorNames: true, nameSeconds: 4 }, timeZone: 'Asia/Shanghai' };

export class FakeLive implements LiveSource {
  state: StateListener = () => undefined;
  status: (status: LiveStatus) => void = () => undefined;
  unknown: () => void = () => undefined;
  started = false;
  onState(listener: StateListener) { this.state = listener; return () => undefined; }
  onStatusChange(listener: (status: LiveStatus) => void) { this.status = listener; return () => undefined; }
  onConnectionChange() { return () => undefined; }
  onUnknownEvent(listener: () => void) { this.unknown = listener; return () => undefined; }
  start() { this.started = true; }
  async stop() { this.started = false; }
}

export function memory(): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

export const timers = { now: () => Date.now(), setTimeout: (run: () => void, ms: number) => setTimeout(run, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };

export function wall(storage: KeyValueStore, live = new FakeLive(), fetchEvent: () => Promise<PublicEvent | null> = async () => event,
  fetchScene: SceneFetch = vi.fn(async () => { throw new Error('no scene data in this test'); })) {
  return { live, store: new WallStore('gala', { live, fetchEvent, fetchScene, cache: new WallCache('gala', storage), timers }) };
}
