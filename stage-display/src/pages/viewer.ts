// The phone page (/e/{eventId}): the live total and feed, and the online donation form. A donation
// gets one client-made id per attempt; every automatic or manual retry re-sends that same id and
// body, so the server keeps one order. The order is paid at the provider's cashier; back here the
// page waits for the provider's notice and only then thanks the donor with a receipt number.

import '../styles/viewer.css';
import { el, languageSwitch, setText, showIf, translated, whenLanguageChanges } from '../lib/dom';
import { t } from '../lib/i18n';
import {
  cashierUrl, keepPending, orderWithRetries, pendingOrder, postOrder, readOrder, returnUrl, waitUntilSettled,
  type Donation, type DonationContent, type DonationOrderView,
} from '../lib/donationOrder';
import { newUuid } from '../lib/ids';
import { LiveClient } from '../lib/liveClient';
import { formatCompactAmount, formatFullDigits, formatScreenAmount, parseAmountInput } from '../lib/money';
import { eventIdFromLocation, fetchPublicEvent, isConfigurationChange, type PublicEvent } from '../lib/publicEvent';
import type { FeedItem, TotalSnapshot } from '../lib/types';

const PRESETS_FEN = [20_00, 50_00, 100_00, 200_00, 500_00, 1_000_00];
/** Event tiers are for the stage (10万 and up); a phone only offers them when they are this small. */
const SMALL_TIER_FEN = 10_000_00;
/** The server's default cap of one online gift (`Payments:MaxAmountFen`, 5万元); the server has the last word. */
const ONLINE_MAX_FEN = 5_000_000;
const NAME_MAX = 64;
const MESSAGE_MAX = 200;
const FEED_ROWS = 10;

const eventId = eventIdFromLocation(location);
const body = document.body;
body.classList.add('viewer-page');

// Live total ---------------------------------------------------------------------------------------

const eventTitle = el('h1', { class: 'event-title' });
const roundTitle = el('p', { class: 'round' });
const total = el('div', { class: 'total', testid: 'total', attrs: { 'aria-live': 'polite' } });
const progressFill = el('div', { class: 'progress-fill' });
const goal = el('span');
const percent = el('span', { class: 'percent' });
const progress = el('div', { class: 'progress', testid: 'progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' } },
  el('div', { class: 'progress-track' }, progressFill), el('div', { class: 'progress-meta' }, goal, percent));
const pledgeCount = el('span');
const disconnectedNote = translated(el('span'), 'common.disconnected');
const pollingNote = translated(el('span'), 'common.polling');
const connection = el('p', { class: 'connection', testid: 'connection', attrs: { role: 'status' } }, disconnectedNote, pollingNote);
connection.hidden = true;

const hero = el('section', { class: 'hero' },
  eventTitle, roundTitle,
  translated(el('div', { class: 'total-label' }), 'viewer.watchTotal'),
  total, progress, el('div', { class: 'stats' }, pledgeCount), connection);

// Donation form ------------------------------------------------------------------------------------

const presets = el('div', { class: 'presets' });
const amountInput = el('input', {
  class: 'input', testid: 'donate-amount',
  attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', enterkeyhint: 'done' },
});
const amountPreview = el('p', { class: 'hint amount-preview' });
const nameInput = el('input', {
  class: 'input', testid: 'donate-name',
  attrs: { type: 'text', maxlength: String(NAME_MAX), autocomplete: 'name', enterkeyhint: 'next' },
});
const anonymousBox = el('input', { testid: 'donate-anonymous', attrs: { type: 'checkbox' } });
const messageInput = el('textarea', {
  class: 'input', testid: 'donate-message', attrs: { maxlength: String(MESSAGE_MAX), rows: '3' },
});
const messageCount = el('span', { class: 'count' });
const statusLine = el('p', { class: 'status', testid: 'donate-status', attrs: { 'aria-live': 'polite' } });
const errorText = el('p', { class: 'error-text', testid: 'donate-error', attrs: { role: 'alert' } });
const retryButton = translated(el('button', { class: 'button secondary', testid: 'donate-retry', attrs: { type: 'button' } }), 'common.retry');
const errorBox = el('div', { class: 'error-box' }, errorText, retryButton);
const submitButton = el('button', { class: 'button primary', testid: 'donate-submit', attrs: { type: 'submit' } });
const fields = el('fieldset', { class: 'fields' },
  el('div', { class: 'field' }, translated(el('span', { class: 'label' }), 'viewer.presetAmounts'), presets),
  el('label', { class: 'field' }, translated(el('span', { class: 'label' }), 'viewer.otherAmount'), amountInput, amountPreview),
  el('label', { class: 'field' }, translated(el('span', { class: 'label' }), 'viewer.donorName'), nameInput),
  el('label', { class: 'check' }, anonymousBox, translated(el('span'), 'viewer.anonymous')),
  el('label', { class: 'field' },
    el('span', { class: 'label' }, translated(el('span'), 'viewer.message'), messageCount), messageInput));
