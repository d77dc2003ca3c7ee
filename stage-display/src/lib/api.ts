// The HTTP side of the operator and admin consoles. Every call resolves, never throws: an answer
// (2xx), a refusal with the server's RFC 7807 problem already read for display, or "no answer"
// (network down, timeout). The pages decide what each means; an unanswered pledge, for one, is
// simply sent again under the same id.

import { t } from './i18n';
import { parseAmountInput, type AmountParseResult } from './money';
import type { Schemas, SentBody } from './types';

// ---- Wire types of the routes these consoles call (generated: see types.ts) ----

export type EventStatus = Schemas['EventStatus'];

export type EventSummary = Schemas['EventSummary'];

export type EventView = Schemas['EventView'];

export type DeskSignIn = Schemas['DeskSignInResponse'];

/** A desk with its access code: only the answer that created the desk or rotated its code has it. */
export type DeskAccess = Schemas['DeskAccessView'];

/** A desk as the admin's list shows it: the code is stored hashed and never shown again. */
export type DeskListing = Schemas['DeskView'];

/** What the operator typed; the pledge id travels beside it, made once by the queue. */
export type PledgeBody = SentBody<
  Schemas['PledgeRequest'], 'deskId' | 'amountFen' | 'donorName' | 'donorKind' | 'anonymous', 'representative' | 'note'
>;

export type PledgeView = Schemas['PledgeView'];

export type DeskPledge = Schemas['DeskPledgeView'];

/** One ledger row; on a void row `amountFen` is negative (what it takes back) and `note` is the reason. */
export type LedgerEntryView = Schemas['LedgerEntryView'];

export type LedgerPage = Schemas['LedgerPage'];
export type LedgerMatch = Schemas['LedgerMatch'];

export type AuditReport = Schemas['AuditReport'];

// ---- Results ----

/** A refusal, ready to show: the title, and each field's messages for a 400. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  /** Field name (as the server spells it, e.g. `donorName`) → messages. */
  fieldErrors: Record<string, string[]>;
}

export type ApiResult<T> =
  | { kind: 'ok'; ok: true; status: number; body: T }
  | { kind: 'problem'; ok: false; status: number; body: unknown; problem: Problem }
  /** No answer came: the request may or may not have reached the server. */
  | { kind: 'network'; ok: false; status: 0; error: string; problem: Problem };

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** The bearer: a desk token or the admin key. */
  token?: string | null;
  /** Gives up after this long (default 15 s); a give-up reads as a network failure. */
  timeoutMs?: number;
  /** How to read a 2xx answer (default JSON). */
  read?: 'json' | 'blob';
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Calls the API. Never throws. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (request.token) {
    headers.Authorization = `Bearer ${request.token}`;
  }
  const doFetch = request.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await doFetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
      cache: 'no-store',
    });
    if (response.ok) {
      const body = request.read === 'blob' ? await response.blob() : await readBody(response);
      return { kind: 'ok', ok: true, status: response.status, body: body as T };
    }
    const body = await readBody(response);
    return { kind: 'problem', ok: false, status: response.status, body, problem: parseProblem(response.status, body) };
  } catch (error) {
    const message = controller.signal.aborted ? t('api.timeout') : t('common.networkError');
    return {
      kind: 'network',
      ok: false,
      status: 0,
      error: error instanceof Error && !controller.signal.aborted ? `${message} (${error.message})` : message,
      problem: { status: 0, title: message, fieldErrors: {} },
    };
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Reads an RFC 7807 problem (`title`, `detail`, and for a 400 an `errors` object of field →
 * messages). Anything else, an empty 429 from the rate limiter for one, gets a title of our own.
 */
export function parseProblem(status: number, body: unknown): Problem {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const title = typeof record.title === 'string' && record.title.trim() !== '' ? record.title : fallbackTitle(status);
  const problem: Problem = { status, title, fieldErrors: fieldErrors(record.errors) };
  if (typeof record.detail === 'string' && record.detail !== '') {
    problem.detail = record.detail;
  }
  return problem;
}

function fallbackTitle(status: number): string {
  if (status === 401) return t('api.unauthorized');
  if (status === 403) return t('api.forbidden');
  if (status === 429) return t('api.rateLimited');
  if (status >= 500) return t('api.serverError', { status });
  return t('api.httpError', { status });
}

function fieldErrors(errors: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) {
    return result;
  }
  for (const [field, messages] of Object.entries(errors as Record<string, unknown>)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string');
    if (list.length > 0) {
      result[field] = list;
    }
  }
  return result;
}

