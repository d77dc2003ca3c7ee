// Online giving from the phone: create the order (same client-made id on every retry), go to the
// payment provider's cashier, and on the way back read the order until the provider's notice has put
// it in the ledger. Only a paid order is thanked; an order never paid expires and never counts.

import type { Schemas, SentBody } from './types';

/** `GET/POST /api/events/{id}/donations…`: an order as the server keeps it; `orderNo` is our order number at the provider, the donor's receipt number once paid. */
export type DonationOrderView = Schemas['DonationOrderView'];

export type OrderStatus = DonationOrderView['status'];

/** What the donor typed. */
export type DonationContent = SentBody<Schemas['DonationRequest'], 'amountFen' | 'anonymous', 'donorName' | 'message'>;

/** What the phone sends: the content under the id it made once for this donation. */
export type Donation = SentBody<Schemas['DonationRequest'], 'donationId' | 'amountFen' | 'anonymous', 'donorName' | 'message'>;

export type OrderOutcome =
  | { kind: 'ordered'; order: DonationOrderView }
  | { kind: 'refused'; status: number; reason: string }
  | { kind: 'unreachable' };

export interface Answer {
  status: number;
  body: unknown;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
const RETRY_BUDGET_MS = 32_000;
const ATTEMPT_TIMEOUT_MS = 10_000;
const PENDING_KEY = 'charityday.pendingDonation';

const ordersPath = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}/donations`;

async function fetchJson(url: string, init: RequestInit): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
  try {
    const response = await fetch(url, { ...init, cache: 'no-store', signal: controller.signal });
    return { status: response.status, body: await response.json().catch(() => null) };
  } finally {
    clearTimeout(timer);
  }
}

export const postOrder = (eventId: string, donation: Donation): Promise<Answer> =>
  fetchJson(ordersPath(eventId), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(donation),
  });

export const readOrder = (eventId: string, donationId: string): Promise<Answer> =>
  fetchJson(`${ordersPath(eventId)}/${encodeURIComponent(donationId)}`, { headers: { Accept: 'application/json' } });

const isTransient = (status: number) => status >= 500 || status === 429 || status === 408;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends until the server answers for real; network failures, 5xx and 429 retry for about 30 s. */
export async function orderWithRetries(
  send: () => Promise<Answer>, onRetrying: () => void, wait: (ms: number) => Promise<void> = sleep, now: () => number = Date.now,
): Promise<OrderOutcome> {
  const started = now();
  for (let attempt = 0; ; attempt++) {
    const answer = await send().catch(() => null);
    if (answer && !isTransient(answer.status)) {
      if (answer.status === 200 || answer.status === 202) {
        return { kind: 'ordered', order: answer.body as DonationOrderView };
      }
      return { kind: 'refused', status: answer.status, reason: problemReason(answer.body) ?? `HTTP ${answer.status}` };
    }
    const delay = RETRY_DELAYS_MS[attempt] ?? RETRY_DELAYS_MS.at(-1) ?? 15_000;
    if (now() - started + delay > RETRY_BUDGET_MS) {
      return { kind: 'unreachable' };
    }
    onRetrying();
    await wait(delay);
  }
}

/**
 * Reads the order until it is paid or expired. Unreachable reads just try again: the payment is the
 * provider's, and its notice reaches the server whether or not this phone is online.
 */
export async function waitUntilSettled(
  read: () => Promise<Answer>, onOrder: (order: DonationOrderView) => void, intervalMs = 1_500,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<DonationOrderView | null> {
  for (;;) {
    const answer = await read().catch(() => null);
    if (answer?.status === 404) {
      return null;
    }
    if (answer?.status === 200) {
      const order = answer.body as DonationOrderView;
      onOrder(order);
      if (order.status !== 'awaiting-payment') {
        return order;
      }
    }
    await wait(intervalMs);
  }
}

/** The cashier's address with where to come back to (WeChat Pay H5 takes it as `redirect_url`). */
export function cashierUrl(paymentUrl: string, back: string, base: string): string {
  const url = new URL(paymentUrl, base);
  url.searchParams.set('redirect_url', back);
  return url.toString();
}

/** The phone page's own address for coming back to an order. */
export const returnUrl = (origin: string, eventId: string, donationId: string) =>
  `${origin}/e/${encodeURIComponent(eventId)}?donation=${encodeURIComponent(donationId)}`;

/** Which order the phone left to pay: from the address it came back to, else from what it kept. */
export function pendingOrder(eventId: string, search: string, storage: Pick<Storage, 'getItem'> | null): string | null {
  const fromUrl = new URLSearchParams(search).get('donation');
  if (fromUrl) {
    return fromUrl;
  }
  try {
    const kept = JSON.parse(storage?.getItem(PENDING_KEY) ?? 'null') as { eventId?: string; donationId?: string } | null;
    return kept?.eventId === eventId && typeof kept.donationId === 'string' ? kept.donationId : null;
  } catch {
    return null;
  }
}

export function keepPending(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, eventId: string, donationId: string | null): void {
  try {
    if (donationId === null) {
      storage?.removeItem(PENDING_KEY);
    } else {
      storage?.setItem(PENDING_KEY, JSON.stringify({ eventId, donationId }));
    }
  } catch {
    // Private mode without storage: the return address still carries the id.
  }
}

/** The field messages of a validation problem, else its title. */
export function problemReason(problem: unknown): string | undefined {
  if (typeof problem !== 'object' || problem === null) {
    return undefined;
  }
  const { errors, title } = problem as { errors?: unknown; title?: unknown };
  if (typeof errors === 'object' && errors !== null) {
    const messages = Object.values(errors).flat().filter((m): m is string => typeof m === 'string');
    if (messages.length > 0) {
      return messages.join('；');
    }
  }
  return typeof title === 'string' && title !== '' ? title : undefined;
}
