// The stage desk's console (/operator). An operator types what a placard shows, reads the amount
// back in capital numerals, and moves on to the next one. Every confirmed entry is stored on this
// device first (PledgeQueue, localStorage) under the id it keeps for every retry, so venue Wi-Fi
// can drop, the server can restart and the page can reload without a pledge lost or counted twice.

import {
  apiFetch,
  describeProblem,
  paths,
  type DeskPledge,
  type DeskSignIn,
  type EventSummary,
  type EventView,
  type PledgeBody,
  type PledgeView,
  type Problem,
} from '../lib/api';
import { toChineseCapital } from '../lib/capitals';
import { getLanguage, onLanguageChange, setLanguage, t, type MessageKey } from '../lib/i18n';
import { DEFAULT_MAX_AMOUNT_FEN, formatCompactAmount, formatFullDigits, parseAmountInput } from '../lib/money';
import { PledgeQueue, type QueueEntry, type SendPledge } from '../lib/queue';
import type { DonorKind } from '../lib/types';

import { el, input, type Child } from '../lib/dom';


function field(label: MessageKey, control: HTMLElement, extra?: Child): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', { class: 'field-label', i18n: label }), control, extra);
}

function translateStatic(): void {
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as MessageKey);
  for (const node of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder as MessageKey);
  }
}

function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString('zh-CN', { hour12: false });
}

// ---------------------------------------------------------------- stored sign-in

type Session = DeskSignIn;

const SESSION_KEY = 'charityday.operator.session';
const EVENT_KEY = 'charityday.operator.event';
const DISMISSED_KEY = 'charityday.operator.dismissed';

function readJson<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A preference or cache only; the queue reports its own storage failures.
  }
}

function storedSession(): Session | undefined {
  const session = readJson<Session>(SESSION_KEY);
  return session && typeof session.token === 'string' && session.eventId && session.deskId ? session : undefined;
}

function expired(session: Session): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isFinite(expiresAt) && expiresAt <= Date.now();
}

// ---------------------------------------------------------------- page skeleton

const KINDS: readonly DonorKind[] = ['enterprise', 'organization', 'individual'];
const FIELD_LABELS: Record<string, MessageKey> = {
  amountFen: 'operator.amount',
  donorName: 'operator.donorName',
  donorKind: 'operator.donorKind',
  representative: 'operator.representative',
  note: 'operator.note',
  reason: 'operator.voidReason',
};

function fieldLabels(): Record<string, string> {
  return Object.fromEntries(Object.entries(FIELD_LABELS).map(([name, key]) => [name, t(key)]));
}

const app = document.getElementById('app') ?? document.body;

// Header
const sessionLine = el('div', { class: 'session-line' });
const statusChip = el('div', { class: 'status-chip', attrs: { role: 'status', 'aria-live': 'polite', hidden: '' } });
const languageButton = el('button', { class: 'ghost', attrs: { type: 'button', lang: 'en' } });
const signOutButton = el('button', { class: 'ghost', i18n: 'operator.signOut', attrs: { type: 'button' } });
const header = el(
  'header',
  { class: 'topbar' },
  el('div', { class: 'brand' }, el('span', { class: 'brand-mark', text: '善', attrs: { 'aria-hidden': 'true' } }), el('span', { i18n: 'app.name' }),
    el('span', { class: 'brand-page', i18n: 'operator.title' })),
  sessionLine,
  el('div', { class: 'topbar-right' }, statusChip, languageButton, signOutButton),
);

// Banners
const reauthText = el('span', { i18n: 'operator.signedOut' });
const reauthButton = el('button', { class: 'primary small', i18n: 'operator.signInAgain', attrs: { type: 'button' } });
const reauthBanner = el('div', { class: 'banner banner-danger', attrs: { hidden: '' } }, reauthText, reauthButton);
const notLiveBanner = el('div', { class: 'banner banner-warn', attrs: { hidden: '' } });
const offlineBanner = el('div', { class: 'banner banner-warn', i18n: 'operator.offline', attrs: { hidden: '' } });

