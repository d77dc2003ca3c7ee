import { describe, expect, it } from 'vitest';
import { snapshot } from '../../lib/liveClient.fixtures';
import type { LiveStatus } from '../../lib/liveClient';
import type { PublicEvent } from '../../lib/publicEvent';
import type { TotalSnapshot } from '../../lib/types';
import { FEED_ROWS, LiveViewStore, feedRow, type ViewerEventStatus, type ViewerFeedItem, type ViewerSnapshot } from './liveStore';

function fakeSource() {
  let state: ((current: TotalSnapshot, previous: TotalSnapshot | null) => void) | undefined;
  let status: ((status: LiveStatus) => void) | undefined;
  let connection: ((connected: boolean) => void) | undefined;
  let unknown: (() => void) | undefined;
  const calls = { start: 0, stop: 0 };
  return {
    calls,
    source: {
      onState: (l: typeof state) => (state = l),
      onStatusChange: (l: typeof status) => (status = l),
      onConnectionChange: (l: typeof connection) => (connection = l),
      onUnknownEvent: (l: typeof unknown) => (unknown = l),
      start: () => void calls.start++,
      stop: () => { calls.stop++; return Promise.resolve(); },
    },
    state: (current: ViewerSnapshot, previous: ViewerSnapshot | null = null) => state?.(current, previous),
    status: (s: LiveStatus) => status?.(s),
    connection: (c: boolean) => connection?.(c),
    unknown: () => unknown?.(),
  };
}

const publicEvent = (status: ViewerEventStatus, overrides: Partial<PublicEvent> = {}): PublicEvent => ({
  id: 'demo', title: '慈善晚会', goalFen: 100_000_000_00, tiersFen: [], milestonesFen: [], status: status as PublicEvent['status'],
  desks: [], screen: { roundTitle: '', showDonorNames: true, nameSeconds: 4 }, timeZone: 'Asia/Shanghai', ...overrides,
});

