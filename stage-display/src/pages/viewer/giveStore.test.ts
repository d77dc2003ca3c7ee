import { describe, expect, it } from 'vitest';
import { pendingOrder, type Answer, type Donation, type DonationOrderView } from '../../lib/donationOrder';
import { presetAmounts, readForm, emptyForm } from './giveForm';
import { GiveStore } from './giveStore';

const order = (status: DonationOrderView['status'], overrides: Partial<DonationOrderView> = {}): DonationOrderView => ({
  donationId: 'd-1', eventId: 'demo', orderNo: 'CD0001', status, amountFen: 50_00, donorName: '网友小李', anonymous: false,
  message: null, createdAt: '2026-12-01T12:00:00Z', expiresAt: '2026-12-01T12:30:00Z',
  payment: status === 'awaiting-payment' ? { kind: 'redirect', url: '/pay/demo/CD0001' } : null, paidAt: null, transactionId: null, ...overrides,
});

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** Waits that end only when the test says so: a poll loop never spins on its own. */
function manualWaits() {
  const waiting: { ms: number; resolve: () => void }[] = [];
  let now = 0;
  return {
    now: () => now,
    wait: (ms: number) => new Promise<void>((resolve) => waiting.push({ ms, resolve })),
    pass: async () => {
      for (const { ms, resolve } of waiting.splice(0)) {
        now += ms;
        resolve();
      }
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
  };
}

function setUp(options: { post?: (d: Donation) => Answer | Error; read?: () => Answer; accepts?: boolean } = {}) {
  const posted: Donation[] = [];
  const visited: string[] = [];
  let reads = 0;
  let ids = 0;
  const storage = memoryStorage();
  const waits = manualWaits();
  const store = new GiveStore('demo', {
    post: (donation) => {
      posted.push(donation);
      const answer = options.post?.(donation) ?? { status: 202, body: order('awaiting-payment', { donationId: donation.donationId }) };
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    read: () => { reads++; return Promise.resolve(options.read?.() ?? { status: 200, body: order('awaiting-payment') }); },
    newId: () => `d-${++ids}`,
    storage,
    origin: 'http://charity-night.venue:5000',
    pageUrl: 'http://charity-night.venue:5000/e/demo',
    goTo: (url) => void visited.push(url),
    refreshEvent: () => Promise.resolve(options.accepts ?? true),
    wait: waits.wait,
    now: waits.now,
  });
  return { store, posted, visited, storage, waits, reads: () => reads };
}

describe('the form', () => {
  it('needs an amount and a name unless anonymous', () => {
    expect(readForm(emptyForm)).toEqual({ error: { key: 'amount.empty', params: { max: '¥50,000.00' }, canRetry: false } });
    expect(readForm({ ...emptyForm, presetFen: 50_00 })).toEqual({ error: { key: 'viewer.nameRequired', canRetry: false } });
    expect(readForm({ ...emptyForm, amountText: '88.88', anonymous: true, name: '不发送', message: ' 祝福 ' }))
      .toEqual({ content: { amountFen: 88_88, anonymous: true, message: '祝福' } });
  });

  it('refuses more than one online gift may be', () => {
    expect(readForm({ ...emptyForm, amountText: '50001', name: '网友' })).toMatchObject({ error: { key: 'amount.tooLarge' } });
  });

  it('offers the event tiers only when they suit a phone', () => {
    expect(presetAmounts([1_000_000_00, 5_000_000_00])).toEqual([20_00, 50_00, 100_00, 200_00, 500_00, 1_000_00]);
    expect(presetAmounts([500_00, 100_00, 10_000_00])).toEqual([100_00, 500_00, 10_000_00]);
  });

  it('takes a typed amount over the preset, and a new gift keeps only the name', () => {
    const { store } = setUp();
    store.choosePreset(100_00);
    expect(store.amountFen).toBe(100_00);
    store.edit({ amountText: '12.5' });
    expect(store.form.presetFen).toBeNull();
    expect(store.amountFen).toBe(12_50);
    store.edit({ name: '网友小李', message: '加油' });

    store.giveAgain();
    expect(store.form).toEqual({ ...emptyForm, name: '网友小李' });
  });

  it('counts the message as the server does (UTF-16 units)', () => {
    const { store } = setUp();
    store.edit({ message: '加油😀' });
    expect(store.messageLength).toBe(4);
  });
});

describe('sending an order', () => {
  it('goes to the cashier with the page to come back to, and keeps the order to wait for', async () => {
    const { store, posted, visited, storage } = setUp();
    store.edit({ name: '网友小李' });
    store.choosePreset(50_00);

    await store.submit();

    expect(posted).toEqual([{ donationId: 'd-1', amountFen: 50_00, anonymous: false, donorName: '网友小李' }]);
    expect(store.phase.kind).toBe('redirecting');
    const cashier = new URL(visited[0] ?? '');
    expect(cashier.pathname).toBe('/pay/demo/CD0001');
    expect(cashier.searchParams.get('redirect_url')).toBe('http://charity-night.venue:5000/e/demo?donation=d-1');
    expect(pendingOrder('demo', '', storage)).toBe('d-1');
  });

  it('retries an unreachable order with the same id, and a changed one gets a new id', async () => {
    let reachable = false;
    const { store, posted, waits } = setUp({ post: () => (reachable ? { status: 202, body: order('awaiting-payment') } : new Error('offline')) });
    store.edit({ anonymous: true, amountText: '20' });

    const sending = store.submit();
    for (let i = 0; i < 10 && store.sending; i++) await waits.pass();
    await sending;
    expect(store.notice).toEqual({ key: 'viewer.unreachable', canRetry: true });

    reachable = true;
    await store.retry();
    const firstAttempt = posted.map((d) => d.donationId);
    store.giveUp();
    store.edit({ amountText: '30' });
    await store.submit();

    expect(firstAttempt.length).toBeGreaterThan(2);
    expect(new Set(firstAttempt)).toEqual(new Set(['d-1']));
    expect(posted.slice(firstAttempt.length).map((d) => d.donationId)).toEqual(['d-2']);
  });

  it('after a conflict in a live event sends the next attempt with a new id', async () => {
    const { store, posted } = setUp({ post: () => ({ status: 409, body: { title: '同一编号的内容不同' } }) });
    store.edit({ anonymous: true, amountText: '20' });

    await store.submit();
    expect(store.notice).toEqual({ key: 'viewer.failed', params: { reason: '同一编号的内容不同' }, canRetry: false });
    await store.submit();

    expect(posted.map((d) => d.donationId)).toEqual(['d-1', 'd-2']);
  });

  it('says the event is not taking gifts when a conflict came from its closing', async () => {
    const { store } = setUp({ post: () => ({ status: 409, body: { title: '活动已结束' } }), accepts: false });
    store.edit({ anonymous: true, amountText: '20' });

    await store.submit();

    expect(store.notice?.key).toBe('viewer.eventNotLive');
  });

  it('sends nothing while the form is wrong', async () => {
    const { store, posted } = setUp();
    store.choosePreset(20_00);

    await store.submit();

    expect(posted).toEqual([]);
    expect(store.notice?.key).toBe('viewer.nameRequired');
  });
});

describe('waiting for the payment', () => {
  it('reads the order until the provider notice made it paid, then thanks and forgets it', async () => {
    let paid = false;
    const { store, waits, storage } = setUp({ read: () => ({ status: 200, body: order(paid ? 'paid' : 'awaiting-payment') }) });
    storage.setItem('charityday.pendingDonation', JSON.stringify({ eventId: 'demo', donationId: 'd-1' }));

    store.resume('d-1');
    await waits.pass();
    expect(store.phase).toMatchObject({ kind: 'waiting', donationId: 'd-1', expiresAt: '2026-12-01T12:30:00Z' });
    if (store.phase.kind === 'waiting') {
      expect(new URL(store.phase.payUrl ?? '').searchParams.get('redirect_url')).toBe('http://charity-night.venue:5000/e/demo?donation=d-1');
    }

    paid = true;
    await waits.pass();
    expect(store.phase).toMatchObject({ kind: 'thanks', order: { orderNo: 'CD0001' } });
    expect(pendingOrder('demo', '', storage)).toBeNull();
  });

  it('turns an expired order back into the form with a note', async () => {
    const { store, waits } = setUp({ read: () => ({ status: 200, body: order('expired') }) });

    store.resume('d-1');
    await waits.pass();

    expect(store.phase.kind).toBe('form');
    expect(store.notice?.key).toBe('viewer.orderExpired');
  });

  it('stops reading once the donor gave up', async () => {
    const { store, waits, reads } = setUp();
    store.resume('d-1');
    await waits.pass();
    const before = reads();

    store.giveUp();
    await waits.pass();
    await waits.pass();

    expect(reads()).toBe(before);
    expect(store.phase.kind).toBe('form');
  });

  it('waits on the page for an order paid by QR code, without leaving it', async () => {
    const qr = order('awaiting-payment', { payment: { kind: 'qrCode', url: '/pay/demo/CD0001' } });
    const { store, visited } = setUp({ post: () => ({ status: 202, body: qr }), read: () => ({ status: 200, body: qr }) });
    store.edit({ anonymous: true, amountText: '20' });

    await store.submit();

    expect(visited).toEqual([]);
    expect(store.phase.kind).toBe('waiting');
    store.giveUp();
  });
});