// The entry form
const tierRow = el('div', { class: 'tiers' });
const amountBox = input('amount', 'amount.placeholder', { class: 'amount-input', 'aria-describedby': 'amount-readout' });
const amountDigits = el('div', { class: 'readout-digits', testid: 'amount-digits' });
const amountCapital = el('div', { class: 'readout-capital', testid: 'amount-capital' });
const amountError = el('div', { class: 'readout-error', testid: 'amount-error', attrs: { role: 'alert' } });
const readout = el('div', { class: 'readout', attrs: { id: 'amount-readout' } },
  el('div', { class: 'readout-row' }, el('span', { class: 'readout-label', i18n: 'operator.digitsLabel' }), amountDigits),
  el('div', { class: 'readout-row' }, el('span', { class: 'readout-label', i18n: 'operator.capitalLabel' }), amountCapital),
  amountError);
const donorName = input('donor-name', 'operator.donorNamePlaceholder', { maxlength: '64' });
const donorKind = el('select', { testid: 'donor-kind' });
for (const kind of KINDS) {
  donorKind.append(el('option', { i18n: `donorKind.${kind}`, attrs: { value: kind } }));
}
const anonymous = el('input', { testid: 'anonymous', attrs: { type: 'checkbox' } });
const representative = input('representative', 'operator.representativePlaceholder', { maxlength: '64' });
const note = input('note', 'operator.notePlaceholder', { maxlength: '200' });
const formError = el('div', { class: 'form-error', attrs: { role: 'alert' } });
const submitButton = el('button', { class: 'primary big', testid: 'submit', i18n: 'operator.record', attrs: { type: 'submit' } });
const form = el('form', { class: 'entry-form', attrs: { novalidate: '', autocomplete: 'off' } },
  el('div', { class: 'tiers-block' }, el('span', { class: 'field-label', i18n: 'operator.tiers' }), tierRow),
  field('operator.amount', amountBox),
  readout,
  el('div', { class: 'grid-2' },
    field('operator.donorName', donorName),
    field('operator.donorKind', donorKind)),
  el('div', { class: 'grid-2' },
    field('operator.representative', representative),
    field('operator.note', note)),
  el('label', { class: 'check' }, anonymous, el('span', { i18n: 'operator.anonymous' })),
  formError,
  el('div', { class: 'submit-row' }, submitButton, el('span', { class: 'hint', i18n: 'operator.submitHint' })),
);

// Queue and desk list
const queueCount = el('span', { class: 'count' });
const queueList = el('ol', { class: 'queue-list' });
const deskList = el('ol', { class: 'desk-list' });
const deskNote = el('div', { class: 'list-note' });
const consoleView = el('main', { class: 'console', attrs: { hidden: '' } },
  el('section', { class: 'panel entry-panel' }, form),
  el('div', { class: 'side' },
    el('section', { class: 'panel queue-panel' },
      el('h2', {}, el('span', { i18n: 'operator.sendQueue' }), queueCount), queueList),
    el('section', { class: 'panel desk-panel' },
      el('h2', {}, el('span', { i18n: 'operator.queueHeading' })), deskNote, deskList)),
);

// Confirmation dialog
const confirmCapital = el('div', { class: 'confirm-capital', testid: 'confirm-capital' });
const confirmDigits = el('div', { class: 'confirm-digits', testid: 'confirm-digits' });
const confirmDonor = el('div', { class: 'confirm-donor' });
const confirmOk = el('button', { class: 'primary big', testid: 'confirm-ok', i18n: 'operator.confirmSend', attrs: { type: 'button' } });
const confirmCancel = el('button', { class: 'secondary big', testid: 'confirm-cancel', i18n: 'operator.confirmEdit', attrs: { type: 'button' } });
const confirmError = el('div', { class: 'form-error', attrs: { role: 'alert' } });
const confirmDialog = el('dialog', { class: 'dialog confirm-dialog', testid: 'confirm', attrs: { 'aria-labelledby': 'confirm-title' } },
  el('h2', { i18n: 'operator.confirmTitle', attrs: { id: 'confirm-title' } }),
  el('div', { class: 'confirm-grid' },
    el('div', { class: 'confirm-line' }, el('span', { class: 'readout-label', i18n: 'operator.capitalLabel' }), confirmCapital),
    el('div', { class: 'confirm-line' }, el('span', { class: 'readout-label', i18n: 'operator.digitsLabel' }), confirmDigits),
    el('div', { class: 'confirm-line' }, el('span', { class: 'readout-label', i18n: 'operator.confirmDonor' }), confirmDonor)),
  confirmError,
  el('div', { class: 'dialog-buttons' }, confirmCancel, confirmOk),
  el('div', { class: 'hint center', i18n: 'operator.confirmHint' }),
);

