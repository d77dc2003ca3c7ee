import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { totalShow } from '../../lib/liveClient.fixtures';
import { CELEBRATION_MS } from './celebrations';
import type { SceneFetch } from './sceneData';
import { event, memory, snapshot, wall } from './wallStore.fixtures';

const milestones = { milestonesReached: [1_000_000_00] };

describe('WallStore following the show', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('switches to the scene the controller chose and reads its data', async () => {
    const fetchScene = vi.fn(async () => ({ messages: [{ pledgeId: 'p1', message: '加油', name: '张三', amountFen: 100 }] }));
    const { store, live } = wall(memory(), undefined, async () => event, fetchScene as unknown as SceneFetch);
    const changes: string[] = [];
    store.subscribe((change) => changes.push(change));
    store.start();
    live.state(snapshot(1, 100), null);
    expect(store.scene).toBe('total');

    live.state(snapshot(2, 100, { show: { ...totalShow, scene: 'messages' } }), null);
    expect(store.scene).toBe('messages');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchScene).toHaveBeenCalledWith('gala', 'messages');
    expect(store.sceneData.answer('messages')?.messages).toHaveLength(1);
    expect(changes).toContain('scene');
  });

  it('opens on the scene it kept, and reads a kept state of an older build as the total', () => {
    const storage = memory();
    const first = wall(storage);
    first.store.start();
    first.live.state(snapshot(3, 100, { show: { ...totalShow, scene: 'thanks' } }), null);
    const reloaded = wall(storage);
    reloaded.store.start();
    expect(reloaded.store.scene).toBe('thanks');

    const old = memory();
    const { show: _, ...withoutShow } = snapshot(3, 100);
    old.setItem('charityday.wall.v1.gala', JSON.stringify({ snapshot: withoutShow, event: null, scene: 'total', savedAt: 1 }));
    const fromOld = wall(old);
    fromOld.store.start();
    expect(fromOld.store.scene).toBe('total');
    expect(fromOld.store.show.holdCelebrations).toBe(false);
  });

  it('a wall reloaded while the server is unreachable shows the scene filled with what it last read', async () => {
    const storage = memory();
    const roll = { enterprises: [{ name: '本轮集团', amountFen: 500_00, pledgeCount: 1 }], individuals: [], organizations: [] };
    const first = wall(storage, undefined, async () => event, vi.fn(async () => roll) as unknown as SceneFetch);
    first.store.start();
    first.live.state(snapshot(3, 500_00, { show: { ...totalShow, scene: 'honourRoll' } }), null);
    await vi.advanceTimersByTimeAsync(0);

    const offline = vi.fn(async () => { throw new Error('offline'); });
    const reloaded = wall(storage, undefined, offline, offline as unknown as SceneFetch);
    reloaded.store.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(reloaded.store.scene).toBe('honourRoll');
    expect(reloaded.store.sceneData.answer('honourRoll')?.enterprises[0]?.name).toBe('本轮集团');
    expect(offline).toHaveBeenCalled();
  });

  it('holds a milestone back while the controller holds celebrations, and celebrates it on the cue', async () => {
    const { store, live } = wall(memory());
    store.start();
    const held = { ...totalShow, holdCelebrations: true };
    live.state(snapshot(1, 100, { show: held }), null);
    live.state(snapshot(2, 1_000_000_00, { ...milestones, show: held }), null);
    expect(store.celebrations.showing).toBeNull();

    live.state(snapshot(3, 1_000_000_00, { ...milestones, show: { ...held, celebrationFen: 1_000_000_00, celebrationCue: 1 } }), null);
    expect(store.celebrations.showing).toBe(1_000_000_00);
    await vi.advanceTimersByTimeAsync(CELEBRATION_MS);
    expect(store.celebrations.showing).toBeNull();
    live.state(snapshot(4, 1_000_000_00, { ...milestones, show: { ...held, celebrationFen: 1_000_000_00, celebrationCue: 1 } }), null);
    expect(store.celebrations.showing).toBeNull(); // the same cue again is not a new one
  });

  it('does not replay a cue it saw before a reload, nor one from before the page opened', () => {
    const cued = { ...totalShow, celebrationFen: 1_000_000_00, celebrationCue: 4 };
    const storage = memory();
    const first = wall(storage);
    first.store.start();
    first.live.state(snapshot(1, 1_000_000_00, { ...milestones, show: cued }), null);
    expect(first.store.celebrations.showing).toBeNull(); // cued before this wall opened

    const reloaded = wall(storage);
    reloaded.store.start();
    reloaded.live.state(snapshot(2, 1_000_000_00, { ...milestones, show: cued }), null);
    expect(reloaded.store.celebrations.showing).toBeNull();
    reloaded.live.state(snapshot(3, 1_000_000_00, { ...milestones, show: { ...cued, celebrationCue: 5 } }), null);
    expect(reloaded.store.celebrations.showing).toBe(1_000_000_00);

    const fresh = wall(memory());
    fresh.store.start();
    fresh.live.state(snapshot(2, 1_000_000_00, { ...milestones, show: cued }), null);
    expect(fresh.store.celebrations.count).toBe(0);
  });
});
