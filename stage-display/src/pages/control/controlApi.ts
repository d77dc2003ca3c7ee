// The screen controller's calls to the server: sign in, read the event (its tiers and milestones),
// put a scene on the big screen, hold celebrations, and cue a milestone's celebration.

import { apiFetch, type ApiResult } from '../../lib/api';
import type { PublicEvent } from '../../lib/publicEvent';
import type { StaffSession } from '../../lib/staffSession';
import type { Schemas, SentBody } from '../../lib/types';

export type ShowState = Schemas['ShowState'];
export type SceneKind = Schemas['SceneKind'];
type SignInBody = SentBody<Schemas['StaffSignInRequest'], 'eventId' | 'role' | 'code'>;
export type ShowBody = SentBody<Schemas['ShowRequest'], never, 'scene' | 'tierFen' | 'holdCelebrations'>;
type CelebrationBody = SentBody<Schemas['CelebrationRequest'], 'milestoneFen'>;

const e = encodeURIComponent;

/** The server's calls, replaceable in tests. */
export interface ControlServer {
  signIn(eventId: string, code: string): Promise<ApiResult<StaffSession>>;
  event(eventId: string): Promise<ApiResult<PublicEvent>>;
  setShow(session: StaffSession, body: ShowBody): Promise<ApiResult<ShowState>>;
  celebrate(session: StaffSession, milestoneFen: number): Promise<ApiResult<ShowState>>;
}

export const httpControlServer: ControlServer = {
  signIn: (eventId, code) => {
    const body: SignInBody = { eventId, role: 'controller', code };
    return apiFetch<StaffSession>('/api/auth/staff', { method: 'POST', body });
  },
  event: (eventId) => apiFetch<PublicEvent>(`/api/events/${e(eventId)}`),
  setShow: (session, body) => apiFetch<ShowState>(`/api/events/${e(session.eventId)}/show`, { method: 'PUT', body, token: session.token }),
  celebrate: (session, milestoneFen) => {
    const body: CelebrationBody = { milestoneFen };
    return apiFetch<ShowState>(`/api/events/${e(session.eventId)}/show/celebrations`, { method: 'POST', body, token: session.token });
  },
};
