// The sidebar: every event (drafts too) with its status, the selected one marked, and 创建活动.

import type { EventSummary } from '../../../lib/api';
import { button, el } from '../../../lib/dom';
import { statusLabel } from '../statusActions';

export function eventListView() {
  const list = el('nav', { class: 'event-list' });
  const create = button('admin.createEvent', 'secondary wide');
  const element = el('aside', { class: 'sidebar' }, el('h2', { i18n: 'admin.events' }), list, create);

  function render(events: readonly EventSummary[], selectedId: string | undefined): void {
    if (events.length === 0) {
      list.replaceChildren(el('p', { class: 'hint', i18n: 'admin.noEvents' }));
      return;
    }
    list.replaceChildren(...events.map((summary) => el('a', {
      class: `event-link${summary.id === selectedId ? ' active' : ''}`, testid: 'event-link',
      attrs: { href: `#/event/${encodeURIComponent(summary.id)}`, 'data-event-id': summary.id },
    },
    el('span', { class: 'event-link-title', text: summary.title }),
    el('span', { class: 'event-link-meta' },
      el('span', { class: `dot status-${summary.status}` }), el('span', { text: statusLabel(summary.status) }),
      el('span', { class: 'mono', text: summary.id })))));
  }

  return { element, create, render };
}
