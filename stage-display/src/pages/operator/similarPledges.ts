// "Desk 2 took this placard a minute ago": before a pledge is stored, the console asks the server
// whether any desk recorded the same donor and amount in the last minutes. A question only — an
// anonymous pledge has no name to compare, and a slow or unreachable server must never hold up
// recording, so anything but a quick answer counts as "nothing similar".

import { apiFetch, type PledgeBody } from '../../lib/api';
import type { Schemas } from '../../lib/types';
import type { Session } from './session';

export type SimilarPledge = Schemas['SimilarPledgeView'];
type SimilarQuestion = Schemas['SimilarPledgesRequest'];
type SimilarAnswer = Schemas['SimilarPledgesView'];

/** Long enough for a LAN answer, short enough that the read-back is not still waiting when it is read. */
export const SIMILAR_TIMEOUT_MS = 1_500;

export function similarPath(eventId: string): string {
  return `/api/events/${encodeURIComponent(eventId)}/pledges/similar`;
}

/** Whether the pledge is worth asking about at all. */
export function asksAboutSimilar(body: PledgeBody): boolean {
  return !body.anonymous && body.donorName.trim() !== '';
}

/** Same donor and amount recorded by any desk within the window, newest first; [] when unknown. */
export async function findSimilarPledges(session: Session, body: PledgeBody, fetchImpl?: typeof fetch): Promise<SimilarPledge[]> {
  if (!asksAboutSimilar(body)) return [];
  const question: SimilarQuestion = { deskId: session.deskId, donorName: body.donorName, amountFen: body.amountFen };
  const result = await apiFetch<SimilarAnswer>(similarPath(session.eventId), {
    method: 'POST', token: session.token, body: question, timeoutMs: SIMILAR_TIMEOUT_MS, fetch: fetchImpl,
  });
  if (!result.ok || !Array.isArray(result.body?.matches)) return [];
  return result.body.matches;
}
