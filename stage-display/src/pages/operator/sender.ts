// Sends the desk's queue to the server: one pledge at a time under its own id, again after a
// backoff when no answer came, and not at all while the desk's sign-in is refused.

import { apiFetch, describeProblem, paths, type PledgeBody, type PledgeView } from '../../lib/api';
import { getLanguage, t, type MessageKey } from '../../lib/i18n';
import type { PledgeQueue, SendPledge } from '../../lib/queue';
import { serverText } from './serverText';
import type { Session } from './session';

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  amountFen: 'operator.amount',
  donorName: 'operator.donorName',
  donorKind: 'operator.donorKind',
  representative: 'operator.representative',
  note: 'operator.note',
  reason: 'operator.voidReason',
};

/** The server's field names in the operator's words (`donorName` → 捐赠方名称). */
export function fieldLabels(): Record<string, string> {
  return Object.fromEntries(Object.entries(FIELD_LABELS).map(([name, key]) => [name, t(key)]));
}

/** A refusal as the operator reads it, in the language on screen. */
export function refusalText(text: string, status?: number): string {
  const fallback = status ? t('operator.serverRefused', { status }) : t('operator.serverRefusedAny');
  return serverText(text, getLanguage(), fallback);
}

export interface SenderReport {
  /** True when an answer came (whatever it said); false when none did. */
  reachable?: boolean;
  /** When the next try is due, or undefined when none is waiting. */
  retryAt?: number | undefined;
  signedOut?: boolean;
}

export class QueueSender {
  readonly #queue: PledgeQueue<PledgeBody>;
  readonly #session: () => Session | undefined;
  readonly #report: (report: SenderReport) => void;
  readonly #fetch: typeof fetch | undefined;
  readonly #now: () => number;
  readonly #inRehearsal: () => boolean;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(queue: PledgeQueue<PledgeBody>, session: () => Session | undefined, report: (report: SenderReport) => void,
    options: { fetch?: typeof fetch; now?: () => number; inRehearsal?: () => boolean } = {}) {
    this.#queue = queue;
    this.#session = session;
    this.#report = report;
    this.#fetch = options.fetch;
    this.#now = options.now ?? (() => Date.now());
    this.#inRehearsal = options.inRehearsal ?? (() => false);
  }

  get retryPending(): boolean {
    return this.#retryTimer !== undefined;
  }

  hasQueued(): boolean {
    return this.#queue.entries().some((entry) => entry.state === 'queued');
  }

  async flush(): Promise<void> {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    const result = await this.#queue.flush(this.#send);
    if (result.outcome === 'retry') {
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        void this.flush();
      }, result.retryInMs);
      this.#report({ retryAt: this.#now() + result.retryInMs });
    } else if (result.outcome === 'signedOut') {
      this.#report({ retryAt: undefined, signedOut: true });
    } else if (result.outcome === 'done') {
      this.#report({ retryAt: undefined });
    }
  }

  stop(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  readonly #send: SendPledge<PledgeBody> = async ({ id, body, rehearsal }) => {
    const session = this.#session();
    if (!session) throw new Error(t('api.unauthorized'));
    // Held, not sent, until the server has said the rehearsal is still on: sent after a reset it
    // would count as live money. Once the server says otherwise, the store discards it.
    if (rehearsal && !this.#inRehearsal()) throw new Error(t('operator.rehearsalHeld'));
    const result = await apiFetch<PledgeView>(paths.pledges(session.eventId), {
      method: 'POST',
      token: session.token,
      body: { pledgeId: id, ...body },
      timeoutMs: 10_000,
      fetch: this.#fetch,
    });
    if (result.kind === 'network') {
      this.#report({ reachable: false });
      throw new Error(result.error);
    }
    if (result.kind === 'problem') {
      // A 5xx may be a balancer with no node behind it: not "reachable" for the offline banner.
      if (result.status < 500) this.#report({ reachable: true });
      // The queue keeps the title as the reason: give it the field messages too.
      return { status: result.status, body: { title: refusalText(describeProblem(result.problem, fieldLabels()), result.status) } };
    }
    this.#report({ reachable: true });
    return { status: result.status, body: result.body };
  };
}