const form = el('form', { class: 'donate-form', attrs: { novalidate: '' } }, fields, statusLine, errorBox, submitButton);
const notLive = translated(el('p', { class: 'not-live', attrs: { role: 'status' } }), 'viewer.eventNotLive');
const donateCard = el('section', { class: 'card donate' },
  translated(el('h2', { class: 'card-title' }), 'viewer.donateHeading'), notLive, form);

// Feed -------------------------------------------------------------------------------------------------

const feed = el('ol', { class: 'feed', testid: 'feed' });
const feedCard = el('section', { class: 'card feed-card' }, translated(el('h2', { class: 'card-title' }), 'viewer.latest'), feed);

const main = el('main', { class: 'page' },
  el('header', { class: 'top' }, translated(el('span', { class: 'brand' }), 'viewer.title'), languageSwitch()),
  hero, donateCard, feedCard,
  translated(el('footer', { class: 'footer' }), 'app.name'));
body.replaceChildren(main);
showIf(errorBox, false);
showIf(notLive, false);

// State and drawing ----------------------------------------------------------------------------------

let event: PublicEvent | null = null;
let state: Readonly<TotalSnapshot> | null = null;
let selectedPresetFen: number | null = null;
let pending: Donation | null = null; // the attempt not yet confirmed: retries reuse its id
let sending = false;
let retrying = false;
let thankYou: HTMLElement | null = null;
let waiting: HTMLElement | null = null;

function render(): void {
  const titleText = state?.title || event?.title || t('viewer.title');
  setText(eventTitle, titleText);
  document.title = `${titleText} · ${t('viewer.title')}`;
  const round = (state?.screen.roundTitle ?? event?.screen.roundTitle ?? '').trim();
  setText(roundTitle, round === '' ? '' : t('screen.roundTitle', { title: round }));
  showIf(roundTitle, round !== '');

  const live = event?.status === 'live';
  showIf(notLive, event !== null && !live);
  fields.disabled = sending || !live;
  submitButton.disabled = sending || !live;
  setText(submitButton, t(sending ? 'viewer.submitting' : 'viewer.submit'));
  setText(statusLine, sending && retrying ? t('viewer.retrying') : '');
  showIf(statusLine, sending && retrying);
  nameInput.disabled = anonymousBox.checked;
  setText(messageCount, t('viewer.messageCount', { count: [...messageInput.value].length, max: MESSAGE_MAX }));
  nameInput.placeholder = t('viewer.donorNamePlaceholder');
  messageInput.placeholder = t('viewer.messagePlaceholder');
  amountInput.placeholder = t('viewer.amountPlaceholder');
  renderPresets();
  renderAmountPreview();

  body.classList.toggle('is-loading', !state);
  if (!state) {
    setText(total, t('common.loading'));
    return;
  }
  setText(total, formatScreenAmount(state.totalFen));
  const goalFen = state.goalFen || event?.goalFen || 0;
  const tenths = goalFen > 0 ? Math.floor((state.totalFen * 1000) / goalFen) : 0;
  progressFill.style.width = `${Math.min(100, tenths / 10)}%`;
  progress.setAttribute('aria-valuenow', String(Math.min(100, tenths / 10)));
  showIf(progress, goalFen > 0);
  setText(goal, t('screen.goal', { amount: formatScreenAmount(goalFen) }));
  setText(percent, t('screen.progress', { percent: (tenths / 10).toFixed(1) }));
  setText(pledgeCount, t('screen.pledgeCount', { count: state.pledgeCount.toLocaleString('en-US') }));
  renderFeed(state.recent);
}