function setUp(found: () => Promise<PublicEvent | null> = () => Promise.resolve(publicEvent('live'))) {
  const fake = fakeSource();
  const tasks: (() => void)[] = [];
  let fetches = 0;
  const store = new LiveViewStore('demo', fake.source, {
    fetchEvent: () => { fetches++; return found(); },
    later: (task) => void tasks.push(task),
    random: () => 0.5,
  });
  return { store, fake, tasks, fetches: () => fetches, runLater: () => tasks.splice(0).forEach((task) => task()) };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const item = (overrides: Partial<ViewerFeedItem> = {}): ViewerFeedItem => ({
  pledgeId: 'p1', displayName: '网友小李', amountFen: 88_88, channel: 'online', donorKind: 'individual',
  recordedAt: '2026-12-01T12:00:00Z', nameHidden: false, message: null, ...overrides,
});

describe('the rehearsal mark', () => {
  it('follows the flag of the snapshot or push', async () => {
    const { store, fake } = setUp();
    store.start();
    await settle();

    fake.state({ ...snapshot(1), rehearsal: true });
    expect(store.rehearsal).toBe(true);
    fake.state({ ...snapshot(2), rehearsal: false }, snapshot(1));
    expect(store.rehearsal).toBe(false);
  });

  it('follows the event status while the total does not carry the flag', async () => {
    const { store, fake } = setUp(() => Promise.resolve(publicEvent('rehearsal')));
    store.start();
    await settle();
    const older: Partial<ViewerSnapshot> = snapshot(1);
    delete older.rehearsal; // a snapshot from a node older than rehearsal mode
    fake.state(older as ViewerSnapshot);

    expect(store.rehearsal).toBe(true);
    expect(store.acceptsGifts).toBe(true);
  });

  it('is off for a live event without the flag', async () => {
    const { store, fake } = setUp();
    store.start();
    await settle();
    fake.state(snapshot(1));

    expect(store.rehearsal).toBe(false);
  });
});

describe('the feed rows', () => {
  it('keep a typed name, and put a stand-in by donor kind when the server hid it', () => {
    expect(feedRow(item()).name).toEqual({ typed: '网友小李' });
    expect(feedRow(item({ displayName: '爱心企业', donorKind: 'enterprise', nameHidden: true })).name).toEqual({ standIn: 'enterprise' });
    expect(feedRow(item({ displayName: '  ', donorKind: 'organization' })).name).toEqual({ standIn: 'organization' });
  });

  it('treat a missing nameHidden as false (a server from before moderation)', () => {
    expect(feedRow(item({ displayName: '爱心人士' })).name).toEqual({ typed: '爱心人士' });
  });

  it('carry an approved message, and none when it is empty', () => {
    expect(feedRow(item({ message: '  祝福家乡 ' })).message).toBe('祝福家乡');
    expect(feedRow(item({ message: '' })).message).toBeNull();
    expect(feedRow(item({ message: null })).message).toBeNull();
    expect(feedRow(item()).message).toBeNull();
  });

  it('show the newest ten', () => {
    const { store, fake } = setUp();
    const recent = Array.from({ length: 20 }, (_, i) => item({ pledgeId: `p${i}` }));
    fake.state(snapshot(1, { recent }));

    expect(store.feed.map((row) => row.pledgeId)).toEqual(recent.slice(0, FEED_ROWS).map((i) => i.pledgeId));
  });
});

describe('the event', () => {
  it('takes gifts when live or in rehearsal, not as a draft or closed', async () => {
    for (const [status, accepts] of [['live', true], ['rehearsal', true], ['draft', false], ['closed', false]] as const) {
      const { store } = setUp(() => Promise.resolve(publicEvent(status)));
      expect(await store.reloadEvent()).toBe(accepts);
    }
  });

  it('is fetched again, a little later, when the version moved without the money', async () => {
    const { store, fake, fetches, runLater } = setUp();
    store.start();
    await settle();
    fake.state(snapshot(2));
    fake.state(snapshot(3, { totalFen: 200_00, pledgeCount: 2 }), snapshot(2));
    expect(fetches()).toBe(1);

    runLater();
    await settle();
    expect(fetches()).toBe(2);
  });

  it('is retried while the server cannot answer and none has come yet', async () => {
    let fail = true;
    const { store, fetches, runLater } = setUp(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(publicEvent('live'))));
    store.start();
    await settle();
    expect(store.event).toBeNull();

    fail = false;
    runLater();
    await settle();
    expect(fetches()).toBe(2);
    expect(store.event?.status).toBe('live');
  });

  it('that does not exist stops the live client once, however many say so', async () => {
    const { store, fake } = setUp(() => Promise.resolve(null));
    let changes = 0;
    store.subscribe(() => changes++);
    store.start();
    await settle();
    fake.unknown();

    expect(store.unknownEvent).toBe(true);
    expect(fake.calls.stop).toBe(1);
    expect(changes).toBe(1);
  });

  it('is not looked for without an id', () => {
    const fake = fakeSource();
    const store = new LiveViewStore('', fake.source, { fetchEvent: () => Promise.reject(new Error('no')), later: () => undefined, random: () => 0 });
    store.start();

    expect(store.unknownEvent).toBe(true);
    expect(fake.calls.start).toBe(0);
  });
});

describe('the total', () => {
  it('says when it grew, and the progress truncated to a tenth of a percent', () => {
    const { store, fake } = setUp();
    const changes: boolean[] = [];
    store.subscribe((change) => changes.push(change.grew));

    fake.state(snapshot(1, { totalFen: 1_999, goalFen: 1_000_000 }));
    fake.state(snapshot(2, { totalFen: 2_000_000, goalFen: 1_000_000 }), snapshot(1, { totalFen: 1_999 }));

    expect(changes).toEqual([false, true]);
    expect(store.progressTenths).toBe(1000);
    fake.state(snapshot(3, { totalFen: 1_999, goalFen: 1_000_000 }), snapshot(2));
    expect(store.progressTenths).toBe(1);
  });

  it('takes the live client status', () => {
    const { store, fake } = setUp();
    fake.status('polling');
    expect(store.status).toBe('polling');
  });
});
