// The big screen behind the stage (/screen/{eventId}): the running total counting up, the goal,
// the latest pledges and a celebration for each milestone, on a 1920×1080 LED wall.

import confetti from 'canvas-confetti';
import '../styles/screen.css';
import { el, languageSwitch, setText, showIf, translated, whenLanguageChanges } from '../lib/dom';
import { t } from '../lib/i18n';
import { MilestoneCelebrations } from '../lib/live';
import { LiveClient } from '../lib/liveClient';
import { formatScreenAmount } from '../lib/money';
import { eventIdFromLocation, fetchPublicEvent, isConfigurationChange, type PublicEvent } from '../lib/publicEvent';
import type { FeedItem, TotalSnapshot } from '../lib/types';

const COUNT_UP_MS = 1_200;
const FEED_ROWS = 4;
const CELEBRATION_MS = 7_000;
const NEXT_CELEBRATION_MS = 4_500;
const EVENT_REFRESH_MS = 60_000;
const CONFETTI_COLOURS = ['#ffd86b', '#f5b301', '#ff4d4f', '#fff4d6', '#ff8a00'];

const fullDigits = new URLSearchParams(location.search).get('digits') === 'full';
const money = (fen: number) => formatScreenAmount(fen, { fullDigits });

/** Moves the shown total to each new target over 1.2 s, easing out, one whole fen per step. */
class CountUp {
  #shown: number | null = null;
  #from = 0;
  #to = 0;
  #startedAt = 0;
  #frame = 0;
  #deadline: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly render: (fen: number) => void) {}

