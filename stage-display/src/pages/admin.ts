// The event admin's console (/admin): set up events, tiers, goal and desks; open and close the
// event; steer the big screen; watch the ledger and the audit (ledger sum beside the live total)
// during the night; export the ledger afterwards. The admin key lives in sessionStorage only.

import {
  apiFetch,
  describeProblem,
  parseAmountList,
  paths,
  type AmountListResult,
  type ApiResult,
  type AuditReport,
  type DeskAccess,
  type DeskListing,
  type EventSummary,
  type EventView,
  type LedgerEntryView,
  type LedgerPage,
  type Problem,
} from '../lib/api';
import { getLanguage, onLanguageChange, setLanguage, t, type MessageKey } from '../lib/i18n';
import { formatCompactAmount, formatFullDigits, formatScreenAmount, parseAmountInput } from '../lib/money';
import { createOrdersCard, type DonationOrdersView } from '../lib/ordersCard';
import { createStatusControls } from '../lib/statusControls';

import { el, input, type Child } from '../lib/dom';


function textarea(testid: string, placeholder: MessageKey): HTMLTextAreaElement {
  const box = el('textarea', { testid, attrs: { rows: '2', spellcheck: 'false' } });
  box.dataset.i18nPlaceholder = placeholder;
  box.placeholder = t(placeholder);
  return box;
}

function field(label: MessageKey, control: HTMLElement, ...extra: Child[]): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', { class: 'field-label', i18n: label }), control, ...extra);
}

function button(label: MessageKey, className: string, testid?: string, type: 'button' | 'submit' = 'button'): HTMLButtonElement {
  return el('button', { class: className, testid, i18n: label, attrs: { type } });
}

function translateStatic(): void {
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n as MessageKey);
  for (const node of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder as MessageKey);
  }
}

function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString('zh-CN', { hour12: false });
}

/** A message line that says whether it reports success or failure. */
function say(line: HTMLElement, text: string, tone: 'ok' | 'error' = 'ok'): void {
  line.textContent = text;
  line.dataset.tone = tone;
}

// ---------------------------------------------------------------- amounts typed by the admin

const NO_CAP = Number.MAX_SAFE_INTEGER;

function listPreview(result: AmountListResult): string {
  if (!result.ok) {
    return t('admin.listItemError', { item: result.item, error: t(result.error.error, { max: formatCompactAmount(100_000_000_000) }) });
  }
  return result.fen.length === 0 ? '' : `→ ${result.fen.map(formatCompactAmount).join(' · ')}`;
}

/** Shows what the admin typed as the server will store it, or what is wrong with it, as they type. */
function watchList(box: HTMLTextAreaElement, preview: HTMLElement, maxFen?: number): void {
  const update = (): void => {
    const result = parseAmountList(box.value, maxFen);
    preview.textContent = listPreview(result);
    preview.dataset.tone = result.ok ? 'ok' : 'error';
  };
  box.addEventListener('input', update);
  watchers.push(update);
}

function watchAmount(box: HTMLInputElement, preview: HTMLElement): void {
  const update = (): void => {
    if (box.value.trim() === '') {
      preview.textContent = '';
      return;
    }
    const parsed = parseAmountInput(box.value, NO_CAP);
    preview.textContent = parsed.ok ? `→ ${formatFullDigits(parsed.fen)}（${formatCompactAmount(parsed.fen)}）` : t(parsed.error);
    preview.dataset.tone = parsed.ok ? 'ok' : 'error';
  };
  box.addEventListener('input', update);
  watchers.push(update);
}

const watchers: (() => void)[] = [];

interface SetupForm {
  title: HTMLInputElement;
  goal: HTMLInputElement;
  tiers: HTMLTextAreaElement;
  milestones: HTMLTextAreaElement;
}

/** The request body of create and update, or the message that says what to fix. */
function readSetup(form: SetupForm): { ok: true; body: { title: string; goalFen: number; tiersFen: number[]; milestonesFen: number[] } } | { ok: false; message: string; focus: HTMLElement } {
  const goal = parseAmountInput(form.goal.value, NO_CAP);
  if (!goal.ok) return { ok: false, message: `${t('admin.goal')}: ${t(goal.error)}`, focus: form.goal };
  const tiers = parseAmountList(form.tiers.value);
  if (!tiers.ok) return { ok: false, message: `${t('admin.tiers')}: ${listPreview(tiers)}`, focus: form.tiers };
  const milestones = parseAmountList(form.milestones.value, NO_CAP);
  if (!milestones.ok) return { ok: false, message: `${t('admin.milestones')}: ${listPreview(milestones)}`, focus: form.milestones };
  return { ok: true, body: { title: form.title.value.trim(), goalFen: goal.fen, tiersFen: tiers.fen, milestonesFen: milestones.fen } };
}

