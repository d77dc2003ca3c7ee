// The admin's void from the ledger: which entry, a reason, and the server's answer. The reason goes to
// the server as typed; a bad one (empty, too long, hidden characters) comes back as its problem, shown
// in the dialog, and nothing is voided.

import type { LedgerEntryView } from '../../../lib/api';
import { el, field, input, say } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { exactAmount } from '../amounts';
import { donorLabel } from './ledgerView';

export function voidDialog() {
  let submit: (entry: LedgerEntryView, reason: string) => void = () => undefined;
  const summary = el('p', { class: 'void-summary', testid: 'ledger-void-summary' });
  const reason = input('ledger-void-reason', 'admin.voidReasonPlaceholder', { maxlength: '400' });
  const error = el('div', { class: 'message', testid: 'ledger-void-error', attrs: { role: 'alert', 'data-tone': 'error' } });
  const ok = el('button', { class: 'danger-solid', testid: 'ledger-void-ok', i18n: 'admin.void', attrs: { type: 'submit' } });
  const cancel = el('button', { class: 'secondary', testid: 'ledger-void-cancel', i18n: 'common.cancel', attrs: { type: 'button' } });
  const form = el('form', { class: 'void-form', attrs: { novalidate: '' } },
    el('h2', { i18n: 'admin.voidTitle' }), summary,
    el('div', { class: 'dialog-body' }, field('admin.voidReason', reason), el('p', { class: 'hint', i18n: 'admin.voidHint' }), error),
    el('div', { class: 'dialog-buttons' }, cancel, ok));
  const element = el('dialog', { class: 'dialog', testid: 'ledger-void-dialog' }, form);
  let voiding: LedgerEntryView | undefined;

  cancel.addEventListener('click', () => element.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (voiding) submit(voiding, reason.value);
  });

  return {
    element,
    bindSubmit(handler: (entry: LedgerEntryView, reason: string) => void): void {
      submit = handler;
    },
    open(entry: LedgerEntryView): void {
      voiding = entry;
      summary.textContent = t('admin.voidSummary', { entry: entry.entryNo, amount: exactAmount(entry.amountFen), donor: donorLabel(entry) });
      reason.value = '';
      say(error, '', 'error');
      ok.disabled = false;
      element.showModal();
      reason.focus();
    },
    busy(running: boolean): void {
      ok.disabled = running;
    },
    failed(text: string): void {
      say(error, text, 'error');
      reason.focus();
    },
    close(): void {
      voiding = undefined;
      element.close();
    },
  };
}