// Void dialog
const voidSummary = el('p', { class: 'void-summary' });
const voidReason = input('void-reason', 'operator.voidReasonPlaceholder', { maxlength: '200' });
const voidError = el('div', { class: 'form-error', attrs: { role: 'alert' } });
const voidOk = el('button', { class: 'danger', testid: 'void-ok', i18n: 'operator.void', attrs: { type: 'submit' } });
const voidCancel = el('button', { class: 'secondary', i18n: 'common.cancel', attrs: { type: 'button' } });
const voidForm = el('form', { attrs: { novalidate: '' } },
  el('h2', { i18n: 'operator.voidTitle' }), voidSummary, field('operator.voidReason', voidReason), voidError,
  el('div', { class: 'dialog-buttons' }, voidCancel, voidOk));
const voidDialog = el('dialog', { class: 'dialog void-dialog', testid: 'void-dialog' }, voidForm);

// Sign-in
const loginEvent = input('login-event', undefined, { list: 'event-ids', autocapitalize: 'off' });
const loginDesk = input('login-desk', undefined, { autocapitalize: 'off' });
// Eight letters and digits (no 0/O, 1/I/L); case does not matter, so no shift key and no autocorrect.
const loginCode = input('login-code', undefined, { autocapitalize: 'characters', autocorrect: 'off' });
const loginError = el('div', { class: 'form-error', testid: 'login-error', attrs: { role: 'alert' } });
const loginMessage = el('div', { class: 'login-message', testid: 'login-message', attrs: { role: 'status' } });
const loginSubmit = el('button', { class: 'primary big', testid: 'login-submit', i18n: 'operator.signIn', attrs: { type: 'submit' } });
const loginCancel = el('button', { class: 'secondary big', i18n: 'common.cancel', attrs: { type: 'button', hidden: '' } });
const eventIds = el('datalist', { attrs: { id: 'event-ids' } });
const loginForm = el('form', { class: 'login-card', attrs: { novalidate: '' } },
  el('h1', { i18n: 'operator.signInHeading' }),
  loginMessage,
  field('operator.event', loginEvent),
  field('operator.desk', loginDesk),
  field('operator.accessCode', loginCode),
  loginError,
  el('div', { class: 'submit-row' }, loginSubmit, loginCancel),
  el('p', { class: 'hint', i18n: 'operator.signInHint' }),
  eventIds,
);
const loginView = el('div', { class: 'login-view', attrs: { hidden: '' } }, loginForm);

app.append(header, reauthBanner, notLiveBanner, offlineBanner, consoleView, loginView, confirmDialog, voidDialog);

// ---------------------------------------------------------------- state

let session: Session | undefined = storedSession();
let queue: PledgeQueue<PledgeBody> | undefined;
let eventView: EventView | undefined;
let signedOut = false;
let connection: 'ok' | 'offline' = 'ok';
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryAt: number | undefined;
let deskPledges: DeskPledge[] = [];
let deskLoadError: string | undefined;
let pendingBody: PledgeBody | undefined;
let confirmOpenedAt = 0;
let voiding: PledgeView | undefined;
const dismissed = new Set<string>(readJson<string[]>(DISMISSED_KEY) ?? []);

// ---------------------------------------------------------------- sign-in

function showLogin(options: { overlay: boolean; message?: string }): void {
  loginView.hidden = false;
  loginView.classList.toggle('overlay', options.overlay);
  loginCancel.hidden = !options.overlay;
  loginMessage.textContent = options.message ?? '';
  loginMessage.hidden = !options.message;
  loginError.textContent = '';
  loginEvent.value ||= session?.eventId ?? new URLSearchParams(location.search).get('event') ?? '';
  loginDesk.value ||= session?.deskId ?? new URLSearchParams(location.search).get('desk') ?? '';
  (loginEvent.value === '' ? loginEvent : loginDesk.value === '' ? loginDesk : loginCode).focus();
  void suggestEvents();
}