const FIELD_LABELS: Record<string, MessageKey> = {
  id: 'admin.eventId',
  title: 'admin.eventTitle',
  goalFen: 'admin.goal',
  tiersFen: 'admin.tiers',
  milestonesFen: 'admin.milestones',
  deskId: 'admin.deskId',
  name: 'admin.deskName',
  roundTitle: 'admin.roundTitle',
};

function problemText(problem: Problem): string {
  return describeProblem(problem, Object.fromEntries(Object.entries(FIELD_LABELS).map(([name, key]) => [name, t(key)])));
}

// ---------------------------------------------------------------- page skeleton

const KEY_STORAGE = 'charityday.adminKey';
const app = document.getElementById('app') ?? document.body;

const languageButton = el('button', { class: 'ghost', attrs: { type: 'button' } });
const signOutButton = button('admin.signOut', 'ghost');
signOutButton.hidden = true;
app.append(el('header', { class: 'topbar' },
  el('a', { class: 'brand', attrs: { href: '/' } }, el('span', { class: 'brand-mark', text: '善', attrs: { 'aria-hidden': 'true' } }), el('span', { i18n: 'app.name' }),
    el('span', { class: 'brand-page', i18n: 'admin.title' })),
  el('div', { class: 'spacer' }),
  languageButton, signOutButton));

// Sign-in
const keyBox = input('admin-key', undefined, { type: 'password', autocomplete: 'current-password' });
const loginError = el('div', { class: 'message', testid: 'admin-error', attrs: { role: 'alert', 'data-tone': 'error' } });
const loginButton = button('admin.signIn', 'primary big', 'admin-login', 'submit');
const loginForm = el('form', { class: 'login-card', attrs: { novalidate: '' } },
  el('h1', { i18n: 'admin.title' }), field('admin.adminKey', keyBox), loginError, loginButton,
  el('p', { class: 'hint', i18n: 'admin.keyHint' }));
const loginView = el('div', { class: 'login-view' }, loginForm);

// Workspace: the event list beside the selected event
const eventList = el('nav', { class: 'event-list' });
const newEventButton = button('admin.createEvent', 'secondary wide');
const content = el('div', { class: 'content' });
const workspace = el('main', { class: 'workspace', attrs: { hidden: '' } },
  el('aside', { class: 'sidebar' }, el('h2', { i18n: 'admin.events' }), eventList, newEventButton),
  content);

// Open, close, reopen (their confirmations are in the page: no browser dialogs on the night)
const statusControls = createStatusControls({
  call: (path) => call<EventView>(path, { method: 'POST' }),
  changed: async (event) => {
    selected = event;
    say(statusMessage, '');
    renderEventHeader();
    await refreshEvents();
  },
  failed: (problem) => say(statusMessage, problemText(problem), 'error'),
});

app.append(loginView, workspace, ...statusControls.dialogs);

// ---------------------------------------------------------------- the create form

const createId = input('create-id', 'admin.idHint', { autocapitalize: 'off', maxlength: '40' });
const createTitle = input('create-title', undefined, { maxlength: '100' });
const createGoal = input('create-goal', 'admin.goalHint');
const createTiers = textarea('create-tiers', 'admin.listHint');
const createMilestones = textarea('create-milestones', 'admin.listHint');
const createGoalPreview = el('span', { class: 'preview' });
const createTiersPreview = el('span', { class: 'preview' });
const createMilestonesPreview = el('span', { class: 'preview' });
const createMessage = el('div', { class: 'message', attrs: { role: 'alert' } });
const createSubmit = button('admin.createEvent', 'primary', 'create-submit', 'submit');
const createForm = el('form', { class: 'card form-card', attrs: { novalidate: '' } },
  el('h2', { i18n: 'admin.createEvent' }),
  el('div', { class: 'grid-2' }, field('admin.eventId', createId), field('admin.eventTitle', createTitle)),
  field('admin.goal', createGoal, createGoalPreview),
  field('admin.tiers', createTiers, createTiersPreview),
  field('admin.milestones', createMilestones, createMilestonesPreview),
  createMessage,
  el('div', { class: 'actions' }, createSubmit));
