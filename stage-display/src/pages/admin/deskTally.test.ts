import { describe, expect, it } from 'vitest';
import { pledgeEntry, voidEntry } from './admin.fixtures';
import { DeskTally } from './deskTally';

describe('DeskTally', () => {
  it('shows online giving as one channel, whichever shard desk took each donation', () => {
    const tally = new DeskTally();
    tally.add([
      pledgeEntry(1, 'online-0', 100_00),
      pledgeEntry(2, 'online-7', 250_00),
      pledgeEntry(3, 'desk-1', 1_000_000_00),
      pledgeEntry(4, 'online-3', 50_00),
    ]);
    const summary = tally.summary();
    expect(summary.online).toEqual({ count: 3, amountFen: 400_00 });
    expect(summary.desks).toEqual([{ deskId: 'desk-1', count: 1, amountFen: 1_000_000_00 }]);
    expect(summary.desks.some((line) => line.deskId.startsWith('online-'))).toBe(false);
    expect(summary.total).toEqual({ count: 4, amountFen: 1_000_000_00 + 400_00 });
  });

  it('takes a void off the desk of its pledge, as the ledger sum does', () => {
    const tally = new DeskTally();
    const wrong = pledgeEntry(2, 'desk-2', 500_000_00);
    tally.add([pledgeEntry(1, 'desk-1', 100_000_00), wrong, pledgeEntry(3, 'desk-2', 10_000_00), voidEntry(4, wrong)]);
    const summary = tally.summary();
    expect(summary.desks).toEqual([
      { deskId: 'desk-1', count: 1, amountFen: 100_000_00 },
      { deskId: 'desk-2', count: 1, amountFen: 10_000_00 },
    ]);
    expect(summary.stage).toEqual({ count: 2, amountFen: 110_000_00 });
    expect(tally.isVoided(wrong.pledgeId)).toBe(true);
    expect(tally.isVoided('p-1')).toBe(false);
  });

  it('reads each entry once, so a page read twice changes nothing', () => {
    const tally = new DeskTally();
    const page = [pledgeEntry(1, 'desk-1', 100), pledgeEntry(2, 'desk-1', 200)];
    tally.add(page);
    tally.add(page);
    tally.add([pledgeEntry(2, 'desk-1', 200), pledgeEntry(3, 'desk-1', 300)]);
    expect(tally.summary().total).toEqual({ count: 3, amountFen: 600 });
    expect(tally.entryNos).toEqual([1, 2, 3]);
    expect(tally.lastEntryNo).toBe(3);
  });

  it('starts at zero on every line', () => {
    expect(new DeskTally().summary()).toEqual({ desks: [], stage: { count: 0, amountFen: 0 }, online: { count: 0, amountFen: 0 }, total: { count: 0, amountFen: 0 } });
  });
});
