// Everything the console's views draw from: one immutable snapshot per change of the store, and the
// first one, from what this device kept.

import type { DeskPledge, EventView } from '../../lib/api';
import type { Confirmation } from './confirmation';
import type { TotalFeed } from './eventFollower';
import type { DiscardNotice } from './rehearsalQueue';
import type { Entry } from './queueSummary';
import { DISMISSED_KEY, readJson, storedSession, type ConsoleStorage, type Session } from './session';

export type SignInOutcome = { kind: 'started' | 'resumed' | 'otherDesk' } | { kind: 'failed'; message: string };

export interface OperatorDeps {
  storage: ConsoleStorage;
  fetch?: typeof fetch;
  now?: () => number;
  newId?: () => string;
  /** The live total of the event, followed for changes of its status. */
  followTotal?: (eventId: string) => TotalFeed;
}

export interface OperatorState {
  /** 'signIn' until a desk is signed in on this page; then 'console' for good. */
  readonly phase: 'signIn' | 'console';
  readonly session: Session | undefined;
  /** The server refused the desk's token (expired or revoked): the queue waits for a new sign-in. */
  readonly signedOut: boolean;
  /** Why the sign-in form shows on opening: a stored sign-in ran out. */
  readonly sessionExpired: boolean;
  readonly event: EventView | undefined;
  readonly offline: boolean;
  readonly retryAt: number | undefined;
  readonly entries: readonly Entry[];
  readonly dismissed: ReadonlySet<string>;
  readonly deskPledges: readonly DeskPledge[];
  readonly deskError: string | undefined;
  readonly confirmation: Confirmation | undefined;
  readonly now: number;
  /** Rehearsal pledges taken off this device unsent, until the operator closes the notice. */
  readonly discardNotice: DiscardNotice | undefined;
}

/** The console as the page opens: the stored sign-in (if any) and the refused entries already put away. */
export function initialState(storage: ConsoleStorage, now: number): OperatorState {
  return {
    phase: 'signIn', session: storedSession(storage), signedOut: false, sessionExpired: false, event: undefined, offline: false, retryAt: undefined,
    entries: [], dismissed: new Set(readJson<string[]>(storage, DISMISSED_KEY) ?? []), deskPledges: [], deskError: undefined,
    confirmation: undefined, now, discardNotice: undefined,
  };
}
