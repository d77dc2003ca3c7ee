import { describe, expect, it } from 'vitest';
import { LiveTotalState, MilestoneCelebrations, newlyReachedMilestones } from './live';
import { push, snapshot, totalShow } from './liveClient.fixtures';
import type { TotalPush, TotalSnapshot } from './types';

describe('newlyReachedMilestones', () => {
  it('gives the milestones to celebrate, ascending, each once', () => {
    expect(newlyReachedMilestones([], [])).toEqual([]);
    expect(newlyReachedMilestones([1], [1])).toEqual([]);
    expect(newlyReachedMilestones([1], [3, 1, 2])).toEqual([2, 3]);
    expect(newlyReachedMilestones([], [2, 2])).toEqual([2]);
    expect(newlyReachedMilestones([1, 2], [1])).toEqual([]);
  });

  it('celebrates nothing again when the same push state is seen twice', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1));
    const before = state.current?.milestonesReached ?? [];
    state.applyPush(push(1, 2, { milestonesReached: [100_000_000_00] }));
    const after = state.current?.milestonesReached ?? [];
    expect(newlyReachedMilestones(before, after)).toEqual([100_000_000_00]);
    state.applyPush(push(1, 2, { milestonesReached: [100_000_000_00] }));
    expect(newlyReachedMilestones(after, state.current?.milestonesReached ?? [])).toEqual([]);
  });
});

describe('MilestoneCelebrations', () => {
  const yi = (n: number) => n * 100_000_000_00;

  it('celebrates nothing on the first state, whatever it has reached', () => {
    const milestones = new MilestoneCelebrations();
    expect(milestones.toCelebrate([yi(1)])).toEqual([]);
    expect(milestones.toCelebrate([yi(1)])).toEqual([]);
    expect(milestones.toCelebrate([yi(1), yi(2)])).toEqual([yi(2)]);
  });

  it('celebrates each milestone as it appears, ascending, once while it stays reached', () => {
    const milestones = new MilestoneCelebrations();
    milestones.toCelebrate([]);
    expect(milestones.toCelebrate([yi(2), yi(1)])).toEqual([yi(1), yi(2)]);
    expect(milestones.toCelebrate([yi(1), yi(2)])).toEqual([]);
    expect(milestones.toCelebrate([yi(1), yi(2), yi(3)])).toEqual([yi(3)]);
  });

  it('celebrates a milestone again when a void took the total back below it and it is crossed again', () => {
    // 1.73亿, a mistaken 10亿 entry, its void, then 2.02亿: the 2亿 goal must be celebrated for real.
    const milestones = new MilestoneCelebrations();
    expect(milestones.toCelebrate([yi(1)])).toEqual([]);
    expect(milestones.toCelebrate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(yi))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10].map(yi));
    expect(milestones.toCelebrate([yi(1)])).toEqual([]);
    expect(milestones.toCelebrate([yi(1), yi(2)])).toEqual([yi(2)]);
  });

  it('forgets the baseline milestones too once they are no longer reached', () => {
    const milestones = new MilestoneCelebrations();
    milestones.toCelebrate([yi(1), yi(2)]);
    expect(milestones.toCelebrate([yi(1)])).toEqual([]);
    expect(milestones.toCelebrate([yi(1), yi(2)])).toEqual([yi(2)]);
  });
});

describe('the rehearsal flag', () => {
  it('follows the pushes, and a push without it leaves the snapshot without it', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot({ ...snapshot(1), rehearsal: true } as TotalSnapshot);
    expect((state.current as { rehearsal?: boolean }).rehearsal).toBe(true);

    state.applyPush({ ...push(1, 2), rehearsal: false } as TotalPush);
    expect((state.current as { rehearsal?: boolean }).rehearsal).toBe(false);

    const older: Partial<TotalPush> = push(2, 3);
    delete older.rehearsal; // a push from a node older than rehearsal mode
    state.applyPush(older as TotalPush);
    expect('rehearsal' in (state.current ?? {})).toBe(false);
  });
});

describe('the show', () => {
  it('follows the pushes: the scene the controller chose reaches the page with the next one', () => {
    const state = new LiveTotalState('demo');
    state.applySnapshot(snapshot(1));
    const round = { ...totalShow, scene: 'tierRound' as const, tierFen: 500_00, roundStartedAt: '2026-12-31T12:00:00.000Z', holdCelebrations: true };
    state.applyPush(push(1, 2, { show: round }));
    expect(state.current?.show).toEqual(round);
  });
});