async function suggestEvents(): Promise<void> {
  const result = await apiFetch<EventSummary[]>(paths.events());
  if (!result.ok) return;
  eventIds.replaceChildren(...result.body.map((event) => el('option', { attrs: { value: event.id }, text: event.title })));
  const live = result.body.filter((event) => event.status === 'live');
  if (loginEvent.value === '' && live.length === 1 && live[0]) loginEvent.value = live[0].id;
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn();
});

loginCancel.addEventListener('click', () => {
  loginView.hidden = true;
  amountBox.focus();
});

async function signIn(): Promise<void> {
  const eventId = loginEvent.value.trim();
  const deskId = loginDesk.value.trim();
  const accessCode = loginCode.value.trim();
  if (!eventId || !deskId || !accessCode) {
    loginError.textContent = t('operator.signInFailed');
    return;
  }
  loginSubmit.disabled = true;
  loginError.textContent = '';
  const result = await apiFetch<DeskSignIn>(paths.signIn(), { method: 'POST', body: { eventId, deskId, accessCode } });
  loginSubmit.disabled = false;
  if (!result.ok) {
    loginError.textContent = result.problem.title;
    loginCode.select();
    return;
  }
  const previous = session;
  session = result.body;
  writeJson(SESSION_KEY, session);
  loginCode.value = '';
  if (queue && previous && previous.eventId === session.eventId && previous.deskId === session.deskId) {
    // Signed in again at the same desk: same queue, just a new token.
    loginView.hidden = true;
    signedOut = false;
    reauthBanner.hidden = true;
    renderHeader();
    amountBox.focus();
    void flush();
    void refreshDeskList();
    return;
  }
  if (queue) {
    // Another desk or event: start clean; that desk's queue stays stored under its own key.
    location.reload();
    return;
  }
  startConsole();
}

signOutButton.addEventListener('click', () => {
  localStorage.removeItem(SESSION_KEY);
  location.reload();
});

reauthButton.addEventListener('click', () => showLogin({ overlay: true, message: t('operator.signedOut') }));

/**
 * A 401: the token has run out, or the admin revoked the desk's tokens. 「请重新登录」 and the sign-in
 * form at once; the queue waits, stored on this device, and is sent after the next sign-in at this desk.
 */
function expire(): void {
  if (signedOut) return;
  signedOut = true;
  reauthBanner.hidden = false;
  renderStatus();
  showLogin({ overlay: true, message: t('operator.signedOut') });
}

// ---------------------------------------------------------------- the console

function startConsole(): void {
  if (!session) return;
  loginView.hidden = true;
  consoleView.hidden = false;
  signOutButton.hidden = false;
  queue = new PledgeQueue<PledgeBody>(localStorage, session.eventId, session.deskId);
  let confirmed = new Set(queue.entries().filter((e) => e.state === 'confirmed').map((e) => e.id));
  queue.onChange((entries) => {
    renderQueue(entries);
    const now = new Set(entries.filter((e) => e.state === 'confirmed').map((e) => e.id));
    if ([...now].some((id) => !confirmed.has(id))) {
      connection = 'ok';
      scheduleDeskRefresh();
    }
    confirmed = now;
  });
  const cached = readJson<EventView>(EVENT_KEY);
  if (cached?.id === session.eventId) eventView = cached;
  renderHeader();
  renderTiers();
  renderQueue(queue.entries());
  renderDeskList();
  updateReadout();
  amountBox.focus();

  void refreshEvent();
  void refreshDeskList();
  void flush();
  setInterval(() => void refreshDeskList(), 10_000);
  setInterval(() => void refreshEvent(), 30_000);
  // A safety net: whatever stopped the last flush, queued pledges are tried again.
  setInterval(() => {
    if (retryTimer === undefined && hasQueued()) void flush();
  }, 15_000);
  setInterval(renderStatus, 1_000);
  window.addEventListener('online', () => void flush());
}

function hasQueued(): boolean {
  return queue?.entries().some((entry) => entry.state === 'queued') ?? false;
}

async function refreshEvent(): Promise<void> {
  if (!session) return;
  // With the desk token: a draft (a rehearsal before the open) is not shown to the public.
  const result = await apiFetch<EventView>(paths.event(session.eventId), { token: session.token });
  if (!result.ok) return;
  eventView = result.body;
  writeJson(EVENT_KEY, eventView);
  renderHeader();
  renderTiers();
}