function presetAmounts(): number[] {
  const tiers = event?.tiersFen ?? [];
  const small = tiers.length >= 3 && tiers.every((fen) => fen <= SMALL_TIER_FEN);
  return small ? [...tiers].sort((a, b) => a - b).slice(0, 6) : PRESETS_FEN;
}

function renderPresets(): void {
  const amounts = presetAmounts();
  if (presets.children.length !== amounts.length ||
      amounts.some((fen, i) => (presets.children[i] as HTMLElement | undefined)?.dataset.amountFen !== String(fen))) {
    presets.replaceChildren(...amounts.map((fen) => {
      const button = el('button', { class: 'preset', testid: 'donate-preset', text: formatCompactAmount(fen), attrs: { type: 'button' } });
      button.dataset.amountFen = String(fen);
      button.addEventListener('click', () => {
        selectedPresetFen = fen;
        amountInput.value = '';
        clearError();
        render();
      });
      return button;
    }));
  }
  for (const button of presets.children) {
    (button as HTMLElement).setAttribute('aria-pressed', String((button as HTMLElement).dataset.amountFen === String(selectedPresetFen)));
  }
}

function renderAmountPreview(): void {
  const parsed = amountInput.value.trim() === '' ? null : parseAmountInput(amountInput.value, ONLINE_MAX_FEN);
  const fen = parsed ? (parsed.ok ? parsed.fen : null) : selectedPresetFen;
  setText(amountPreview, fen === null ? '' : t('viewer.amountPreview', { amount: formatFullDigits(fen) }));
  showIf(amountPreview, fen !== null);
}

function renderFeed(items: readonly FeedItem[]): void {
  const rows = items.slice(0, FEED_ROWS).map((item) => {
    const recordedAt = new Date(item.recordedAt);
    const time = Number.isNaN(recordedAt.getTime())
      ? ''
      : `${String(recordedAt.getHours()).padStart(2, '0')}:${String(recordedAt.getMinutes()).padStart(2, '0')}`;
    const row = el('li', { class: 'feed-item', testid: 'feed-item' },
      el('span', { class: 'feed-badge', text: t(item.channel === 'online' ? 'channel.online' : 'channel.stage') }),
      el('span', { class: 'feed-name', testid: 'feed-name', text: item.displayName.trim() || t('common.anonymousDonor') }),
      el('span', { class: 'feed-amount', testid: 'feed-amount', text: formatScreenAmount(item.amountFen) }),
      el('time', { class: 'feed-time', text: time, attrs: { datetime: item.recordedAt } }));
    row.dataset.channel = item.channel;
    return row;
  });
  feed.replaceChildren(...(rows.length > 0 ? rows : [el('li', { class: 'feed-empty', text: t('viewer.feedEmpty') })]));
}

// Sending --------------------------------------------------------------------------------------------

function readForm(): { ok: true; content: DonationContent } | { ok: false; error: string } {
  let amountFen = selectedPresetFen;
  if (amountInput.value.trim() !== '' || amountFen === null) {
    const parsed = parseAmountInput(amountInput.value, ONLINE_MAX_FEN);
    if (!parsed.ok) {
      return { ok: false, error: t(parsed.error, { max: formatFullDigits(ONLINE_MAX_FEN) }) };
    }
    amountFen = parsed.fen;
  }
  const anonymous = anonymousBox.checked;
  const name = nameInput.value.trim();
  if (!anonymous && name === '') {
    return { ok: false, error: t('viewer.nameRequired') };
  }
  const message = messageInput.value.trim();
  return {
    ok: true,
    content: { amountFen, anonymous, ...(anonymous ? {} : { donorName: name }), ...(message ? { message } : {}) },
  };
}

function sameContent(a: DonationContent, b: DonationContent): boolean {
  return a.amountFen === b.amountFen && a.anonymous === b.anonymous && a.donorName === b.donorName && a.message === b.message;
}

