// Everything the console's views draw from: one immutable snapshot per change of the store.

import type { DeskPledge, EventView } from '../../lib/api';
import type { Confirmation } from './confirmation';
import type { DiscardNotice } from './rehearsalQueue';
import type { Entry } from './queueSummary';
import type { Session } from './session';

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