// ---------------------------------------------------------------- sending

const send: SendPledge<PledgeBody> = async ({ id, body }) => {
  const current = session;
  if (!current) throw new Error(t('api.unauthorized'));
  const result = await apiFetch<PledgeView>(paths.pledges(current.eventId), {
    method: 'POST',
    token: current.token,
    body: { pledgeId: id, ...body },
    timeoutMs: 10_000,
  });
  if (result.kind === 'network') {
    connection = 'offline';
    throw new Error(result.error);
  }
  if (result.kind === 'problem') {
    // The queue keeps the title as the reason: give it the field messages too.
    if (result.status < 500) connection = 'ok';
    return { status: result.status, body: { title: describeProblem(result.problem, fieldLabels()) } };
  }
  connection = 'ok';
  return { status: result.status, body: result.body };
};

async function flush(): Promise<void> {
  if (!queue || !session || signedOut) return;
  clearTimeout(retryTimer);
  retryTimer = undefined;
  retryAt = undefined;
  const result = await queue.flush(send);
  if (result.outcome === 'retry') {
    retryAt = Date.now() + result.retryInMs;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, result.retryInMs);
  } else if (result.outcome === 'signedOut') {
    expire();
  }
  renderStatus();
}

// ---------------------------------------------------------------- the form

function renderTiers(): void {
  const tiers = eventView?.tiersFen ?? [];
  const current = tierRow.dataset.tiers;
  const next = tiers.join(',');
  if (current === next && tierRow.childElementCount > 0) return;
  tierRow.dataset.tiers = next;
  tierRow.replaceChildren(
    ...tiers.map((fen) => {
      const button = el('button', {
        class: 'tier',
        testid: 'tier',
        text: formatCompactAmount(fen),
        attrs: { type: 'button', 'data-amount-fen': String(fen), title: formatFullDigits(fen) },
      });
      button.addEventListener('click', () => {
        amountBox.value = formatCompactAmount(fen);
        updateReadout();
        donorName.focus();
      });
      return button;
    }),
  );
  tierRow.hidden = tiers.length === 0;
  markTier();
}

function markTier(): void {
  const parsed = parseAmountInput(amountBox.value);
  for (const button of tierRow.querySelectorAll<HTMLButtonElement>('button')) {
    button.classList.toggle('selected', parsed.ok && String(parsed.fen) === button.dataset.amountFen);
  }
}

function updateReadout(): void {
  const text = amountBox.value;
  const parsed = parseAmountInput(text);
  readout.classList.toggle('empty', text.trim() === '');
  readout.classList.toggle('invalid', !parsed.ok && text.trim() !== '');
  if (parsed.ok) {
    amountDigits.textContent = formatFullDigits(parsed.fen);
    amountCapital.textContent = toChineseCapital(parsed.fen);
    amountError.textContent = '';
  } else {
    amountDigits.textContent = '—';
    amountCapital.textContent = '—';
    amountError.textContent = text.trim() === '' ? '' : amountMessage(parsed.error);
  }
  amountBox.setAttribute('aria-invalid', String(!parsed.ok && text.trim() !== ''));
  markTier();
}

function amountMessage(key: MessageKey): string {
  return t(key, { max: formatCompactAmount(DEFAULT_MAX_AMOUNT_FEN) });
}

amountBox.addEventListener('input', () => {
  updateReadout();
  formError.textContent = '';
});
anonymous.addEventListener('change', () => {
  donorName.classList.toggle('optional', anonymous.checked);
});
for (const control of [donorName, representative, note]) {
  control.addEventListener('input', () => (formError.textContent = ''));
}

// Enter submits from every control of the form, the select and the checkbox included.
form.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && !event.isComposing && (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox'))) {
    event.preventDefault();
    form.requestSubmit();
  }
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const parsed = parseAmountInput(amountBox.value);
  if (!parsed.ok) {
    amountError.textContent = amountMessage(parsed.error);
    readout.classList.add('invalid');
    amountBox.focus();
    amountBox.select();
    return;
  }
  const name = donorName.value.trim();
  if (name === '' && !anonymous.checked) {
    formError.textContent = t('operator.donorNameRequired');
    donorName.focus();
    return;
  }
  const body: PledgeBody = {
    deskId: session?.deskId ?? '',
    amountFen: parsed.fen,
    donorName: name,
    donorKind: donorKind.value as DonorKind,
    anonymous: anonymous.checked,
  };
  if (representative.value.trim()) body.representative = representative.value.trim();
  if (note.value.trim()) body.note = note.value.trim();
  openConfirm(body);
});