watchAmount(createGoal, createGoalPreview);
watchList(createTiers, createTiersPreview);
watchList(createMilestones, createMilestonesPreview, NO_CAP);

// ---------------------------------------------------------------- the event view

const eventTitle = el('h1', { class: 'event-title' });
const eventMeta = el('div', { class: 'event-meta' });
const statusBadge = el('span', { class: 'status-badge', testid: 'event-status' });
const statusMessage = el('div', { class: 'message' });
const screenLink = el('a', { class: 'link-button', i18n: 'index.openScreen', attrs: { target: '_blank', rel: 'noopener' } });
const viewerLink = el('a', { class: 'link-button', i18n: 'index.openViewer', attrs: { target: '_blank', rel: 'noopener' } });
const operatorLink = el('a', { class: 'link-button', i18n: 'admin.operatorPage', attrs: { target: '_blank', rel: 'noopener' } });
const eventHeader = el('section', { class: 'event-header' },
  el('div', { class: 'event-heading' }, el('div', {}, eventTitle, eventMeta), statusBadge),
  el('div', { class: 'event-actions' }, ...statusControls.buttons, el('span', { class: 'divider' }), screenLink, viewerLink, operatorLink),
  statusMessage);

// Audit
const auditVerdict = el('div', { class: 'audit-verdict' });
const auditLedger = el('div', { class: 'audit-line' });
const auditLive = el('div', { class: 'audit-line' });
const auditChecked = el('div', { class: 'hint' });
const auditCard = el('section', { class: 'card audit-card', testid: 'audit', attrs: { 'data-agrees': 'true' } },
  el('h2', { i18n: 'admin.audit' }),
  el('div', { class: 'audit-body' }, auditVerdict, el('div', { class: 'audit-sums' }, auditLedger, auditLive, auditChecked)),
  el('p', { class: 'hint', i18n: 'admin.auditHint' }));

// Edit
const editTitle = input('edit-title', undefined, { maxlength: '100' });
const editGoal = input('edit-goal', 'admin.goalHint');
const editTiers = textarea('edit-tiers', 'admin.listHint');
const editMilestones = textarea('edit-milestones', 'admin.listHint');
const editGoalPreview = el('span', { class: 'preview' });
const editTiersPreview = el('span', { class: 'preview' });
const editMilestonesPreview = el('span', { class: 'preview' });
const editMessage = el('div', { class: 'message', attrs: { role: 'alert' } });
const editForm = el('form', { class: 'card form-card', attrs: { novalidate: '' } },
  el('h2', { i18n: 'admin.editEvent' }),
  field('admin.eventTitle', editTitle),
  field('admin.goal', editGoal, editGoalPreview),
  field('admin.tiers', editTiers, editTiersPreview),
  field('admin.milestones', editMilestones, editMilestonesPreview),
  editMessage,
  el('div', { class: 'actions' }, button('common.save', 'primary', 'save-event', 'submit')));
watchAmount(editGoal, editGoalPreview);
watchList(editTiers, editTiersPreview);
watchList(editMilestones, editMilestonesPreview, NO_CAP);

// Big screen
const roundTitle = input('round-title', 'admin.roundTitlePlaceholder', { maxlength: '100' });
const showNames = el('input', { testid: 'show-names', attrs: { type: 'checkbox' } });
const screenMessage = el('div', { class: 'message', attrs: { role: 'alert' } });
const screenForm = el('form', { class: 'card form-card', attrs: { novalidate: '' } },
  el('h2', { i18n: 'admin.screenSettings' }),
  field('admin.roundTitle', roundTitle),
  el('label', { class: 'check' }, showNames, el('span', { i18n: 'admin.showDonorNames' })),
  screenMessage,
  el('div', { class: 'actions' }, button('common.save', 'primary', 'save-screen', 'submit')));

// Desks
const deskRows = el('tbody', {});
const deskIdBox = input('desk-id', undefined, { autocapitalize: 'off', maxlength: '40' });
const deskNameBox = input('desk-name', undefined, { maxlength: '64' });
const deskMessage = el('div', { class: 'message', attrs: { role: 'alert' } });
const deskForm = el('form', { class: 'inline-form', attrs: { novalidate: '' } },
  field('admin.deskId', deskIdBox), field('admin.deskName', deskNameBox), button('admin.addDesk', 'primary', 'add-desk', 'submit'));
