// The front door (/): every event with its big screen and viewer page, and the staff entrances.

import { apiFetch, paths, type EventSummary } from '../lib/api';
import { el, languageToggle } from '../lib/dom';
import { onLanguageChange, t } from '../lib/i18n';
import { formatScreenAmount } from '../lib/money';
import type { TotalSnapshot } from '../lib/types';

const app = document.getElementById('app') ?? document.body;
const languageButton = languageToggle('language');
const list = el('ul', { class: 'events', attrs: { 'aria-live': 'polite' } });
const message = el('p', { class: 'message' });

app.append(
  el('header', { class: 'hero' },
    el('div', { class: 'hero-top' }, el('span', { class: 'brand-mark', text: '善', attrs: { 'aria-hidden': 'true' } }), languageButton),
    el('h1', { i18n: 'app.name' }),
    el('p', { class: 'subtitle', i18n: 'index.subtitle' })),
  el('main', { class: 'main' },
    el('h2', { i18n: 'index.title' }), message, list,
    el('nav', { class: 'staff' },
      el('span', { class: 'staff-label', i18n: 'index.staff' }),
      el('a', { class: 'staff-link', i18n: 'index.openOperator', attrs: { href: '/operator' } }),
      el('a', { class: 'staff-link', i18n: 'index.openAdmin', attrs: { href: '/admin' } }))),
);

let events: EventSummary[] = [];
const totals = new Map<string, number>();
let loadError: string | undefined;

function render(): void {
  document.title = t('app.name');

  message.textContent = loadError ?? (events.length === 0 ? t('index.empty') : '');
  message.hidden = message.textContent === '';
  // Live events first, then those still to come, then the finished ones.
  const order = { live: 0, rehearsal: 1, draft: 2, closed: 3 } as const;
  const sorted = [...events].sort((a, b) => order[a.status] - order[b.status]);
  list.replaceChildren(...sorted.map((event) => {
    const total = totals.get(event.id);
    return el('li', { class: `event status-${event.status}`, testid: 'event-item', attrs: { 'data-event-id': event.id } },
      el('div', { class: 'event-info' },
        el('span', { class: 'status', text: t(`admin.status.${event.status}`) }),
        el('h3', { text: event.title }),
        el('p', { class: 'figures' },
          total !== undefined && el('strong', { text: t('index.raised', { amount: formatScreenAmount(total) }) }),
          el('span', { text: t('screen.goal', { amount: formatScreenAmount(event.goalFen) }) }))),
      el('div', { class: 'event-links' },
        el('a', { class: 'button primary', testid: 'event-screen', text: t('index.openScreen'), attrs: { href: paths.screenPage(event.id) } }),
        el('a', { class: 'button', testid: 'event-viewer', text: t('index.openViewer'), attrs: { href: paths.viewerPage(event.id) } })));
  }));
}

async function load(): Promise<void> {
  const result = await apiFetch<EventSummary[]>(paths.events());
  if (!result.ok) {
    loadError = t('index.loadFailed', { reason: result.problem.title });
    render();
    return;
  }
  loadError = undefined;
  events = result.body;
  render();
  await Promise.all(events.filter((event) => event.status !== 'draft').map(async (event) => {
    const total = await apiFetch<TotalSnapshot>(paths.total(event.id));
    if (total.ok) totals.set(event.id, total.body.totalFen);
  }));
  render();
}

onLanguageChange(render);
render();
void load();
setInterval(() => void load(), 30_000);