async function send(donation: Donation): Promise<void> {
  if (sending) {
    return;
  }
  sending = true;
  retrying = false;
  clearError();
  render();
  const outcome = await orderWithRetries(() => postOrder(eventId, donation), () => {
    retrying = true;
    render();
  });
  sending = false;
  retrying = false;
  render();

  if (outcome.kind === 'ordered') {
    settle(outcome.order);
  } else if (outcome.kind === 'unreachable') {
    showError(t('viewer.unreachable'), true);
  } else if (outcome.status === 404) {
    showError(t('viewer.unknownEvent'), false);
  } else if (outcome.status === 409) {
    await loadEvent();
    if (event?.status === 'live') {
      pending = null; // the id clashed with other content: the next attempt needs a new one
      showError(t('viewer.failed', { reason: outcome.reason }), false);
    } else {
      showError(t('viewer.eventNotLive'), false);
    }
  } else {
    showError(t('viewer.failed', { reason: outcome.reason }), false);
  }
}

/** Thanks for a paid order, a note for an expired one, and for one awaiting payment: the cashier. */
function settle(order: DonationOrderView): void {
  if (order.status === 'paid' || order.status === 'expired') {
    pending = null;
    keepPending(storage(), eventId, null);
    waiting?.remove();
    waiting = null;
    if (order.status === 'paid') {
      showThankYou(order);
    } else {
      showIf(donateCard, true);
      showError(t('viewer.orderExpired'), false);
    }
    return;
  }
  keepPending(storage(), eventId, order.donationId);
  if (order.payment?.kind === 'redirect' && !waiting) {
    setText(statusLine, t('viewer.redirecting'));
    showIf(statusLine, true);
    location.assign(cashierUrl(order.payment.url, returnUrl(location.origin, eventId, order.donationId), location.href));
    return;
  }
  showWaiting(order.donationId, order.payment?.url ?? null);
}

