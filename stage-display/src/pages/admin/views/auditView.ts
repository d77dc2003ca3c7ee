// The audit card: does the ledger's sum agree with the live total, and when it was checked.

import type { AuditReport } from '../../../lib/api';
import { el } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { exactAmount } from '../amounts';
import { clockTime } from '../../../lib/clock';

export function auditView() {
  const verdict = el('div', { class: 'audit-verdict' });
  const ledger = el('div', { class: 'audit-line' });
  const live = el('div', { class: 'audit-line' });
  const checked = el('div', { class: 'hint' });
  const element = el('section', { class: 'card audit-card', testid: 'audit', attrs: { 'data-agrees': 'true' } },
    el('h2', { i18n: 'admin.audit' }),
    el('div', { class: 'audit-body' }, verdict, el('div', { class: 'audit-sums' }, ledger, live, checked)),
    el('p', { class: 'hint', i18n: 'admin.auditHint' }));

  function render(report: AuditReport | undefined): void {
    element.hidden = !report;
    if (!report) return;
    element.dataset.agrees = String(report.agrees);
    element.classList.toggle('disagrees', !report.agrees);
    verdict.textContent = t(report.agrees ? 'admin.auditAgrees' : 'admin.auditDisagrees');
    ledger.textContent = t('admin.auditLedgerSum', { amount: exactAmount(report.ledgerTotalFen), count: report.ledgerPledgeCount });
    live.textContent = t('admin.auditLiveTotal', { amount: exactAmount(report.liveTotalFen), count: report.livePledgeCount });
    checked.textContent = t('admin.auditCheckedAt', { time: clockTime(report.checkedAt) });
  }

  return { element, render };
}
