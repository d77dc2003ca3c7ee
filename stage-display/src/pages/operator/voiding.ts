// A void from the desk: a new ledger entry that takes a pledge back, with the operator's reason.

import { apiFetch, describeProblem, paths } from '../../lib/api';
import { t } from '../../lib/i18n';
import { fieldLabels, refusalText } from './sender';
import type { Session } from './session';

export type VoidOutcome = { ok: true } | { ok: false; status?: number; message: string };

export async function voidPledge(session: Session, pledgeId: string, reason: string, fetchImpl?: typeof fetch): Promise<VoidOutcome> {
  const trimmed = reason.trim();
  if (trimmed === '') return { ok: false, message: t('operator.voidReasonRequired') };
  const result = await apiFetch(paths.voidPledge(session.eventId, pledgeId), {
    method: 'POST',
    token: session.token,
    body: { reason: trimmed },
    fetch: fetchImpl,
  });
  if (result.ok) return { ok: true };
  const why = refusalText(describeProblem(result.problem, fieldLabels()), result.status);
  return { ok: false, status: result.status, message: t('operator.voidFailed', { reason: why }) };
}
