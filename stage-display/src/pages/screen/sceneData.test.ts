import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { totalShow } from '../../lib/liveClient.fixtures';
import type { WallItem } from './feedScheduler';
import { roundView, SCENE_REFRESH_MS, SCENE_RETRY_MS, SceneData, type SceneFetch, type ShowState, type TierRoundPledges } from './sceneData';
import { timers } from './wallStore.fixtures';

const started = '2026-12-31T12:00:00.000Z';
const round: ShowState = { ...totalShow, scene: 'tierRound', tierFen: 10_000_000_00, roundStartedAt: started };

function pledge(id: string, secondsIn: number, amountFen: number, channel: 'stage' | 'online' = 'stage'): WallItem {
  return { pledgeId: id, displayName: `捐赠人${id}`, amountFen, channel, donorKind: 'enterprise', message: null, nameHidden: false,
    recordedAt: new Date(Date.parse(started) + secondsIn * 1000).toISOString() };
}

function listed(pledges: WallItem[], count = pledges.length, totalFen = pledges.reduce((sum, item) => sum + item.amountFen, 0)): TierRoundPledges {
  return { tierFen: round.tierFen, startedAt: started, pledges, count, totalFen };
}

describe('SceneData', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads a scene on entering it and every five seconds while it is on; the total reads nothing', async () => {
    const fetch = vi.fn(async () => ({ enterprises: [], individuals: [{ name: '张三', amountFen: 100, pledgeCount: 1 }], organizations: [] }));
    const data = new SceneData('gala', fetch as unknown as SceneFetch, timers);
    data.follow(totalShow);
    expect(fetch).not.toHaveBeenCalled();

    data.follow({ ...totalShow, scene: 'honourRoll' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledWith('gala', 'honourRoll');
    expect(data.answer('honourRoll')?.individuals[0]?.name).toBe('张三');
    data.follow({ ...totalShow, scene: 'honourRoll', celebrationCue: 3 }); // the same scene: no new read
    await vi.advanceTimersByTimeAsync(SCENE_REFRESH_MS);
    expect(fetch).toHaveBeenCalledTimes(2);

    data.follow(totalShow);
    await vi.advanceTimersByTimeAsync(SCENE_REFRESH_MS * 3);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(data.answer('honourRoll')).toBeNull();
  });

  it('never shows an answer that arrives after the controller moved on', async () => {
    const answers: ((value: unknown) => void)[] = [];
    const fetch = vi.fn(() => new Promise((resolve) => answers.push(resolve)));
    const data = new SceneData('gala', fetch as unknown as SceneFetch, timers);
    data.follow({ ...totalShow, scene: 'messages' });
    data.follow({ ...totalShow, scene: 'thanks' });
    answers[0]?.({ messages: [{ pledgeId: 'p1', message: '加油', name: '张三', amountFen: 100 }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(data.answer('messages')).toBeNull();
    expect(data.answer('thanks')).toBeNull();
  });

  it('keeps what it shows when a read fails, and tries again sooner', async () => {
    const fetch = vi.fn().mockResolvedValueOnce({ donors: [{ name: '张三', donorKind: 'individual' }], moreCount: 0, standInCount: 2 })
      .mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ donors: [], moreCount: 0, standInCount: 0 });
    const data = new SceneData('gala', fetch as unknown as SceneFetch, timers);
    data.follow({ ...totalShow, scene: 'thanks' });
    await vi.advanceTimersByTimeAsync(SCENE_REFRESH_MS);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(data.answer('thanks')?.standInCount).toBe(2);
    await vi.advanceTimersByTimeAsync(SCENE_RETRY_MS);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(data.answer('thanks')?.standInCount).toBe(0);
  });

  it('asks again soon when a node answers with the round before', async () => {
    const fetch = vi.fn().mockResolvedValueOnce({ ...listed([]), startedAt: null }).mockResolvedValue(listed([pledge('a', 1, 100)]));
    const data = new SceneData('gala', fetch as unknown as SceneFetch, timers);
    data.follow(round);
    await vi.advanceTimersByTimeAsync(0);
    expect(data.answer('tierRound')).toBeNull();
    await vi.advanceTimersByTimeAsync(SCENE_RETRY_MS);
    expect(data.answer('tierRound')?.count).toBe(1);
  });
});

describe('roundView', () => {
  it('adds the stage pledges pushed since the round began, once, after the server’s list', () => {
    const fetched = listed([pledge('a', 1, 100), pledge('b', 2, 200)]);
    const recent = [pledge('d', 4, 400), pledge('o', 3, 999, 'online'), pledge('b', 2, 200), pledge('a', 1, 100), pledge('old', -5, 5000)];
    const view = roundView(round, fetched, recent);
    expect(view.pledges.map((item) => item.pledgeId)).toEqual(['a', 'b', 'd']);
    expect(view).toMatchObject({ count: 3, totalFen: 700, tierFen: round.tierFen });
  });

  it('drops a listed pledge the feed no longer has within its reach (voided since the read)', () => {
    const fetched = listed([pledge('a', 1, 100), pledge('b', 2, 200), pledge('c', 3, 300)]);
    const recent = [pledge('c', 3, 300), pledge('a', 1, 100)]; // b was voided; the feed reaches back to a
    const view = roundView(round, fetched, recent);
    expect(view.pledges.map((item) => item.pledgeId)).toEqual(['a', 'c']);
    expect(view).toMatchObject({ count: 2, totalFen: 400 });
    // Older than anything the feed holds: the server's word stands.
    expect(roundView(round, fetched, [pledge('c', 3, 300)]).pledges.map((item) => item.pledgeId)).toEqual(['a', 'b', 'c']);
  });

  it('does not count twice a pushed pledge older than a long round’s list (the server counted it)', () => {
    const fetched = listed([pledge('y', 50, 100), pledge('z', 51, 100)], 250, 25_000);
    const view = roundView(round, fetched, [pledge('new', 60, 100), pledge('z', 51, 100), pledge('y', 50, 100), pledge('x', 40, 100)]);
    expect(view.pledges.map((item) => item.pledgeId)).toEqual(['y', 'z', 'new']);
    expect(view).toMatchObject({ count: 251, totalFen: 25_100 });
  });

  it('shows the pushed pledges before the first answer, and nothing for a round not begun', () => {
    expect(roundView(round, null, [pledge('a', 1, 100)])).toMatchObject({ count: 1, totalFen: 100 });
    expect(roundView({ ...round, roundStartedAt: null }, null, [pledge('a', 1, 100)])).toMatchObject({ count: 0, totalFen: 0 });
  });
});