const desksCard = el('section', { class: 'card' },
  el('h2', { i18n: 'admin.desks' }),
  el('table', { class: 'table desks-table' },
    el('thead', {}, el('tr', {}, el('th', { i18n: 'admin.deskId' }), el('th', { i18n: 'admin.deskName' }), el('th', { i18n: 'admin.accessCode' }),
      el('th', { i18n: 'admin.deskActions' }))),
    deskRows),
  deskForm, deskMessage);

// Ledger
const ledgerRows = el('tbody', {});
const ledgerInfo = el('span', { class: 'hint' });
const ledgerFirst = button('admin.ledgerFirst', 'secondary small');
const ledgerPrev = button('admin.ledgerPrev', 'secondary small');
const ledgerNext = button('admin.ledgerNext', 'secondary small');
const ledgerLatest = button('admin.ledgerLatest', 'secondary small');
const csvButton = button('admin.downloadCsv', 'primary small', 'download-csv');
const ledgerMessage = el('div', { class: 'message', attrs: { role: 'alert' } });
const ledgerColumns: MessageKey[] = ['admin.col.entry', 'admin.col.time', 'admin.col.kind', 'admin.col.channel', 'admin.col.desk',
  'admin.col.amount', 'admin.col.donor', 'admin.col.note', 'admin.col.actor'];
const ledgerCard = el('section', { class: 'card ledger-card' },
  el('div', { class: 'card-head' }, el('h2', { i18n: 'admin.ledger' }),
    el('div', { class: 'pager' }, ledgerInfo, ledgerFirst, ledgerPrev, ledgerNext, ledgerLatest, csvButton)),
  ledgerMessage,
  el('div', { class: 'table-scroll' },
    el('table', { class: 'table ledger-table' },
      el('thead', {}, el('tr', {}, ...ledgerColumns.map((key) => el('th', { i18n: key })))),
      ledgerRows)));

const ordersCard = createOrdersCard((path) => call<DonationOrdersView>(path));

// What the night needs first (audit, big screen, ledger, online orders), then the set-up (event, desks).
const eventView = el('div', { class: 'event-view' },
  eventHeader,
  el('div', { class: 'grid-2 cards' }, auditCard, screenForm),
  ledgerCard,
  ordersCard.element,
  el('div', { class: 'grid-2 cards' }, editForm, desksCard));

// ---------------------------------------------------------------- state

let adminKey: string | undefined = sessionStorage.getItem(KEY_STORAGE) ?? undefined;
let events: EventSummary[] = [];
let selected: EventView | undefined;
let desks: DeskListing[] = [];
/** Codes this page was given (a desk just added or its code just rotated): the server never shows them again. */
const shownCodes = new Map<string, string>();
let audit: AuditReport | undefined;
let ledger: LedgerEntryView[] = [];
let ledgerAfter = 0;
let ledgerHistory: number[] = [];
let ledgerNextAfter: number | null = null;
let pollTimers: ReturnType<typeof setInterval>[] = [];
/** A success to show once the next event view is on screen. */
let flash: string | undefined;

/** Every admin call: a 401 means the key is wrong or was rotated, so it signs out. */
async function call<T>(path: string, request: Parameters<typeof apiFetch>[1] = {}): Promise<ApiResult<T>> {
  const result = await apiFetch<T>(path, { ...request, token: adminKey });
  if (result.status === 401) signOut(t('admin.unauthorized'));
  return result;
}

// ---------------------------------------------------------------- sign-in

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn(keyBox.value.trim());
});

async function signIn(key: string): Promise<void> {
  if (key === '') {
    say(loginError, t('admin.unauthorized'), 'error');
    keyBox.focus();
    return;
  }
  loginButton.disabled = true;
  say(loginError, '');
  // With the key, the list holds the drafts too (the public list leaves them out).
  const list = await apiFetch<EventSummary[]>(paths.events(), { token: key });
  // An admin-only route: with the right key an unknown event is a 404, with a wrong key a 401.
  const probeId = list.ok && list.body[0] ? list.body[0].id : 'x';
  const probe = await apiFetch(paths.audit(probeId), { token: key });
  loginButton.disabled = false;
  if (probe.status === 401 || probe.status === 403) {
    say(loginError, t('admin.unauthorized'), 'error');
    keyBox.select();
    return;
  }
  if (probe.kind === 'network' || probe.status >= 500) {
    say(loginError, probe.ok ? '' : probe.problem.title, 'error');
    return;
  }
  adminKey = key;
  sessionStorage.setItem(KEY_STORAGE, key);
  keyBox.value = '';
  loginView.hidden = true;
  workspace.hidden = false;
  signOutButton.hidden = false;
  events = list.ok ? list.body : [];
  renderEventList();
  await route();
  await refreshEvents();
}