function openConfirm(body: PledgeBody): void {
  pendingBody = body;
  confirmCapital.textContent = toChineseCapital(body.amountFen);
  confirmDigits.textContent = `${formatFullDigits(body.amountFen)}（${formatCompactAmount(body.amountFen)}）`;
  confirmDonor.replaceChildren(...donorParts(body));
  confirmError.textContent = '';
  confirmOpenedAt = performance.now();
  confirmDialog.showModal();
  confirmOk.focus();
}

function donorParts(body: Pick<PledgeBody, 'donorName' | 'donorKind' | 'anonymous' | 'representative' | 'note'>): Node[] {
  const parts: Node[] = [el('strong', { class: 'donor-name', text: body.donorName || t('common.anonymousDonor') })];
  parts.push(el('span', { class: 'tag', text: t(`donorKind.${body.donorKind}`) }));
  if (body.anonymous) parts.push(el('span', { class: 'tag tag-anon', text: t('operator.anonymous') }));
  if (body.representative) parts.push(el('span', { class: 'muted', text: t('operator.representativeOf', { name: body.representative }) }));
  if (body.note) parts.push(el('span', { class: 'muted', text: `· ${body.note}` }));
  return parts;
}

function closeConfirm(): void {
  pendingBody = undefined;
  if (confirmDialog.open) confirmDialog.close();
  amountBox.focus();
}

function acceptConfirm(): void {
  if (!pendingBody || !queue) return;
  try {
    queue.enqueue(pendingBody);
  } catch (error) {
    confirmError.textContent = t('operator.storageFailed', { reason: error instanceof Error ? error.message : String(error) });
    return;
  }
  pendingBody = undefined;
  confirmDialog.close();
  resetForm();
  void flush();
}

function resetForm(): void {
  form.reset();
  donorName.classList.remove('optional');
  formError.textContent = '';
  updateReadout();
  amountBox.focus();
}

confirmOk.addEventListener('click', acceptConfirm);
confirmCancel.addEventListener('click', closeConfirm);
confirmDialog.addEventListener('cancel', (event) => {
  event.preventDefault();
  closeConfirm();
});
confirmDialog.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  if (event.target === confirmCancel) {
    closeConfirm();
    return;
  }
  // A held-down Enter, or the tail of the one that opened the dialog, must not send unread.
  if (event.repeat || performance.now() - confirmOpenedAt < 250) return;
  acceptConfirm();
});

// ---------------------------------------------------------------- queue view

function renderQueue(entries: readonly QueueEntry<PledgeBody>[]): void {
  const newestFirst = [...entries].reverse().filter((entry) => !dismissed.has(entry.id));
  const open = newestFirst.filter((entry) => entry.state !== 'confirmed');
  const done = newestFirst.filter((entry) => entry.state === 'confirmed').slice(0, 6);
  const shown = newestFirst.filter((entry) => open.includes(entry) || done.includes(entry));
  if (shown.length === 0) {
    queueList.replaceChildren(el('li', { class: 'empty', i18n: 'operator.queueEmpty' }));
  } else {
    queueList.replaceChildren(...shown.map(queueItem));
  }
  renderStatus();
}

