import { describe, expect, it } from 'vitest';
import {
  cashierUrl, keepPending, orderWithRetries, pendingOrder, returnUrl, waitUntilSettled, type Answer, type DonationOrderView,
} from './donationOrder';

const order = (status: DonationOrderView['status'], payment: DonationOrderView['payment'] = null): DonationOrderView => ({
  donationId: 'd-0001-abcdef', eventId: 'demo', orderNo: 'CD0123456789ABCDEF0123456789ABCD', status, amountFen: 88_00,
  donorName: null, anonymous: true, message: null, createdAt: '2026-12-01T12:00:00Z', expiresAt: '2026-12-01T12:30:00Z', payment, paidAt: null,
  transactionId: null,
});

function scripted(...answers: (Answer | Error)[]) {
  let calls = 0;
  const send = (): Promise<Answer> => {
    const next = answers[Math.min(calls++, answers.length - 1)] as Answer | Error;
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { send, calls: () => calls };
}

const noWait = () => Promise.resolve();

describe('orderWithRetries', () => {
  it('returns the order of a 202, retrying network failures, 5xx and 429 with the same request', async () => {
    const server = scripted(new Error('offline'), { status: 503, body: null }, { status: 429, body: null },
      { status: 202, body: order('awaiting-payment', { kind: 'redirect', url: '/pay/demo/CD01' }) });
    let retries = 0;

    const outcome = await orderWithRetries(server.send, () => retries++, noWait);

    expect(outcome).toEqual({ kind: 'ordered', order: order('awaiting-payment', { kind: 'redirect', url: '/pay/demo/CD01' }) });
    expect(server.calls()).toBe(4);
    expect(retries).toBe(3);
  });

  it('gives the field messages of a refusal and does not retry it', async () => {
    const server = scripted({ status: 400, body: { title: '输入有误', errors: { amountFen: ['金额超出上限'] } } });

    expect(await orderWithRetries(server.send, () => undefined, noWait)).toEqual({ kind: 'refused', status: 400, reason: '金额超出上限' });
    expect(server.calls()).toBe(1);
  });

  it('stops after about 30 s of failures', async () => {
    let now = 0;
    const server = scripted({ status: 503, body: null });

    const outcome = await orderWithRetries(server.send, () => undefined, (ms) => { now += ms; return Promise.resolve(); }, () => now);

    expect(outcome).toEqual({ kind: 'unreachable' });
    expect(now).toBeLessThanOrEqual(32_000);
  });
});

describe('waitUntilSettled', () => {
  it('reads through unreachable moments until the provider notice made the order paid', async () => {
    const server = scripted(new Error('offline'), { status: 200, body: order('awaiting-payment') }, { status: 503, body: null },
      { status: 200, body: order('paid') });
    const seen: string[] = [];

    const settled = await waitUntilSettled(server.send, (o) => seen.push(o.status), 1_500, noWait);

    expect(settled?.status).toBe('paid');
    expect(seen).toEqual(['awaiting-payment', 'paid']);
  });

  it('ends with an expired order, and with null for an order the server does not know', async () => {
    expect((await waitUntilSettled(scripted({ status: 200, body: order('expired') }).send, () => undefined, 1, noWait))?.status).toBe('expired');
    expect(await waitUntilSettled(scripted({ status: 404, body: null }).send, () => undefined, 1, noWait)).toBeNull();
  });
});

describe('the way to the cashier and back', () => {
  it('sends the donor to the cashier with the phone page to come back to', () => {
    const back = returnUrl('http://192.168.1.20:5000', 'demo', 'd-0001-abcdef');
    const url = new URL(cashierUrl('/pay/demo/CD01', back, 'http://192.168.1.20:5000/e/demo'));

    expect(back).toBe('http://192.168.1.20:5000/e/demo?donation=d-0001-abcdef');
    expect(url.origin + url.pathname).toBe('http://192.168.1.20:5000/pay/demo/CD01');
    expect(url.searchParams.get('redirect_url')).toBe(back);
    expect(new URL(cashierUrl('https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1', back, 'http://x/')).searchParams.get('prepay_id')).toBe('wx1');
  });

  it('finds the order to wait for in the return address, else in what the phone kept for this event', () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };

    keepPending(storage, 'demo', 'd-kept-000001');

    expect(pendingOrder('demo', '?donation=d-from-url-01', storage)).toBe('d-from-url-01');
    expect(pendingOrder('demo', '', storage)).toBe('d-kept-000001');
    expect(pendingOrder('other-event', '', storage)).toBeNull();
    keepPending(storage, 'demo', null);
    expect(pendingOrder('demo', '', storage)).toBeNull();
    expect(pendingOrder('demo', '', null)).toBeNull();
  });
});