function signOut(message?: string): void {
  sessionStorage.removeItem(KEY_STORAGE);
  adminKey = undefined;
  stopPolling();
  workspace.hidden = true;
  signOutButton.hidden = true;
  loginView.hidden = false;
  say(loginError, message ?? '', 'error');
  keyBox.focus();
}

signOutButton.addEventListener('click', () => signOut());

// ---------------------------------------------------------------- event list and routing

async function refreshEvents(): Promise<void> {
  const result = await call<EventSummary[]>(paths.events());
  if (!result.ok) return;
  events = result.body;
  renderEventList();
}

function renderEventList(): void {
  const current = selectedId();
  if (events.length === 0) {
    eventList.replaceChildren(el('p', { class: 'hint', i18n: 'admin.noEvents' }));
    return;
  }
  eventList.replaceChildren(...events.map((summary) => {
    const link = el('a', { class: `event-link${summary.id === current ? ' active' : ''}`, testid: 'event-link',
      attrs: { href: `#/event/${encodeURIComponent(summary.id)}`, 'data-event-id': summary.id } },
    el('span', { class: 'event-link-title', text: summary.title }),
    el('span', { class: 'event-link-meta' },
      el('span', { class: `dot status-${summary.status}` }), el('span', { text: t(`admin.status.${summary.status}`) }),
      el('span', { class: 'mono', text: summary.id })));
    return link;
  }));
}

function selectedId(): string | undefined {
  const match = /^#\/event\/(.+)$/.exec(location.hash);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

window.addEventListener('hashchange', () => void route());
newEventButton.addEventListener('click', () => {
  location.hash = '#/new';
});

async function route(): Promise<void> {
  if (!adminKey) return;
  stopPolling();
  const id = selectedId();
  renderEventList();
  if (!id) {
    selected = undefined;
    content.replaceChildren(events.length === 0 || location.hash === '#/new'
      ? createForm
      : el('div', { class: 'placeholder' }, el('p', { i18n: 'admin.selectEvent' }), createForm));
    return;
  }
  await loadEvent(id);
}

// ---------------------------------------------------------------- create

createForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void createEvent();
});

async function createEvent(): Promise<void> {
  const setup = readSetup({ title: createTitle, goal: createGoal, tiers: createTiers, milestones: createMilestones });
  if (!setup.ok) {
    say(createMessage, setup.message, 'error');
    setup.focus.focus();
    return;
  }
  const id = createId.value.trim();
  createSubmit.disabled = true;
  const result = await call<EventView>(paths.events(), { method: 'POST', body: { id, ...setup.body } });
  createSubmit.disabled = false;
  if (!result.ok) {
    say(createMessage, problemText(result.problem), 'error');
    return;
  }
  say(createMessage, '');
  createForm.reset();
  for (const update of watchers) update();
  await refreshEvents();
  flash = t('admin.created');
  location.hash = `#/event/${encodeURIComponent(result.body.id)}`;
}

// ---------------------------------------------------------------- one event

async function loadEvent(id: string): Promise<void> {
  const result = await call<EventView>(paths.event(id));
  if (!result.ok) {
    content.replaceChildren(el('div', { class: 'placeholder' }, el('p', { class: 'message', text: result.problem.title, attrs: { 'data-tone': 'error' } })));
    return;
  }
  const changedEvent = selected?.id !== id;
  selected = result.body;
  if (changedEvent) {
    ledger = [];
    ledgerAfter = 0;
    ledgerHistory = [];
    ledgerNextAfter = null;
    audit = undefined;
    ordersCard.clear();
    desks = [];
    for (const line of [statusMessage, editMessage, screenMessage, deskMessage, ledgerMessage]) say(line, '');
  }
  if (flash) say(statusMessage, flash);
  flash = undefined;
  fillEventForms();
  renderEventHeader();
  renderDesks();
  renderAudit();
  renderLedger();
  content.replaceChildren(eventView);
  await Promise.all([refreshDesks(), refreshAudit(), refreshLedger(), ordersCard.refresh(id)]);
  pollTimers = [
    setInterval(() => void refreshAudit(), 3_000),
    setInterval(() => void ordersCard.refresh(id), 5_000),
    setInterval(() => void refreshLedger(), 5_000),
    setInterval(() => void refreshEvents(), 15_000),
  ];
}