function queueItem(entry: QueueEntry<PledgeBody>): HTMLLIElement {
  const stateKey: MessageKey = entry.state === 'sending' ? 'operator.state.inFlight' : `operator.state.${entry.state}`;
  const item = el('li', { class: `queue-entry state-${entry.state}`, testid: 'queue-entry', attrs: { 'data-state': entry.state, 'data-pledge-id': entry.id } },
    el('span', { class: 'state-badge', text: t(stateKey) }),
    el('span', { class: 'entry-amount' }, el('strong', { text: formatCompactAmount(entry.body.amountFen) }),
      el('span', { class: 'muted', text: formatFullDigits(entry.body.amountFen) })),
    el('span', { class: 'entry-donor' }, el('span', { class: 'donor-name', testid: 'queue-name', text: entry.body.donorName || t('common.anonymousDonor') }),
      el('span', { class: 'tag', text: t(`donorKind.${entry.body.donorKind}`) }),
      entry.body.anonymous && el('span', { class: 'tag tag-anon', text: t('operator.anonymous') })),
  );
  const details: string[] = [];
  if (entry.state === 'confirmed' && entry.confirmedAt) details.push(clock(entry.confirmedAt));
  if (entry.state !== 'confirmed' && entry.attempts > 0) details.push(t('operator.attempts', { count: entry.attempts }));
  if (entry.state !== 'confirmed' && entry.lastError) details.push(entry.lastError);
  if (details.length > 0) item.append(el('span', { class: 'entry-detail', text: details.join(' · ') }));
  if (entry.state === 'rejected') {
    const again = el('button', { class: 'secondary small', i18n: 'operator.reEnter', attrs: { type: 'button' } });
    again.addEventListener('click', () => reEnter(entry));
    item.append(again);
  }
  return item;
}

/** A refused pledge recorded nothing: put it back in the form to fix; it is sent under a new id. */
function reEnter(entry: QueueEntry<PledgeBody>): void {
  amountBox.value = formatCompactAmount(entry.body.amountFen);
  donorName.value = entry.body.donorName;
  donorKind.value = entry.body.donorKind;
  anonymous.checked = entry.body.anonymous;
  representative.value = entry.body.representative ?? '';
  note.value = entry.body.note ?? '';
  dismissed.add(entry.id);
  writeJson(DISMISSED_KEY, [...dismissed]);
  updateReadout();
  renderQueue(queue?.entries() ?? []);
  amountBox.focus();
}

function renderStatus(): void {
  const entries = queue?.entries() ?? [];
  const pending = entries.filter((e) => e.state === 'queued' || e.state === 'sending').length;
  queueCount.textContent = pending > 0 ? t('operator.pending', { count: pending }) : '';
  const rejected = entries.filter((e) => e.state === 'rejected' && !dismissed.has(e.id)).length;
  let state: 'ok' | 'pending' | 'offline' | 'signedOut' | 'rejected' = 'ok';
  let text = pending > 0 ? t('operator.pendingCount', { count: pending }) : t('operator.allConfirmed');
  if (signedOut) {
    state = 'signedOut';
    text = `${t('operator.signInAgain')} · ${t('operator.pendingCount', { count: pending })}`;
  } else if (connection === 'offline' && pending > 0) {
    state = 'offline';
    const seconds = retryAt === undefined ? 0 : Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
    text = `${t('operator.pendingCount', { count: pending })} · ${seconds > 0 ? t('operator.retryIn', { seconds }) : t('operator.state.inFlight')}`;
  } else if (pending > 0) {
    state = 'pending';
  } else if (rejected > 0) {
    state = 'rejected';
    text = t('operator.rejectedCount', { count: rejected });
  }
  statusChip.hidden = !queue;
  statusChip.dataset.state = state;
  statusChip.textContent = text;
  offlineBanner.hidden = !(connection === 'offline' && pending > 0);
}

// ---------------------------------------------------------------- this desk's pledges

let deskRefreshTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleDeskRefresh(): void {
  clearTimeout(deskRefreshTimer);
  deskRefreshTimer = setTimeout(() => void refreshDeskList(), 200);
}

async function refreshDeskList(): Promise<void> {
  if (!session || signedOut) return;
  const result = await apiFetch<DeskPledge[]>(paths.deskPledges(session.eventId, session.deskId), { token: session.token });
  if (result.status === 401) expire();
  if (!result.ok) {
    deskLoadError = t('operator.loadFailed', { reason: result.problem.title });
  } else {
    deskLoadError = undefined;
    deskPledges = result.body;
  }
  renderDeskList();
}

function renderDeskList(): void {
  deskNote.textContent = deskLoadError ?? '';
  deskNote.hidden = !deskLoadError;
  if (deskPledges.length === 0) {
    deskList.replaceChildren(el('li', { class: 'empty', i18n: 'operator.deskListEmpty' }));
    return;
  }
  deskList.replaceChildren(...deskPledges.map(deskItem));
}