  set(target: number): void {
    if (this.#shown === null || document.hidden) {
      this.#finish(target); // nothing to count from, or nobody watching the frames
      return;
    }
    if (target === (this.#frame ? this.#to : this.#shown)) {
      return;
    }
    this.#from = this.#shown;
    this.#to = target;
    this.#startedAt = performance.now();
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(this.#step);
    // Frames can be throttled (a covered window): the final number must be there on time anyway.
    clearTimeout(this.#deadline);
    this.#deadline = setTimeout(() => this.#finish(this.#to), COUNT_UP_MS + 80);
  }

  #step = (now: number): void => {
    const progress = Math.min(1, Math.max(0, (now - this.#startedAt) / COUNT_UP_MS));
    if (progress >= 1) {
      this.#finish(this.#to);
      return;
    }
    const eased = 1 - (1 - progress) ** 3;
    this.#show(this.#from + Math.round((this.#to - this.#from) * eased));
    this.#frame = requestAnimationFrame(this.#step);
  };

  #finish(target: number): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#deadline);
    this.#frame = 0;
    this.#to = target;
    this.#show(target);
  }

  #show(fen: number): void {
    this.#shown = fen;
    this.render(fen);
  }
}

const eventId = eventIdFromLocation(location);
const body = document.body;
body.classList.add('screen-page');
body.dataset.celebrations = '0';

// Layout ------------------------------------------------------------------------------------------

const title = el('h1', { class: 'event-title' });
const notice = el('div', { class: 'notice', attrs: { role: 'status' } });
const roundTitle = el('span', { class: 'round-title', testid: 'round-title' });
const round = el('div', { class: 'round' }, translated(el('span', { class: 'round-label' }), 'screen.roundLabel'), roundTitle);
const total = el('span', { class: 'total', testid: 'total' });
const totalBox = el('div', { class: 'total-box' }, total);
const progressFill = el('div', { class: 'progress-fill' });
const goal = el('span', { class: 'goal' });
const percent = el('span', { class: 'percent' });
const progress = el(
  'div',
  { class: 'progress', testid: 'progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' } },
  el('div', { class: 'progress-track' }, progressFill),
  el('div', { class: 'progress-meta' }, goal, percent),
);
const pledgeCount = el('span', { class: 'stat stat-count' });
const stageTotal = el('span', { class: 'stat stat-stage' });
const onlineTotal = el('span', { class: 'stat stat-online' });
const feed = el('ol', { class: 'feed', testid: 'feed', attrs: { 'aria-live': 'polite' } });
const disconnectedLabel = translated(el('span'), 'common.disconnected');
const pollingLabel = translated(el('span'), 'common.polling');
const connection = el('div', { class: 'connection', testid: 'connection', attrs: { role: 'status' } },
  el('span', { class: 'connection-dot' }), disconnectedLabel, pollingLabel);
connection.hidden = true;
const canvas = el('canvas', { class: 'confetti' });

const stage = el(
  'div',
  { class: 'stage' },
  el('header', { class: 'top' }, title, languageSwitch()),
  round,
  notice,
  el(
    'main',
    { class: 'hero' },
    translated(el('div', { class: 'total-label' }), 'screen.totalLabel'),
    totalBox,
    progress,
    el('div', { class: 'stats' }, pledgeCount, stageTotal, onlineTotal),
  ),
  el('section', { class: 'feed-panel' }, translated(el('h2', { class: 'feed-heading' }), 'screen.latestPledges'), feed),
  connection,
  canvas,
);
body.replaceChildren(stage);
showIf(round, false);
showIf(notice, false);

// Drawing -----------------------------------------------------------------------------------------

let event: PublicEvent | null = null;
let state: Readonly<TotalSnapshot> | null = null;
let totalLength = 0;

const countUp = new CountUp((fen) => {
  const text = money(fen);
  setText(total, text);
  if (text.length !== totalLength) {
    totalLength = text.length;
    fitTotal();
  }
});

/** Shrinks the total's font only when the number would not fit the width of the wall. */
function fitTotal(): void {
  total.style.fontSize = '';
  const available = totalBox.clientWidth;
  const needed = total.scrollWidth;
  if (needed > available && needed > 0) {
    const size = parseFloat(getComputedStyle(total).fontSize);
    total.style.fontSize = `${Math.floor((size * available * 0.98) / needed)}px`;
  }
}

function render(): void {
  const titleText = state?.title || event?.title || t('app.name');
  setText(title, titleText);
  document.title = `${titleText} · ${t('screen.totalLabel')}`;

  const status = event?.status;
  setText(notice, status === 'closed' ? t('screen.eventClosed') : status === 'draft' ? t('screen.waiting') : '');
  showIf(notice, status === 'closed' || status === 'draft');
  const roundText = (state?.screen.roundTitle ?? event?.screen.roundTitle ?? '').trim();
  setText(roundTitle, roundText);
  showIf(round, roundText !== '' && status !== 'closed');
  body.classList.toggle('is-closed', status === 'closed');

  body.classList.toggle('is-loading', !state);
  if (!state) {
    setText(total, t('common.loading'));
    return;
  }
  countUp.set(state.totalFen);
  const goalFen = state.goalFen || event?.goalFen || 0;
  // Floor to 0.1 %: the screen never claims more than has been given.
  const tenths = goalFen > 0 ? Math.floor((state.totalFen * 1000) / goalFen) : 0;
  progressFill.style.width = `${Math.min(100, Math.max(0, tenths / 10))}%`;
  progress.setAttribute('aria-valuenow', String(Math.min(100, tenths / 10)));
  showIf(progress, goalFen > 0);
  setText(goal, t('screen.goal', { amount: formatScreenAmount(goalFen) }));
  setText(percent, t('screen.progress', { percent: (tenths / 10).toFixed(1) }));
  setText(pledgeCount, t('screen.pledgeCount', { count: state.pledgeCount.toLocaleString('en-US') }));
  setText(stageTotal, t('screen.stageTotal', { amount: money(state.byChannel.stageFen) }));
  setText(onlineTotal, t('screen.onlineTotal', { amount: money(state.byChannel.onlineFen) }));
  renderFeed(state.recent);
}

const feedRows = new Map<string, HTMLLIElement>();
let feedDrawn = false;

/** Newest on top; rows already shown are kept (no re-animation), new ones slide in. */
function renderFeed(items: readonly FeedItem[]): void {
  const rows = items.slice(0, FEED_ROWS).map((item) => {
    const row = feedRows.get(item.pledgeId) ?? newFeedRow(item, feedDrawn);
    fillFeedRow(row, item);
    return row;
  });
  feedRows.clear();
  rows.forEach((row) => feedRows.set(row.dataset.pledgeId ?? '', row));
  feed.replaceChildren(...(rows.length > 0 ? rows : [el('li', { class: 'feed-empty', text: t('screen.feedEmpty') })]));
  feedDrawn = true;
}

function newFeedRow(item: FeedItem, animate: boolean): HTMLLIElement {
  const row = el(
    'li',
    { class: animate ? 'feed-item is-new' : 'feed-item', testid: 'feed-item' },
    el('span', { class: 'feed-badge' }),
    el('span', { class: 'feed-name', testid: 'feed-name' }),
    el('span', { class: 'feed-amount', testid: 'feed-amount' }),
  );
  row.dataset.pledgeId = item.pledgeId;
  // Once in, a row keeps still when the list is rebuilt around it.
  row.addEventListener('animationend', () => row.classList.remove('is-new'), { once: true });
  return row;
}

function fillFeedRow(row: HTMLLIElement, item: FeedItem): void {
  const [badge, name, amount] = row.children;
  row.dataset.channel = item.channel;
  if (badge && name && amount) {
    setText(badge, t(item.channel === 'online' ? 'channel.online' : 'channel.stage'));
    setText(name, item.displayName.trim() || t('common.anonymousDonor'));
    setText(amount, money(item.amountFen));
  }
}

// Milestones --------------------------------------------------------------------------------------

const shootConfetti = confetti.create(canvas, { resize: true, useWorker: false });
const celebrationQueue: number[] = [];
/** The banner on show: its milestone, and how to end it before its time. */
let showing: { milestone: number; end: () => void } | null = null;
let celebrations = 0;

function celebrate(milestones: readonly number[]): void {
  celebrationQueue.push(...milestones);
  if (!showing) {
    nextCelebration();
  }
}

/** A void took the total back below these: no banner for them, neither queued nor on show. */
function forgetUnreached(reached: readonly number[]): void {
  const still = celebrationQueue.filter((milestone) => reached.includes(milestone));
  celebrationQueue.splice(0, celebrationQueue.length, ...still);
  if (showing && !reached.includes(showing.milestone)) {
    showing.end();
  }
}

function nextCelebration(): void {
  showing = null;
  const milestone = celebrationQueue.shift();
  if (milestone === undefined) {
    return;
  }
  celebrations++;
  body.dataset.celebrations = String(celebrations);
  const text = el('div', { class: 'celebration-text' });
  const unsubscribe = whenLanguageChanges(() => setText(text, t('screen.milestoneBanner', { amount: formatScreenAmount(milestone) })));
  const banner = el('div', { class: 'celebration', testid: 'celebration', attrs: { role: 'status' } }, text);
  stage.insertBefore(banner, canvas);
  fireConfetti();
  const end = (): void => {
    clearTimeout(timer);
    banner.remove();
    unsubscribe();
    nextCelebration();
  };
  const timer = setTimeout(end, celebrationQueue.length > 0 ? NEXT_CELEBRATION_MS : CELEBRATION_MS);
  showing = { milestone, end };
}

function fireConfetti(): void {
  const burst = { colors: CONFETTI_COLOURS, scalar: 1.5, ticks: 260, disableForReducedMotion: true };
  void shootConfetti({ ...burst, particleCount: 220, spread: 110, startVelocity: 60, origin: { x: 0.5, y: 0.55 } });
  const until = performance.now() + 3_000;
  const timer = setInterval(() => {
    if (performance.now() > until) {
      clearInterval(timer);
      return;
    }
    void shootConfetti({ ...burst, particleCount: 14, angle: 60, spread: 65, startVelocity: 70, origin: { x: 0, y: 0.8 } });
    void shootConfetti({ ...burst, particleCount: 14, angle: 120, spread: 65, startVelocity: 70, origin: { x: 1, y: 0.8 } });
  }, 180);
}

// Data --------------------------------------------------------------------------------------------

function showUnknownEvent(): void {
  if (body.classList.contains('is-unknown')) {
    return; // the hub and the event lookup may both say so
  }
  client.stop().catch(() => undefined);
  const message = el('h1', { class: 'unknown-title' });
  const hint = translated(el('p', { class: 'unknown-hint' }), 'screen.unknownEventHint');
  whenLanguageChanges(() => {
    setText(message, t('screen.unknownEvent', { eventId }));
    document.title = t('screen.unknownEvent', { eventId });
  });
  body.classList.add('is-unknown');
  body.replaceChildren(el('div', { class: 'stage unknown' }, el('header', { class: 'top' }, languageSwitch()), message, hint));
  // The admin may still be creating it: look again now and then, and start over once it exists.
  setInterval(() => {
    fetchPublicEvent(eventId).then((found) => found && location.reload(), () => undefined);
  }, 15_000);
}

let eventTimer: ReturnType<typeof setTimeout> | undefined;

async function loadEvent(): Promise<void> {
  clearTimeout(eventTimer);
  let next = EVENT_REFRESH_MS;
  try {
    const found = eventId === '' ? null : await fetchPublicEvent(eventId);
    if (found === null) {
      showUnknownEvent();
      return;
    }
    event = found;
    render();
  } catch {
    next = 5_000; // the server may be restarting: the live client covers the total meanwhile
  }
  clearTimeout(eventTimer); // two loads may overlap: keep one timer
  eventTimer = setTimeout(() => void loadEvent(), next);
}

const milestones = new MilestoneCelebrations();

const client = new LiveClient(eventId, { audience: 'screens' });
client.onState((current, previous) => {
  state = current;
  body.dataset.version = String(current.version);
  forgetUnreached(current.milestonesReached);
  const reached = milestones.toCelebrate(current.milestonesReached);
  if (reached.length > 0) {
    celebrate(reached);
  }
  if (isConfigurationChange(previous, current)) {
    void loadEvent();
  }
  render();
});
client.onUnknownEvent(showUnknownEvent);
client.onStatusChange((status) => {
  showIf(connection, status !== 'live');
  showIf(disconnectedLabel, status === 'disconnected');
  showIf(pollingLabel, status === 'polling');
  connection.classList.toggle('is-polling', status === 'polling');
  // Polling keeps the total within a couple of seconds: only a lost hub dims it.
  body.classList.toggle('is-stale', status === 'disconnected');
});
client.onConnectionChange((connected) => {
  if (connected) {
    void loadEvent(); // the status may have changed while away
  }
});

whenLanguageChanges(render);
addEventListener('resize', fitTotal);
if (eventId === '') {
  showUnknownEvent();
} else {
  client.start();
  void loadEvent();
}
