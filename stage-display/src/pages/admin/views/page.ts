// Every view of the console, put together in the order the night needs them: what the admin watches
// (audit, big screen, ledger, the desk and channel table, online orders), then the set-up (event, desks,
// moderation, screen control).

import { el } from '../../../lib/dom';
import { auditView } from './auditView';
import { confirmDialog } from './confirmDialog';
import { controlAccessView } from './controlAccessView';
import { desksView } from './desksView';
import { eventHeaderView } from './eventHeaderView';
import { eventListView } from './eventListView';
import { ledgerFilterView } from './ledgerFilterView';
import { ledgerView } from './ledgerView';
import { moderationView } from './moderationView';
import { ordersView } from './ordersView';
import { screenView } from './screenView';
import { setupFormView } from './setupFormView';
import { signInView, topBar } from './shell';
import { tallyView } from './tallyView';
import { voidDialog } from './voidDialog';

export function adminPage(app: HTMLElement) {
  const ledgerSearch = ledgerFilterView();
  const views = {
    top: topBar(),
    signIn: signInView(),
    eventList: eventListView(),
    content: el('div', { class: 'content' }),
    create: setupFormView('create'),
    header: eventHeaderView(),
    audit: auditView(),
    screen: screenView(),
    ledger: ledgerView(ledgerSearch.element),
    ledgerSearch,
    tally: tallyView(),
    orders: ordersView(),
    edit: setupFormView('edit'),
    desks: desksView(),
    moderation: moderationView(),
    control: controlAccessView(),
    voiding: voidDialog(),
    rotate: confirmDialog({ name: 'rotate', title: 'admin.confirmRotateTitle', ok: 'admin.rotateCode', okClass: 'primary' }),
    revoke: confirmDialog({ name: 'revoke', title: 'admin.confirmRevokeTitle', ok: 'admin.revokeDesk', okClass: 'danger-solid' }),
    rotateModerator: confirmDialog({ name: 'rotate-moderator', title: 'admin.confirmRotateModeratorTitle', ok: 'admin.rotateModeratorCode', okClass: 'primary' }),
    revokeModerator: confirmDialog({ name: 'revoke-moderator', title: 'admin.confirmRevokeModeratorTitle', ok: 'admin.revokeModerator', okClass: 'danger-solid' }),
    rotateController: confirmDialog({ name: 'rotate-controller', title: 'control.admin.rotateTitle', ok: 'control.admin.rotateCode', okClass: 'primary' }),
    revokeController: confirmDialog({ name: 'revoke-controller', title: 'control.admin.revokeTitle', ok: 'control.admin.revoke', okClass: 'danger-solid' }),
  };
  const workspace = el('main', { class: 'workspace', attrs: { hidden: '' } }, views.eventList.element, views.content);
  const eventView = el('div', { class: 'event-view' },
    views.header.element,
    el('div', { class: 'grid-2 cards' }, views.audit.element, views.screen.form),
    views.ledger.element,
    el('div', { class: 'grid-2 cards' }, views.tally.element, views.orders.element),
    el('div', { class: 'grid-2 cards' }, views.edit.form, el('div', { class: 'stack' }, views.desks.element, views.moderation.element, views.control.element)));
  app.append(views.top.element, views.signIn.element, workspace,
    ...views.header.dialogs, views.voiding.element, views.rotate.element, views.revoke.element,
    views.rotateModerator.element, views.revokeModerator.element, views.rotateController.element, views.revokeController.element);
  return { ...views, workspace, eventView };
}

export type AdminPage = ReturnType<typeof adminPage>;