function deskItem(row: DeskPledge): HTMLLIElement {
  const pledge = row.pledge;
  const voided = pledge.status === 'voided';
  const item = el('li', { class: `desk-pledge${voided ? ' voided' : ''}`, testid: 'desk-pledge', attrs: { 'data-pledge-id': pledge.pledgeId, 'data-status': pledge.status } },
    el('span', { class: 'seq', text: `#${pledge.sequence}` }),
    el('span', { class: 'time', text: clock(pledge.recordedAt) }),
    el('span', { class: 'entry-amount' }, el('strong', { class: 'strike', text: formatCompactAmount(pledge.amountFen) }),
      el('span', { class: 'muted strike', text: formatFullDigits(pledge.amountFen) })),
    el('span', { class: 'entry-donor strike' }, ...donorParts({ ...pledge, representative: pledge.representative ?? undefined, note: pledge.note ?? undefined })),
  );
  if (voided) {
    item.append(el('span', { class: 'void-note', text: t('operator.voidedWithReason', { reason: row.voidReason ?? '' }) }));
  } else {
    const button = el('button', { class: 'danger small', testid: 'void', i18n: 'operator.void', attrs: { type: 'button' } });
    button.addEventListener('click', () => openVoid(pledge));
    item.append(button);
  }
  return item;
}

function openVoid(pledge: PledgeView): void {
  voiding = pledge;
  voidSummary.textContent = t('operator.voidConfirm', {
    donor: pledge.donorName || t('common.anonymousDonor'),
    amount: `${formatFullDigits(pledge.amountFen)}（${toChineseCapital(pledge.amountFen)}）`,
  });
  voidReason.value = '';
  voidError.textContent = '';
  voidOk.disabled = false;
  voidDialog.showModal();
  voidReason.focus();
}

voidCancel.addEventListener('click', () => voidDialog.close());
voidDialog.addEventListener('close', () => {
  voiding = undefined;
  amountBox.focus();
});

voidForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void submitVoid();
});

async function submitVoid(): Promise<void> {
  const pledge = voiding;
  if (!pledge || !session) return;
  const reason = voidReason.value.trim();
  if (reason === '') {
    voidError.textContent = t('operator.voidReasonRequired');
    voidReason.focus();
    return;
  }
  voidOk.disabled = true;
  const result = await apiFetch(paths.voidPledge(session.eventId, pledge.pledgeId), {
    method: 'POST',
    token: session.token,
    body: { reason },
  });
  voidOk.disabled = false;
  if (!result.ok) {
    if (result.status === 401) expire();
    voidError.textContent = t('operator.voidFailed', { reason: describeVoidProblem(result.problem) });
    return;
  }
  voidDialog.close();
  void refreshDeskList();
}

function describeVoidProblem(problem: Problem): string {
  return describeProblem(problem, fieldLabels());
}

// ---------------------------------------------------------------- header and language

function renderHeader(): void {
  sessionLine.replaceChildren();
  if (session && queue) {
    sessionLine.append(
      el('strong', { text: session.deskName || session.deskId }),
      el('span', { class: 'muted', text: ' · ' }),
      el('span', { text: eventView?.title ?? session.eventId }),
    );
  }
  const status = eventView?.status;
  notLiveBanner.hidden = !status || status === 'live';
  if (status && status !== 'live') {
    notLiveBanner.textContent = t('operator.eventNotLive', { status: t(`admin.status.${status}`) });
  }
  languageButton.textContent = t('common.otherLanguage');
  languageButton.lang = getLanguage() === 'zh' ? 'en' : 'zh';
  document.documentElement.lang = getLanguage() === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t('operator.title')} · ${t('app.name')}`;
}

languageButton.addEventListener('click', () => setLanguage(getLanguage() === 'zh' ? 'en' : 'zh'));

onLanguageChange(() => {
  translateStatic();
  renderHeader();
  updateReadout();
  renderQueue(queue?.entries() ?? []);
  renderDeskList();
  if (pendingBody) confirmDonor.replaceChildren(...donorParts(pendingBody));
});

// ---------------------------------------------------------------- start

renderHeader();
if (session && !expired(session)) {
  startConsole();
} else {
  signOutButton.hidden = true;
  showLogin({ overlay: false, message: session ? t('operator.signedOut') : undefined });
}
