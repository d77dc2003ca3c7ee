// The moderator's calls to the server: sign in, read the queue, decide on a name.

import { apiFetch, type ApiResult } from '../../lib/api';
import type { Schemas, SentBody } from '../../lib/types';
import type { StaffSession } from '../../lib/staffSession';

export type ModerationEntry = Schemas['ModerationEntryView'];
export type ModerationState = Schemas['ModerationState'];
export type ModerationAction = Schemas['ModerationAction'];
export type ModerationDecision = Schemas['ModerationDecisionView'];
type SignInBody = SentBody<Schemas['StaffSignInRequest'], 'eventId' | 'role' | 'code'>;
type DecisionBody = SentBody<Schemas['ModerationRequest'], 'action', 'displayName'>;

const e = encodeURIComponent;

/** The server's calls, replaceable in tests. */
export interface ModerationServer {
  signIn(eventId: string, code: string): Promise<ApiResult<StaffSession>>;
  queue(session: StaffSession, state: ModerationState): Promise<ApiResult<ModerationEntry[]>>;
  decide(session: StaffSession, pledgeId: string, action: ModerationAction, displayName?: string): Promise<ApiResult<ModerationDecision>>;
}

export const httpModerationServer: ModerationServer = {
  signIn: (eventId, code) => {
    const body: SignInBody = { eventId, role: 'moderator', code };
    return apiFetch<StaffSession>('/api/auth/staff', { method: 'POST', body });
  },
  queue: (session, state) =>
    apiFetch<ModerationEntry[]>(`/api/events/${e(session.eventId)}/moderation?state=${state}&limit=200`, { token: session.token }),
  decide: (session, pledgeId, action, displayName) => {
    const body: DecisionBody = action === 'rename' && displayName !== undefined ? { action, displayName } : { action };
    return apiFetch<ModerationDecision>(`/api/events/${e(session.eventId)}/moderation/${e(pledgeId)}`, {
      method: 'POST',
      body,
      token: session.token,
    });
  },
};
