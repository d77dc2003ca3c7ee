// The desk's sign-in call: one message for any wrong event, desk or code, as the server gives one.

import { apiFetch, paths, type DeskSignIn, type EventSummary } from '../../lib/api';
import { t } from '../../lib/i18n';
import { refusalText } from './sender';

export type SignInAnswer = { ok: true; session: DeskSignIn } | { ok: false; message: string };

export async function requestSignIn(eventId: string, deskId: string, accessCode: string, fetchImpl?: typeof fetch): Promise<SignInAnswer> {
  if (!eventId || !deskId || !accessCode) return { ok: false, message: t('operator.signInFailed') };
  const result = await apiFetch<DeskSignIn>(paths.signIn(), { method: 'POST', body: { eventId, deskId, accessCode }, fetch: fetchImpl });
  if (result.ok) return { ok: true, session: result.body };
  // 429 (too many wrong codes) keeps the server's words: it says how long to wait.
  return { ok: false, message: result.status === 401 ? t('operator.signInFailed') : refusalText(result.problem.title, result.status) };
}

/** The events the server lists, for the sign-in form's suggestions; none when it cannot answer. */
export async function listEvents(fetchImpl?: typeof fetch): Promise<EventSummary[]> {
  const result = await apiFetch<EventSummary[]>(paths.events(), { fetch: fetchImpl });
  return result.ok ? result.body : [];
}