/** Back from the cashier (or paying by QR code elsewhere): read the order until the provider's notice is in. */
function showWaiting(donationId: string, payUrl: string | null): void {
  waiting?.remove();
  const payLink = translated(el('a', { class: 'button primary', testid: 'pay-now', attrs: { href: payUrl ?? '#' } }), 'viewer.payNow');
  showIf(payLink, payUrl !== null);
  const giveUp = translated(el('button', { class: 'button secondary', testid: 'give-up', attrs: { type: 'button' } }), 'viewer.giveUp');
  const note = translated(el('p', { class: 'hint' }), 'viewer.confirmingNote');
  const card = el('section', { class: 'card waiting', testid: 'payment-waiting', attrs: { role: 'status' } },
    translated(el('h2', { class: 'card-title' }), 'viewer.confirmingPayment'), note, payLink, giveUp);
  waiting = card;
  giveUp.addEventListener('click', () => {
    keepPending(storage(), eventId, null);
    pending = null;
    card.remove();
    waiting = null;
    showIf(donateCard, true);
  });
  showIf(donateCard, false);
  donateCard.after(card);
  void waitUntilSettled(() => readOrder(eventId, donationId), (order) => {
    const expires = new Date(order.expiresAt);
    if (waiting === card && !Number.isNaN(expires.getTime())) {
      const time = `${String(expires.getHours()).padStart(2, '0')}:${String(expires.getMinutes()).padStart(2, '0')}`;
      setText(note, `${t('viewer.confirmingNote')} ${t('viewer.expiresAt', { time })}`);
    }
    if (waiting === card && order.payment) {
      payLink.setAttribute('href', cashierUrl(order.payment.url, returnUrl(location.origin, eventId, donationId), location.href));
      showIf(payLink, true);
    }
  }).then((order) => {
    if (waiting !== card) {
      return; // given up meanwhile
    }
    if (order === null) {
      giveUp.click();
    } else {
      settle(order);
    }
  });
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function showError(message: string, canRetry: boolean): void {
  setText(errorText, message);
  showIf(retryButton, canRetry && pending !== null);
  showIf(errorBox, true);
}

function clearError(): void {
  setText(errorText, '');
  showIf(errorBox, false);
}

function showThankYou(donation: DonationOrderView): void {
  const name = donation.anonymous || !donation.donorName ? t('common.anonymousDonor') : donation.donorName;
  const amount = el('p', { class: 'thanks-amount' });
  const donor = el('p', { class: 'thanks-name' });
  const receipt = el('p', { class: 'receipt', testid: 'receipt' });
  const again = translated(el('button', { class: 'button primary', testid: 'donate-again', attrs: { type: 'button' } }), 'viewer.donateAgain');
  const unsubscribe = whenLanguageChanges(() => {
    setText(amount, t('viewer.thankYouAmount', { amount: formatFullDigits(donation.amountFen) }));
    setText(donor, t('viewer.thankYouName', { name }));
    setText(receipt, t('viewer.receipt', { orderNo: donation.orderNo }));
  });
  thankYou = el('section', { class: 'card thanks', testid: 'thank-you', attrs: { role: 'status' } },
    el('div', { class: 'thanks-mark', attrs: { 'aria-hidden': 'true' } }),
    translated(el('h2', { class: 'thanks-title' }), 'viewer.thankYou'),
    amount, donor,
    receipt,
    translated(el('p', { class: 'hint' }), 'viewer.thankYouNote'),
    again);
  again.addEventListener('click', () => {
    unsubscribe();
    thankYou?.remove();
    thankYou = null;
    // A new gift: new id (pending is already cleared), new amount and message; the name stays.
    selectedPresetFen = null;
    amountInput.value = '';
    messageInput.value = '';
    showIf(donateCard, true);
    render();
    amountInput.focus();
  });
  showIf(donateCard, false);
  donateCard.after(thankYou);
  thankYou.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

form.addEventListener('submit', (submitEvent) => {
  submitEvent.preventDefault();
  if (sending) {
    return;
  }
  const read = readForm();
  if (!read.ok) {
    showError(read.error, false);
    return;
  }
  if (!pending || !sameContent(pending, read.content)) {
    pending = { donationId: newUuid(), ...read.content };
  }
  void send(pending);
});
retryButton.addEventListener('click', () => {
  if (pending) {
    void send(pending);
  }
});
amountInput.addEventListener('input', () => {
  if (amountInput.value.trim() !== '') {
    selectedPresetFen = null;
  }
  clearError();
  render();
});
anonymousBox.addEventListener('change', () => {
  clearError();
  render();
});
nameInput.addEventListener('input', clearError);
messageInput.addEventListener('input', render);

// Data ---------------------------------------------------------------------------------------------

let unknownShown = false;

function showUnknownEvent(): void {
  if (unknownShown) {
    return; // the hub and the event lookup may both say so
  }
  unknownShown = true;
  client.stop().catch(() => undefined);
  body.replaceChildren(el('main', { class: 'page' },
    el('header', { class: 'top' }, translated(el('span', { class: 'brand' }), 'viewer.title'), languageSwitch()),
    el('section', { class: 'card unknown' }, translated(el('h1', { class: 'card-title' }), 'viewer.unknownEvent'))));
  whenLanguageChanges(() => (document.title = t('viewer.unknownEvent')));
}

async function loadEvent(): Promise<void> {
  try {
    const found = eventId === '' ? null : await fetchPublicEvent(eventId);
    if (found === null) {
      showUnknownEvent();
      return;
    }
    event = found;
    render();
  } catch {
    if (event === null) {
      setTimeout(() => void loadEvent(), 5_000);
    }
  }
}

/** Thousands of phones see the same change at once: spread their requests over a few seconds. */
function loadEventSoon(): void {
  setTimeout(() => void loadEvent(), Math.random() * 3_000);
}

const client = new LiveClient(eventId, { audience: 'viewers' });
client.onState((current, previous) => {
  const grew = previous !== null && current.totalFen > previous.totalFen;
  state = current;
  body.dataset.version = String(current.version);
  if (isConfigurationChange(previous, current)) {
    loadEventSoon();
  }
  render();
  if (grew) {
    total.classList.remove('bump');
    void total.offsetWidth; // restart the animation
    total.classList.add('bump');
  }
});
client.onUnknownEvent(showUnknownEvent);
let everConnected = false;
client.onStatusChange((status) => {
  showIf(connection, status !== 'live');
  showIf(disconnectedNote, status === 'disconnected');
  showIf(pollingNote, status === 'polling');
  connection.classList.toggle('is-polling', status === 'polling');
  // Polling keeps the total within seconds: only a lost hub dims it.
  body.classList.toggle('is-stale', status === 'disconnected');
});
client.onConnectionChange((connected) => {
  if (connected && everConnected) {
    loadEventSoon();
  }
  everConnected ||= connected;
});

whenLanguageChanges(render);
if (eventId === '') {
  showUnknownEvent();
} else {
  client.start();
  void loadEvent();
  const returning = pendingOrder(eventId, location.search, storage());
  if (returning !== null) {
    history.replaceState(null, '', location.pathname);
    showWaiting(returning, null);
  }
}