function stopPolling(): void {
  for (const timer of pollTimers) clearInterval(timer);
  pollTimers = [];
}

function fillEventForms(): void {
  if (!selected) return;
  editTitle.value = selected.title;
  editGoal.value = formatCompactAmount(selected.goalFen);
  editTiers.value = selected.tiersFen.map(formatCompactAmount).join(', ');
  editMilestones.value = selected.milestonesFen.map(formatCompactAmount).join(', ');
  roundTitle.value = selected.screen.roundTitle;
  showNames.checked = selected.screen.showDonorNames;
  for (const update of watchers) update();
}

function renderEventHeader(): void {
  if (!selected) return;
  const { id, title, status, goalFen } = selected;
  eventTitle.textContent = title;
  eventMeta.replaceChildren(
    el('span', { class: 'mono', text: id }),
    el('span', { text: t('admin.goalLine', { amount: formatScreenAmount(goalFen) }) }),
  );
  statusBadge.textContent = t(`admin.status.${status}`);
  statusBadge.className = `status-badge status-${status}`;
  statusBadge.dataset.status = status;
  statusControls.render(selected);
  screenLink.href = paths.screenPage(id);
  viewerLink.href = paths.viewerPage(id);
  operatorLink.href = `/operator?event=${encodeURIComponent(id)}`;
}

editForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void saveEvent();
});

async function saveEvent(): Promise<void> {
  if (!selected) return;
  const setup = readSetup({ title: editTitle, goal: editGoal, tiers: editTiers, milestones: editMilestones });
  if (!setup.ok) {
    say(editMessage, setup.message, 'error');
    setup.focus.focus();
    return;
  }
  const result = await call<EventView>(paths.event(selected.id), { method: 'PUT', body: setup.body });
  if (!result.ok) {
    say(editMessage, problemText(result.problem), 'error');
    return;
  }
  selected = result.body;
  fillEventForms();
  renderEventHeader();
  say(editMessage, t('admin.saved'));
  await refreshEvents();
}

screenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void saveScreen();
});

async function saveScreen(): Promise<void> {
  if (!selected) return;
  const result = await call<EventView>(paths.screen(selected.id), {
    method: 'PUT',
    body: { roundTitle: roundTitle.value.trim(), showDonorNames: showNames.checked },
  });
  if (!result.ok) {
    say(screenMessage, problemText(result.problem), 'error');
    return;
  }
  selected = result.body;
  say(screenMessage, t('admin.screenSaved'));
}

// ---------------------------------------------------------------- desks

async function refreshDesks(): Promise<void> {
  if (!selected) return;
  const result = await call<DeskListing[]>(paths.desks(selected.id));
  if (!result.ok) {
    say(deskMessage, problemText(result.problem), 'error');
    return;
  }
  desks = result.body;
  renderDesks();
}

function renderDesks(): void {
  deskIdBox.placeholder = `desk-${desks.length + 1}`;
  if (desks.length === 0) {
    deskRows.replaceChildren(el('tr', {}, el('td', { class: 'empty', i18n: 'admin.noDesks', attrs: { colspan: '4' } })));
    return;
  }
  deskRows.replaceChildren(...desks.map(deskRow));
}

function deskRow(desk: DeskListing): HTMLTableRowElement {
  const code = selected ? shownCodes.get(`${selected.id}/${desk.deskId}`) : undefined;
  const rotate = button('admin.rotateCode', 'secondary small', 'rotate-code');
  rotate.addEventListener('click', () => void rotateCode(desk, rotate));
  const revoke = button('admin.revokeDesk', 'secondary small', 'revoke-desk');
  revoke.addEventListener('click', () => void revokeDesk(desk, revoke));
  return el('tr', { testid: 'desk-row', attrs: { 'data-desk-id': desk.deskId } },
    el('td', { class: 'mono', text: desk.deskId }),
    el('td', { text: desk.name }),
    el('td', {}, code
      ? el('span', { class: 'access-code', testid: 'desk-code', text: code })
      : el('span', { class: 'hint', testid: 'desk-code-hidden', i18n: 'admin.codeHidden' })),
    el('td', {}, el('div', { class: 'desk-actions' }, rotate, revoke)));
}

deskForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void addDesk();
});

