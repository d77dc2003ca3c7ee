import { describe, expect, it } from 'vitest';
import { FEED_SIZE, LiveTotalState } from './live';
import { push, snapshot } from './liveClient.fixtures';
import type { FeedItem, TotalPush } from './types';

function item(pledgeId: string, amountFen = 100_000_00): FeedItem {
  return {
    pledgeId,
    displayName: `捐赠方 ${pledgeId}`,
    amountFen,
    channel: 'stage',
    donorKind: 'enterprise',
    recordedAt: '2025-09-05T12:00:00Z',
    nameHidden: false,
    message: null,
  };
}

const ids = (state: LiveTotalState) => state.current?.recent.map((r) => r.pledgeId);

describe('LiveTotalState snapshots', () => {
  it('takes the first snapshot and newer or equal ones, never an older one', () => {
    const state = new LiveTotalState('demo');
    expect(state.current).toBeNull();
    expect(state.applySnapshot(snapshot(5))).toBe(true);
    expect(state.applySnapshot(snapshot(4))).toBe(false);
    expect(state.current?.version).toBe(5);
    expect(state.applySnapshot(snapshot(5, { recent: [item('a')] }))).toBe(true);
    expect(ids(state)).toEqual(['a']);
    expect(state.applySnapshot(snapshot(9))).toBe(true);
    expect(state.current?.totalFen).toBe(900_00);
  });

  it('ignores a snapshot of another event', () => {
    const state = new LiveTotalState('demo');
    expect(state.applySnapshot(snapshot(5, { eventId: 'other' }))).toBe(false);
    expect(state.current).toBeNull();
  });

  it('is not changed by later edits of the object it was given', () => {
    const state = new LiveTotalState('demo');
    const given = snapshot(1, { recent: [item('a')], milestonesReached: [1] });
    state.applySnapshot(given);
    given.recent.push(item('b'));
    given.milestonesReached.push(2);
    given.byChannel.stageFen = 0;
    expect(ids(state)).toEqual(['a']);
    expect(state.current?.milestonesReached).toEqual([1]);
    expect(state.current?.byChannel.stageFen).toBe(100_00);
  });
});

describe('LiveTotalState pushes', () => {
  it('asks for a snapshot when it has none', () => {
    const state = new LiveTotalState('demo');
    expect(state.applyPush(push(0, 1))).toBe('gap');
    expect(state.current).toBeNull();
  });

  it('applies a push that follows the shown version', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(3, { milestonesReached: [] }));
    const result = state.applyPush(
      push(3, 7, {
        totalFen: 120_000_000_00,
        pledgeCount: 7,
        goalFen: 200_000_000_00,
        byChannel: { stageFen: 119_000_000_00, onlineFen: 1_000_000_00, stageCount: 5, onlineCount: 2 },
        milestonesReached: [100_000_000_00],
      }),
    );
    expect(result).toBe('applied');
    expect(state.current).toMatchObject({
      version: 7,
      totalFen: 120_000_000_00,
      pledgeCount: 7,
      goalFen: 200_000_000_00,
      byChannel: { stageFen: 119_000_000_00, onlineFen: 1_000_000_00, stageCount: 5, onlineCount: 2 },
      milestonesReached: [100_000_000_00],
    });
  });

  it('ignores a push it has already shown, and an older one', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(10));
    expect(state.applyPush(push(9, 10, { totalFen: 1 }))).toBe('stale');
    expect(state.applyPush(push(5, 8, { totalFen: 1 }))).toBe('stale');
    expect(state.current?.totalFen).toBe(1000_00);
    expect(state.current?.version).toBe(10);
  });

  it('reports a gap and changes nothing when a push was missed', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(10, { recent: [item('a')] }));
    expect(state.applyPush(push(11, 12, { totalFen: 1, newPledges: [item('x')] }))).toBe('gap');
    expect(state.current?.version).toBe(10);
    expect(state.current?.totalFen).toBe(1000_00);
    expect(ids(state)).toEqual(['a']);
    // The snapshot fetched after the gap takes over, and the next push follows it.
    expect(state.applySnapshot(snapshot(12))).toBe(true);
    expect(state.applyPush(push(12, 13))).toBe('applied');
  });

  it('applies a newer push that started before the shown snapshot, merging its pledges and voids', () => {
    const state = new LiveTotalState('demo');
    // Read after push 8: c and b arrived since, and the next push (8 → 12) repeats them.
    state.applySnapshot(snapshot(10, { recent: [item('c'), item('b'), item('a')] }));
    expect(state.applyPush(push(8, 12, { newPledges: [item('b'), item('c'), item('d')], voidedPledgeIds: ['a'] }))).toBe('applied');
    expect(state.current?.version).toBe(12);
    expect(state.current?.totalFen).toBe(1200_00);
    expect(ids(state)).toEqual(['d', 'c', 'b']);
    expect(state.applyPush(push(8, 11))).toBe('stale');
    expect(state.applyPush(push(13, 14))).toBe('gap');
  });

  it('ignores a push of another event', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1));
    expect(state.applyPush(push(1, 2, { eventId: 'other' }))).toBe('stale');
    expect(state.current?.version).toBe(1);
  });

  it('puts new pledges on top, newest first, without duplicates', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1, { recent: [item('b'), item('a')] }));
    // A push lists its pledges oldest first.
    state.applyPush(push(1, 2, { newPledges: [item('c'), item('d')] }));
    expect(ids(state)).toEqual(['d', 'c', 'b', 'a']);
    state.applyPush(push(2, 3, { newPledges: [item('b', 5), item('e')] }));
    expect(ids(state)).toEqual(['e', 'b', 'd', 'c', 'a']);
    expect(state.current?.recent[1]?.amountFen).toBe(5);
  });

  it('keeps only the newest twenty', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(0));
    const many = Array.from({ length: 25 }, (_, i) => item(`p${i}`));
    state.applyPush(push(0, 1, { newPledges: many }));
    expect(state.current?.recent).toHaveLength(FEED_SIZE);
    expect(state.current?.recent[0]?.pledgeId).toBe('p24');
    expect(state.current?.recent[FEED_SIZE - 1]?.pledgeId).toBe('p5');
  });

  it('drops voided pledges from the feed, also ones arriving in the same push', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1, { recent: [item('b'), item('a')] }));
    state.applyPush(push(1, 2, { newPledges: [item('c')], voidedPledgeIds: ['a', 'c', 'unknown'] }));
    expect(ids(state)).toEqual(['b']);
  });

  it('takes the title and the screen settings from the push', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1));
    const screen = { roundTitle: '第二轮 · 500万档', showDonorNames: false, nameSeconds: 4 };
    state.applyPush(push(1, 2, { title: '新名称', screen }));
    screen.roundTitle = 'changed later';
    expect(state.current).toMatchObject({ title: '新名称', screen: { roundTitle: '第二轮 · 500万档', showDonorNames: false, nameSeconds: 4 } });
  });

  it('replaces the reached milestones with the push', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1, { milestonesReached: [1, 2] }));
    state.applyPush(push(1, 2, { milestonesReached: [1, 2, 3] }));
    expect(state.current?.milestonesReached).toEqual([1, 2, 3]);
  });
});

