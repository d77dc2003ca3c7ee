// What each card's buttons do: create and edit the event, the big screen, open/close/reopen, desks and
// their codes, the ledger's pages, voids and the CSV. Each asks its store and shows the answer.

import type { ApiResult } from '../../lib/api';
import { el, say } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { exactAmount } from './amounts';
import { problemText } from './problems';
import type { AdminRenderer } from './render';
import { readScreen } from './screenSettings';
import { readSetup } from './setup';
import type { AdminStores } from './stores';
import type { AdminPage } from './views/page';

export interface CardHooks {
  created(eventId: string): void;
  refreshAudit(): Promise<void>;
}

function onSubmit(form: HTMLFormElement, handler: () => Promise<void>): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void handler();
  });
}

export function bindCardActions(stores: AdminStores, page: AdminPage, render: AdminRenderer, hooks: CardHooks): void {
  const { events, desks, ledger } = stores;

  onSubmit(page.create.form, async () => {
    const form = page.create;
    const reading = readSetup(form.read());
    if (!reading.ok) {
      say(form.message, reading.message, 'error');
      form.focus(reading.field);
      return;
    }
    form.submit.disabled = true;
    const result = await events.create(form.eventId(), reading.setup);
    form.submit.disabled = false;
    if (!result.ok) {
      say(form.message, problemText(result.problem), 'error');
      return;
    }
    say(form.message, '');
    form.reset();
    render.eventList();
    hooks.created(result.body.id);
  });

  onSubmit(page.edit.form, async () => {
    const reading = readSetup(page.edit.read());
    if (!reading.ok) {
      say(page.edit.message, reading.message, 'error');
      page.edit.focus(reading.field);
      return;
    }
    const result = await events.save(reading.setup);
    if (!result.ok) {
      say(page.edit.message, problemText(result.problem), 'error');
      return;
    }
    render.forms();
    render.event();
    render.eventList();
    say(page.edit.message, t('admin.saved'));
  });

  onSubmit(page.screen.form, async () => {
    const reading = readScreen(page.screen.read());
    if (!reading.ok) {
      say(page.screen.message, reading.message, 'error');
      page.screen.focusSeconds();
      return;
    }
    const result = await events.saveScreen(reading.settings);
    say(page.screen.message, result.ok ? t('admin.screenSaved') : problemText(result.problem), result.ok ? 'ok' : 'error');
  });

  page.header.bindStatus((action) => void (async () => {
    page.header.busy(true);
    const result = await events.changeStatus(action);
    page.header.busy(false);
    say(page.header.message, result.ok ? '' : problemText(result.problem), result.ok ? 'ok' : 'error');
    render.event();
    render.eventList();
  })());

  onSubmit(page.desks.form, async () => {
    const { deskId, name } = page.desks.read();
    const result = await desks.add(deskId, name);
    if (!result.ok) {
      say(page.desks.message, problemText(result.problem), 'error');
      return;
    }
    say(page.desks.message, t('admin.deskAdded', { desk: result.body.name, code: result.body.accessCode }));
    render.desks();
    page.desks.reset();
  });

  page.desks.bindActions({
    rotate: (desk, control) => page.rotate.ask('admin.rotateConfirm', { desk: desk.name }, () => void (async () => {
      control.disabled = true;
      const result = await desks.rotate(desk.deskId);
      control.disabled = false;
      say(page.desks.message, result.ok ? t('admin.codeRotated', { desk: result.body.name, code: result.body.accessCode }) : problemText(result.problem),
        result.ok ? 'ok' : 'error');
      render.desks();
    })()),
    revoke: (desk, control) => page.revoke.ask('admin.revokeConfirm', { desk: desk.name }, () => void (async () => {
      control.disabled = true;
      const result = await desks.revoke(desk.deskId);
      control.disabled = false;
      say(page.desks.message, result.ok ? t('admin.deskRevoked', { desk: desk.name }) : problemText(result.problem), result.ok ? 'ok' : 'error');
    })()),
  });

  const showPage = async (turn: () => Promise<ApiResult<unknown> | undefined>): Promise<void> => {
    const result = await turn();
    say(page.ledger.message, result && !result.ok ? problemText(result.problem) : '', 'error');
    render.ledger();
  };
  page.ledger.first.addEventListener('click', () => void showPage(() => ledger.first()));
  page.ledger.previous.addEventListener('click', () => void showPage(() => ledger.previous()));
  page.ledger.next.addEventListener('click', () => void showPage(() => ledger.next()));
  page.ledger.latest.addEventListener('click', () => void showPage(() => ledger.latest()));
  page.ledgerSearch.bind((filter) => void showPage(() => ledger.search(filter)));

  page.ledger.bindVoid((entry) => page.voiding.open(entry));
  page.voiding.bindSubmit((entry, reason) => void (async () => {
    page.voiding.busy(true);
    const result = await ledger.voidPledge(entry.pledgeId, reason);
    page.voiding.busy(false);
    if (!result.ok) {
      page.voiding.failed(problemText(result.problem));
      return;
    }
    page.voiding.close();
    say(page.ledger.message, t('admin.voidDone', { entry: entry.entryNo, amount: exactAmount(entry.amountFen) }));
    render.ledger();
    await hooks.refreshAudit();
  })());

  page.ledger.csv.addEventListener('click', () => void (async () => {
    const eventId = ledger.selectedEventId;
    if (!eventId) return;
    page.ledger.csv.disabled = true;
    const result = await ledger.exportCsv();
    page.ledger.csv.disabled = false;
    if (!result.ok) {
      say(page.ledger.message, problemText(result.problem), 'error');
      return;
    }
    const url = URL.createObjectURL(result.body);
    const link = el('a', { attrs: { href: url, download: `${eventId}-ledger.csv` } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  })());
}
