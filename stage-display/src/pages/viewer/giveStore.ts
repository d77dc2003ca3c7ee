// The giving half of the phone page, without DOM: the form's values, one order per attempt (the
// same client-made id on every retry, so the server keeps one order), the way to the cashier, the
// wait for the provider's notice and the thanks. The server calls come in as functions (tests fake them).

import {
  cashierUrl, keepPending, orderWithRetries, returnUrl, waitUntilSettled, type Answer, type Donation, type DonationOrderView,
} from '../../lib/donationOrder';
import { chosenAmountFen, emptyForm, readForm, sameContent, type GiveForm, type GiveNotice } from './giveForm';

/** Where the donor is: filling the form, on the way to the cashier, waiting for the payment, thanked. */
export type GivePhase =
  | { kind: 'form' }
  | { kind: 'redirecting' }
  | { kind: 'waiting'; donationId: string; payUrl: string | null; expiresAt: string | null }
  | { kind: 'thanks'; order: DonationOrderView };

export interface GiveStoreDeps {
  post: (donation: Donation) => Promise<Answer>;
  read: (donationId: string) => Promise<Answer>;
  newId: () => string;
  storage: Storage | null;
  /** The page's origin and address: where the cashier sends the donor back to. */
  origin: string;
  pageUrl: string;
  goTo: (url: string) => void;
  /** Fetches the event again after a refusal; resolves to whether it takes gifts now. */
  refreshEvent: () => Promise<boolean>;
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class GiveStore {
  form: Readonly<GiveForm> = emptyForm;
  #phase: GivePhase = { kind: 'form' };
  #notice: GiveNotice | null = null;
  #pending: Donation | null = null; // the attempt not yet confirmed: retries reuse its id
  #sending = false;
  #retrying = false;
  #waitToken = 0;
  readonly #listeners = new Set<() => void>();

  constructor(readonly eventId: string, private readonly deps: GiveStoreDeps) {}

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get phase(): GivePhase {
    return this.#phase;
  }

  get notice(): GiveNotice | null {
    return this.#notice;
  }

  get sending(): boolean {
    return this.#sending;
  }

  get retrying(): boolean {
    return this.#sending && this.#retrying;
  }

  /** The amount the donor would give now, or null while there is none. */
  get amountFen(): number | null {
    return chosenAmountFen(this.form);
  }

  /** Counted as the server and `maxlength` count: UTF-16 units. */
  get messageLength(): number {
    return this.form.message.length;
  }

  choosePreset(fen: number): void {
    this.form = { ...this.form, presetFen: fen, amountText: '' };
    this.#change(null);
  }

  edit(values: Partial<Omit<GiveForm, 'presetFen'>>): void {
    const typedAmount = values.amountText !== undefined && values.amountText.trim() !== '';
    this.form = { ...this.form, ...values, ...(typedAmount ? { presetFen: null } : {}) };
    this.#change(values.message !== undefined && Object.keys(values).length === 1 ? this.#notice : null);
  }

  /** Sends the form: the same content as the unconfirmed attempt keeps its id. */
  async submit(): Promise<void> {
    if (this.#sending) {
      return;
    }
    const read = readForm(this.form);
    if ('error' in read) {
      this.#change(read.error);
      return;
    }
    if (!this.#pending || !sameContent(this.#pending, read.content)) {
      this.#pending = { donationId: this.deps.newId(), ...read.content };
    }
    await this.#send(this.#pending);
  }

  async retry(): Promise<void> {
    if (this.#pending && !this.#sending) {
      await this.#send(this.#pending);
    }
  }

  /** Back from the cashier (or a reload while paying): wait for that order. */
  resume(donationId: string): void {
    this.#wait(donationId, null);
  }

  giveUp(): void {
    keepPending(this.deps.storage, this.eventId, null);
    this.#pending = null;
    this.#waitToken++;
    this.#phase = { kind: 'form' };
    this.#change(null);
  }

  /** A new gift after the thanks: new id (the last is settled), new amount and message; the name stays. */
  giveAgain(): void {
    this.form = { ...this.form, presetFen: null, amountText: '', message: '' };
    this.#phase = { kind: 'form' };
    this.#change(null);
  }

  async #send(donation: Donation): Promise<void> {
    this.#sending = true;
    this.#retrying = false;
    this.#change(null);
    const outcome = await orderWithRetries(() => this.deps.post(donation), () => {
      this.#retrying = true;
      this.#emit();
    }, this.deps.wait, this.deps.now);
    this.#sending = false;
    this.#retrying = false;

    if (outcome.kind === 'ordered') {
      this.#settle(outcome.order);
    } else if (outcome.kind === 'unreachable') {
      this.#change({ key: 'viewer.unreachable', canRetry: true });
    } else if (outcome.status === 404) {
      this.#change({ key: 'viewer.unknownEvent', canRetry: false });
    } else if (outcome.status === 409) {
      this.#emit();
      if (await this.deps.refreshEvent()) {
        this.#pending = null; // the id clashed with other content: the next attempt needs a new one
        this.#change({ key: 'viewer.failed', params: { reason: outcome.reason }, canRetry: false });
      } else {
        this.#change({ key: 'viewer.eventNotLive', canRetry: false });
      }
    } else {
      this.#change({ key: 'viewer.failed', params: { reason: outcome.reason }, canRetry: false });
    }
  }

