// What the operator typed, checked before the read-back: an exact amount within the cap, and a
// donor name unless the donor gives anonymously. The server checks everything again.

import type { PledgeBody } from '../../lib/api';
import type { MessageKey } from '../../lib/i18n';
import { parseAmountInput } from '../../lib/money';
import type { DonorKind } from '../../lib/types';

export interface PledgeForm {
  amount: string;
  donorName: string;
  donorKind: DonorKind;
  anonymous: boolean;
  representative: string;
  note: string;
}

export type PledgeDraft =
  | { ok: true; body: PledgeBody }
  | { ok: false; field: 'amount' | 'donorName'; message: MessageKey };

export function draftPledge(form: PledgeForm, deskId: string): PledgeDraft {
  const parsed = parseAmountInput(form.amount);
  if (!parsed.ok) {
    return { ok: false, field: 'amount', message: parsed.error };
  }
  const donorName = form.donorName.trim();
  if (donorName === '' && !form.anonymous) {
    return { ok: false, field: 'donorName', message: 'operator.donorNameRequired' };
  }
  const body: PledgeBody = { deskId, amountFen: parsed.fen, donorName, donorKind: form.donorKind, anonymous: form.anonymous };
  if (form.representative.trim()) body.representative = form.representative.trim();
  if (form.note.trim()) body.note = form.note.trim();
  return { ok: true, body };
}
