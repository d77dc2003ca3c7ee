import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedScheduler, nameSecondsOf, type FeedEntry, type WallItem } from './feedScheduler';

function item(id: string, amountFen = 100_000_00): WallItem {
  return { pledgeId: id, displayName: `企业${id}`, amountFen, channel: 'stage', donorKind: 'enterprise', recordedAt: '2026-12-01T12:00:00Z', nameHidden: false, message: null };
}

const timers = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };

/** Names on the wall, newest first. */
function names(entries: readonly FeedEntry[]): string[] {
  return entries.map((entry) => (entry.kind === 'pledge' ? entry.item.displayName : `+${entry.count}`));
}

describe('FeedScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the feed it starts with at once, and a single new pledge at once', () => {
    const feed = new FeedScheduler(timers);
    feed.take({ recent: [item('2'), item('1')], pledgeCount: 2 });
    expect(names(feed.rows)).toEqual(['企业2', '企业1']);

    feed.take({ recent: [item('3'), item('2'), item('1')], pledgeCount: 3 });
    expect(names(feed.rows)).toEqual(['企业3', '企业2', '企业1']);
  });

  it('gives every one of a burst of 15 its turn, each in view for its seconds', () => {
    const feed = new FeedScheduler(timers, { rows: 4, nameSeconds: 4 });
    feed.take({ recent: [], pledgeCount: 0 });
    const burst = Array.from({ length: 15 }, (_, n) => item(String(n + 1)));
    const firstSeen = new Map<string, number>();
    const goneAt = new Map<string, number>();
    feed.onChange(() => {
      const now = Date.now();
      const shown = names(feed.rows);
      shown.forEach((name) => firstSeen.set(name, firstSeen.get(name) ?? now));
      [...firstSeen.keys()].filter((name) => !shown.includes(name)).forEach((name) => goneAt.set(name, goneAt.get(name) ?? now));
    });
    feed.take({ recent: [...burst].reverse(), pledgeCount: 15 });
    vi.advanceTimersByTime(60_000);

    expect([...firstSeen.keys()].sort()).toEqual(burst.map((pledge) => pledge.displayName).sort());
    // Pushed out by the next four: in view at least four entries long, never under the 2 s floor.
    const shortest = Math.min(...[...goneAt].map(([name, at]) => at - (firstSeen.get(name) ?? 0)));
    expect(goneAt.size).toBe(11);
    expect(shortest).toBeGreaterThanOrEqual(2_000);
  });

  it('goes faster with a long queue, never under two seconds a name, and back to the set pace when it drains', () => {
    const feed = new FeedScheduler(timers, { rows: 4, nameSeconds: 8 });
    feed.take({ recent: [], pledgeCount: 0 });
    expect(feed.entryIntervalMs()).toBe(2_000);

    feed.take({ recent: Array.from({ length: 17 }, (_, n) => item(String(n))), pledgeCount: 17 });
    expect(feed.backlog).toBe(16);
    expect(feed.entryIntervalMs()).toBe(500);

    vi.advanceTimersByTime(60_000);
    expect(feed.backlog).toBe(0);
    expect(feed.entryIntervalMs()).toBe(2_000);
  });

  it('puts the largest waiting pledge first', () => {
    const feed = new FeedScheduler(timers, { rows: 4, nameSeconds: 4 });
    feed.take({ recent: [], pledgeCount: 0 });
    feed.take({ recent: [item('c', 10_000_00), item('b', 5_000_000_00), item('a', 100_000_00)], pledgeCount: 3 });
    vi.advanceTimersByTime(10_000);
    expect(names(feed.rows)).toEqual(['企业c', '企业a', '企业b']); // newest on top: 500万 went in first
  });

  it('folds what would lag too far into one counted row instead of dropping it', () => {
    const feed = new FeedScheduler(timers, { rows: 4, nameSeconds: 4, maxBacklog: 5 });
    feed.take({ recent: [], pledgeCount: 0 });
    const many = Array.from({ length: 9 }, (_, n) => item(String(n), (n + 1) * 100_00));
    feed.take({ recent: [...many].reverse(), pledgeCount: 9 });
    const seen = new Set<string>();
    feed.onChange(() => names(feed.rows).forEach((name) => seen.add(name)));
    vi.advanceTimersByTime(60_000);

    // The largest goes in at once and four wait behind it; the four smallest are counted in one row.
    expect(seen).toContain('+4');
    expect([...seen].filter((name) => name.startsWith('企业'))).toHaveLength(5);
  });

  it('counts pledges a snapshot no longer lists (a long outage) in a row of their own', () => {
    const feed = new FeedScheduler(timers);
    feed.take({ recent: [item('1')], pledgeCount: 1 });
    const listed = Array.from({ length: 20 }, (_, n) => item(String(100 + n)));
    feed.take({ recent: listed, pledgeCount: 31 });
    vi.advanceTimersByTime(60_000);
    expect(names(feed.rows)[0]).toBe('+10');
  });

  it('takes a voided pledge out, waiting or on show, and redraws a name hidden since', () => {
    const feed = new FeedScheduler(timers);
    feed.take({ recent: [item('1')], pledgeCount: 1 });
    feed.take({ recent: [item('3'), item('2'), item('1')], pledgeCount: 3 }); // 2 shows, 3 waits
    feed.take({ recent: [item('2'), { ...item('1'), displayName: '爱心企业', nameHidden: true }], pledgeCount: 2 });
    vi.advanceTimersByTime(10_000);
    expect(names(feed.rows)).toEqual(['企业2', '爱心企业']);
  });

  it('keeps a pledge that only scrolled off a full feed', () => {
    const feed = new FeedScheduler(timers);
    feed.take({ recent: [], pledgeCount: 0 });
    const first = Array.from({ length: 20 }, (_, n) => item(`a${n}`)).reverse();
    feed.take({ recent: first, pledgeCount: 20 });
    const next = Array.from({ length: 20 }, (_, n) => item(`b${n}`)).reverse();
    feed.take({ recent: next, pledgeCount: 40 });
    const seen = new Set<string>();
    feed.onChange(() => names(feed.rows).forEach((name) => seen.add(name)));
    vi.advanceTimersByTime(120_000);
    expect(seen.size).toBe(40);
  });
});

describe('nameSecondsOf', () => {
  it('takes the saved setting and falls back to 4 for none or one out of range', () => {
    expect(nameSecondsOf({ nameSeconds: 7 })).toBe(7);
    expect(nameSecondsOf({ nameSeconds: 0 })).toBe(4);
    expect(nameSecondsOf({ nameSeconds: 16 })).toBe(4);
    expect(nameSecondsOf({})).toBe(4);
    expect(nameSecondsOf(undefined)).toBe(4);
  });
});
