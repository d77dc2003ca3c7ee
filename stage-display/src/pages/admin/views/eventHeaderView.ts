// The selected event's heading: title, id and goal, the status badge, the status action, and links
// to its big screen, viewer page and desk page.

import { paths, type EventView } from '../../../lib/api';
import { el } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { headlineAmount } from '../amounts';
import { statusLabel } from '../statusActions';
import { statusButtons } from './statusButtons';

function pageLink(label: 'index.openScreen' | 'index.openViewer' | 'admin.operatorPage'): HTMLAnchorElement {
  return el('a', { class: 'link-button', i18n: label, attrs: { target: '_blank', rel: 'noopener' } });
}

export function eventHeaderView() {
  const title = el('h1', { class: 'event-title' });
  const meta = el('div', { class: 'event-meta' });
  const badge = el('span', { class: 'status-badge', testid: 'event-status' });
  const message = el('div', { class: 'message' });
  const status = statusButtons();
  const screen = pageLink('index.openScreen');
  const viewer = pageLink('index.openViewer');
  const operator = pageLink('admin.operatorPage');
  const element = el('section', { class: 'event-header' },
    el('div', { class: 'event-heading' }, el('div', {}, title, meta), badge),
    el('div', { class: 'event-actions' }, ...status.buttons, el('span', { class: 'divider' }), screen, viewer, operator),
    message);

  function render(event: EventView): void {
    title.textContent = event.title;
    meta.replaceChildren(
      el('span', { class: 'mono', text: event.id }),
      el('span', { text: t('admin.goalLine', { amount: headlineAmount(event.goalFen) }) }));
    badge.textContent = statusLabel(event.status);
    badge.className = `status-badge status-${event.status}`;
    badge.dataset.status = event.status;
    status.render(event.status);
    screen.href = paths.screenPage(event.id);
    viewer.href = paths.viewerPage(event.id);
    operator.href = `/operator?event=${encodeURIComponent(event.id)}`;
  }

  return { element, message, dialogs: status.dialogs, busy: status.busy, bindStatus: status.bindRun, render };
}