describe('LiveTotalState feed resets', () => {
  const hidden = (pledgeId: string): FeedItem => ({ ...item(pledgeId), displayName: '爱心企业' });

  it('replaces the shown feed with the pushed one when the push resets the feed', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1, { recent: [item('c'), item('b'), item('a')] }));
    // The admin hid the names: the server sends the whole feed again, oldest first, names hidden.
    expect(state.applyPush(push(1, 2, { feedReset: true, newPledges: [hidden('a'), hidden('b'), hidden('c')] }))).toBe('applied');
    expect(ids(state)).toEqual(['c', 'b', 'a']);
    expect(state.current?.recent.map((r) => r.displayName)).toEqual(['爱心企业', '爱心企业', '爱心企业']);
    // Names back on: the next reset restores them.
    state.applyPush(push(2, 3, { feedReset: true, newPledges: [item('a'), item('b'), item('c')] }));
    expect(state.current?.recent.map((r) => r.displayName)).toEqual(['捐赠方 c', '捐赠方 b', '捐赠方 a']);
  });

  it('drops shown pledges the reset feed no longer has', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1, { recent: [item('c'), item('b'), item('a')] }));
    state.applyPush(push(1, 2, { feedReset: true, newPledges: [item('b')] }));
    expect(ids(state)).toEqual(['b']);
    state.applyPush(push(2, 3, { feedReset: true, newPledges: [] }));
    expect(ids(state)).toEqual([]);
  });

  it('keeps at most twenty, the newest, of a reset feed', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1, { recent: [item('old')] }));
    state.applyPush(push(1, 2, { feedReset: true, newPledges: Array.from({ length: 25 }, (_, i) => item(`p${i}`)) }));
    expect(state.current?.recent).toHaveLength(FEED_SIZE);
    expect(state.current?.recent[0]?.pledgeId).toBe('p24');
    expect(ids(state)).not.toContain('old');
  });

  it('merges as before when feedReset is false or missing', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1, { recent: [item('a')] }));
    state.applyPush(push(1, 2, { feedReset: false, newPledges: [item('b')] }));
    expect(ids(state)).toEqual(['b', 'a']);
    const withoutField: TotalPush = push(2, 3, { newPledges: [item('c')] });
    // An older node's push, from before the field existed: the server writes it now, pages still cope.
    delete (withoutField as Partial<TotalPush>).feedReset;
    state.applyPush(withoutField);
    expect(ids(state)).toEqual(['c', 'b', 'a']);
  });

  it('still asks for a snapshot when a reset push follows a gap', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1, { recent: [item('a')] }));
    expect(state.applyPush(push(3, 4, { feedReset: true, newPledges: [hidden('a')] }))).toBe('gap');
    expect(state.current?.recent[0]?.displayName).toBe('捐赠方 a');
  });
});