  /** Thanks for a paid order, a note for an expired one, and for one awaiting payment: the cashier. */
  #settle(order: DonationOrderView): void {
    if (order.status === 'paid' || order.status === 'expired') {
      this.#pending = null;
      this.#waitToken++;
      keepPending(this.deps.storage, this.eventId, null);
      this.#phase = order.status === 'paid' ? { kind: 'thanks', order } : { kind: 'form' };
      this.#change(order.status === 'paid' ? null : { key: 'viewer.orderExpired', canRetry: false });
      return;
    }
    keepPending(this.deps.storage, this.eventId, order.donationId);
    if (order.payment?.kind === 'redirect' && this.#phase.kind !== 'waiting') {
      this.#phase = { kind: 'redirecting' };
      this.#emit();
      this.deps.goTo(this.#cashier(order.payment.url, order.donationId));
      return;
    }
    this.#wait(order.donationId, order.payment?.url ?? null);
  }

  /** Reads the order until the provider's notice is in; a wait given up meanwhile reads no more. */
  #wait(donationId: string, paymentUrl: string | null): void {
    const token = ++this.#waitToken;
    const current = () => token === this.#waitToken;
    this.#phase = { kind: 'waiting', donationId, payUrl: paymentUrl && this.#cashier(paymentUrl, donationId), expiresAt: null };
    this.#change(null);
    const read = (): Promise<Answer> => (current() ? this.deps.read(donationId) : Promise.resolve({ status: 404, body: null }));
    void waitUntilSettled(read, (order) => {
      if (current() && this.#phase.kind === 'waiting') {
        const payUrl = order.payment ? this.#cashier(order.payment.url, donationId) : this.#phase.payUrl;
        this.#phase = { ...this.#phase, payUrl, expiresAt: order.expiresAt };
        this.#emit();
      }
    }, undefined, this.deps.wait).then((order) => {
      if (!current()) {
        return;
      }
      if (order === null) {
        this.giveUp(); // the server does not know the order: nothing to wait for
      } else if (order.status !== 'awaiting-payment') {
        this.#settle(order);
      }
    });
  }

  #cashier(paymentUrl: string, donationId: string): string {
    return cashierUrl(paymentUrl, returnUrl(this.deps.origin, this.eventId, donationId), this.deps.pageUrl);
  }

  #change(notice: GiveNotice | null): void {
    this.#notice = notice && { ...notice, canRetry: notice.canRetry && this.#pending !== null };
    this.#emit();
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) {
      listener();
    }
  }
}