async function addDesk(): Promise<void> {
  if (!selected) return;
  const result = await call<DeskAccess>(paths.desks(selected.id), {
    method: 'POST',
    body: { deskId: deskIdBox.value.trim(), name: deskNameBox.value.trim() },
  });
  if (!result.ok) {
    say(deskMessage, problemText(result.problem), 'error');
    return;
  }
  shownCodes.set(`${selected.id}/${result.body.deskId}`, result.body.accessCode);
  say(deskMessage, t('admin.deskAdded', { desk: result.body.name, code: result.body.accessCode }));
  deskForm.reset();
  await refreshDesks();
  deskIdBox.focus();
}

/** A new code, shown here once; the old code stops working, operators already signed in stay. */
async function rotateCode(desk: DeskListing, control: HTMLButtonElement): Promise<void> {
  if (!selected) return;
  const eventId = selected.id;
  control.disabled = true;
  const result = await call<DeskAccess>(paths.deskCode(eventId, desk.deskId), { method: 'POST' });
  control.disabled = false;
  if (!result.ok) {
    say(deskMessage, problemText(result.problem), 'error');
    return;
  }
  shownCodes.set(`${eventId}/${desk.deskId}`, result.body.accessCode);
  say(deskMessage, t('admin.codeRotated', { desk: result.body.name, code: result.body.accessCode }));
  renderDesks();
}

/** Every token of the desk is refused from now on (on every node within seconds): its operators sign in again. */
async function revokeDesk(desk: DeskListing, control: HTMLButtonElement): Promise<void> {
  if (!selected) return;
  control.disabled = true;
  const result = await call(paths.deskRevoke(selected.id, desk.deskId), { method: 'POST' });
  control.disabled = false;
  if (!result.ok) {
    say(deskMessage, problemText(result.problem), 'error');
    return;
  }
  say(deskMessage, t('admin.deskRevoked', { desk: desk.name }));
}

// ---------------------------------------------------------------- audit

async function refreshAudit(): Promise<void> {
  if (!selected) return;
  const result = await call<AuditReport>(paths.audit(selected.id));
  if (result.ok) {
    audit = result.body;
    renderAudit();
  }
}

function renderAudit(): void {
  if (!audit) {
    auditCard.hidden = true;
    return;
  }
  auditCard.hidden = false;
  auditCard.dataset.agrees = String(audit.agrees);
  auditCard.classList.toggle('disagrees', !audit.agrees);
  auditVerdict.textContent = t(audit.agrees ? 'admin.auditAgrees' : 'admin.auditDisagrees');
  auditLedger.textContent = t('admin.auditLedgerSum', { amount: formatFullDigits(audit.ledgerTotalFen), count: audit.ledgerPledgeCount });
  auditLive.textContent = t('admin.auditLiveTotal', { amount: formatFullDigits(audit.liveTotalFen), count: audit.livePledgeCount });
  auditChecked.textContent = t('admin.auditCheckedAt', { time: clock(audit.checkedAt) });
}

// ---------------------------------------------------------------- ledger

async function refreshLedger(): Promise<void> {
  if (!selected) return;
  const result = await call<LedgerPage>(paths.ledger(selected.id, ledgerAfter));
  if (!result.ok) {
    say(ledgerMessage, problemText(result.problem), 'error');
    return;
  }
  say(ledgerMessage, '');
  ledger = result.body.entries;
  ledgerNextAfter = result.body.nextAfter;
  renderLedger();
}

function renderLedger(): void {
  ledgerInfo.textContent = t('admin.ledgerShowing', { count: ledger.length });
  ledgerFirst.disabled = ledgerAfter === 0;
  ledgerPrev.disabled = ledgerHistory.length === 0;
  ledgerNext.disabled = ledgerNextAfter === null;
  if (ledger.length === 0) {
    ledgerRows.replaceChildren(el('tr', {}, el('td', { class: 'empty', i18n: 'admin.ledgerEmpty', attrs: { colspan: String(ledgerColumns.length) } })));
    return;
  }
  const voided = new Set(ledger.filter((entry) => entry.kind === 'void').map((entry) => entry.pledgeId));
  ledgerRows.replaceChildren(...ledger.map((entry) => ledgerRow(entry, voided.has(entry.pledgeId))));
}