/**
 * One line for a status bar: the title, then each field's messages. `labels` turns the server's
 * field names into the page's words (`donorName` → 捐赠方名称).
 */
export function describeProblem(problem: Problem, labels: Readonly<Record<string, string>> = {}): string {
  const fields = Object.entries(problem.fieldErrors).map(
    ([field, messages]) => `${labels[field] ?? field}: ${messages.join('; ')}`,
  );
  return fields.length === 0 ? problem.title : `${problem.title} — ${fields.join(' · ')}`;
}

// ---- Typed amounts for requests ----

export type AmountListResult =
  | { ok: true; fen: number[] }
  | { ok: false; item: string; error: AmountParseResult & { ok: false } };

/**
 * The admin's list of tiers or milestones: `1000万, 500万 100万`, `1亿、2亿`, one per line, and
 * amounts written with thousands separators (`5,000元, 1000万`). A comma is a separator unless
 * it sits between a digit and exactly three digits, where it groups thousands.
 */
export function parseAmountList(text: string, maxFen?: number): AmountListResult {
  const items = splitAmountList(text);
  const fen: number[] = [];
  for (const item of items) {
    const parsed = parseAmountInput(item, maxFen);
    if (!parsed.ok) {
      return { ok: false, item, error: parsed };
    }
    fen.push(parsed.fen);
  }
  return { ok: true, fen };
}

export function splitAmountList(text: string): string[] {
  const items: string[] = [];
  // NFKC first so a full-width comma (，) is an ASCII comma for the grouping rule below.
  for (const chunk of text.normalize('NFKC').split(/[\s、;]+/u)) {
    let current = '';
    for (const part of chunk.split(',')) {
      if (current !== '' && /\d$/.test(current) && /^\d{3}(?!\d)/.test(part)) {
        current += `,${part}`;
      } else {
        if (current !== '') items.push(current);
        current = part;
      }
    }
    if (current !== '') items.push(current);
  }
  return items;
}

// ---- Paths ----

const e = encodeURIComponent;

export const paths = {
  signIn: () => '/api/auth/desk',
  events: () => '/api/events',
  event: (eventId: string) => `/api/events/${e(eventId)}`,
  open: (eventId: string) => `/api/events/${e(eventId)}/open`,
  close: (eventId: string) => `/api/events/${e(eventId)}/close`,
  reopen: (eventId: string) => `/api/events/${e(eventId)}/reopen`,
  screen: (eventId: string) => `/api/events/${e(eventId)}/screen`,
  desks: (eventId: string) => `/api/events/${e(eventId)}/desks`,
  deskCode: (eventId: string, deskId: string) => `/api/events/${e(eventId)}/desks/${e(deskId)}/code`,
  deskRevoke: (eventId: string, deskId: string) => `/api/events/${e(eventId)}/desks/${e(deskId)}/revoke`,
  pledges: (eventId: string) => `/api/events/${e(eventId)}/pledges`,
  deskPledges: (eventId: string, deskId: string, limit = 50) =>
    `/api/events/${e(eventId)}/desks/${e(deskId)}/pledges?limit=${limit}`,
  voidPledge: (eventId: string, pledgeId: string) => `/api/events/${e(eventId)}/pledges/${e(pledgeId)}/void`,
  total: (eventId: string) => `/api/events/${e(eventId)}/total`,
  /** `search` is a ledger search's query (ledgerFilter.ts), empty for the whole ledger. */
  ledger: (eventId: string, after: number, limit = 100, search = '') =>
    `/api/events/${e(eventId)}/ledger?after=${after}&limit=${limit}${search ? `&${search}` : ''}`,
  ledgerCsv: (eventId: string) => `/api/events/${e(eventId)}/ledger.csv`,
  audit: (eventId: string) => `/api/events/${e(eventId)}/audit`,
  screenPage: (eventId: string) => `/screen/${e(eventId)}`,
  viewerPage: (eventId: string) => `/e/${e(eventId)}`,
} as const;