function ledgerRow(entry: LedgerEntryView, voided: boolean): HTMLTableRowElement {
  const isVoid = entry.kind === 'void';
  const kind = el('td', {}, el('span', { class: `kind kind-${entry.kind}`, text: t(`admin.kind.${entry.kind}`) }));
  if (!isVoid && voided) kind.append(el('span', { class: 'voided-mark', text: t('admin.voidedMark') }));
  const donor = el('td', { class: 'donor' },
    el('span', { class: 'donor-name', text: entry.donorName || t('common.anonymousDonor') }),
    el('span', { class: 'tag', text: t(`donorKind.${entry.donorKind}`) }),
    entry.anonymous && el('span', { class: 'tag tag-anon', text: t('operator.anonymous') }),
    entry.representative && el('span', { class: 'hint', text: t('operator.representativeOf', { name: entry.representative }) }));
  return el('tr', { class: `${isVoid ? 'row-void' : ''}${voided && !isVoid ? ' row-voided' : ''}`, testid: 'ledger-row',
    attrs: { 'data-kind': entry.kind, 'data-pledge-id': entry.pledgeId } },
  el('td', { class: 'mono', text: String(entry.entryNo) }),
  el('td', { class: 'mono', text: clock(entry.recordedAt), attrs: { title: entry.recordedAt } }),
  kind,
  el('td', { text: t(`channel.${entry.channel}`) }),
  el('td', { class: 'mono', text: `${entry.deskId} #${entry.sequence}` }),
  el('td', { class: 'amount', text: formatFullDigits(entry.amountFen) }),
  donor,
  el('td', { class: 'note', text: entry.note ?? '' }),
  el('td', { class: 'mono', text: entry.actor }));
}

ledgerFirst.addEventListener('click', () => {
  ledgerAfter = 0;
  ledgerHistory = [];
  void refreshLedger();
});
ledgerPrev.addEventListener('click', () => {
  ledgerAfter = ledgerHistory.pop() ?? 0;
  void refreshLedger();
});
ledgerNext.addEventListener('click', () => {
  if (ledgerNextAfter === null) return;
  ledgerHistory.push(ledgerAfter);
  ledgerAfter = ledgerNextAfter;
  void refreshLedger();
});
ledgerLatest.addEventListener('click', () => void showLatestLedger());

/** Walks the ledger in large pages to find where its last page of 100 starts. */
async function showLatestLedger(): Promise<void> {
  if (!selected) return;
  const entryNos: number[] = [];
  for (let after = 0; ;) {
    const result = await call<LedgerPage>(paths.ledger(selected.id, after, 1000));
    if (!result.ok) {
      say(ledgerMessage, problemText(result.problem), 'error');
      return;
    }
    entryNos.push(...result.body.entries.map((entry) => entry.entryNo));
    if (result.body.nextAfter === null) break;
    after = result.body.nextAfter;
  }
  const starts = [0];
  for (let i = 100; i < entryNos.length; i += 100) starts.push(entryNos[i - 1] ?? 0);
  ledgerAfter = starts.pop() ?? 0;
  ledgerHistory = starts;
  await refreshLedger();
}

csvButton.addEventListener('click', () => void downloadCsv());

/** The export needs the bearer header, so it is fetched here and handed to the browser as a file. */
async function downloadCsv(): Promise<void> {
  if (!selected) return;
  csvButton.disabled = true;
  const result = await call<Blob>(paths.ledgerCsv(selected.id), { read: 'blob', timeoutMs: 120_000 });
  csvButton.disabled = false;
  if (!result.ok) {
    say(ledgerMessage, problemText(result.problem), 'error');
    return;
  }
  const url = URL.createObjectURL(result.body);
  const link = el('a', { attrs: { href: url, download: `${selected.id}-ledger.csv` } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---------------------------------------------------------------- language

function renderChrome(): void {
  languageButton.textContent = t('common.otherLanguage');
  document.documentElement.lang = getLanguage() === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t('admin.title')} · ${t('app.name')}`;
}

languageButton.addEventListener('click', () => setLanguage(getLanguage() === 'zh' ? 'en' : 'zh'));
onLanguageChange(() => {
  translateStatic();
  renderChrome();
  renderEventList();
  renderEventHeader();
  renderDesks();
  renderAudit();
  renderLedger();
  for (const update of watchers) update();
});

// ---------------------------------------------------------------- start

renderChrome();
if (adminKey) {
  // Signed in earlier in this tab: check the key again before showing anything.
  const stored = adminKey;
  adminKey = undefined;
  loginView.hidden = true;
  void signIn(stored).then(() => {
    if (!adminKey) loginView.hidden = false;
  });
} else {
  keyBox.focus();
}
