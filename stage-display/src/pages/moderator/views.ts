// The moderator console's DOM: the sign-in form, and the queue as rows kept by pledge id, so a poll
// that brings new names moves no row (the display-name box keeps its focus while the moderator types).

import { clockTime } from '../../lib/clock';
import { button, el, field, input, languageToggle, say, setText, showIf, whenLanguageChanges } from '../../lib/dom';
import { t, type MessageKey } from '../../lib/i18n';
import { formatScreenAmount } from '../../lib/money';
import type { ModerationEntry } from './moderationApi';
import type { ModeratorState, QueueFilter } from './store';

export interface ModeratorActions {
  signIn(eventId: string, code: string): void;
  signOut(): void;
  filter(filter: QueueFilter): void;
  select(pledgeId: string): void;
  approve(pledgeId: string): void;
  hide(pledgeId: string): void;
  rename(pledgeId: string): void;
  draft(text: string): void;
  save(): void;
  cancel(): void;
}

export class ModeratorView {
  private readonly signInForm: HTMLFormElement;
  private readonly signInError = el('p', { class: 'status', testid: 'moderator-signin-error' });
  private readonly console: HTMLElement;
  private readonly signedInAs = el('span', { class: 'signed-in', testid: 'moderator-signed-in' });
  private readonly status = el('p', { class: 'status', testid: 'moderator-status', attrs: { role: 'status' } });
  private readonly list = el('ol', { class: 'queue', testid: 'moderator-queue' });
  private readonly empty = el('p', { class: 'empty', testid: 'moderator-empty' });
  private readonly filters: Record<QueueFilter, HTMLButtonElement> = {
    pending: button('moderator.filterPending', 'filter', 'moderator-filter-pending'),
    all: button('moderator.filterAll', 'filter', 'moderator-filter-all'),
  };
  private readonly nameBox = input('moderator-name-input', 'moderator.displayName', { maxlength: '200' });
  private readonly editor: HTMLElement;
  private readonly rows = new Map<string, { row: HTMLLIElement; render: (entry: ModerationEntry) => void }>();
  private lastState?: ModeratorState;

  constructor(root: HTMLElement, private readonly actions: ModeratorActions) {
    const eventBox = input('moderator-event', 'moderator.event');
    // The admin's link says which event: /moderate?event={id}.
    eventBox.value = new URLSearchParams(location.search).get('event') ?? '';
    const codeBox = input('moderator-code', 'moderator.accessCode', { type: 'password', autocomplete: 'off' });
    this.signInForm = el('form', { class: 'sign-in', testid: 'moderator-signin-form' },
      el('h1', { i18n: 'moderator.signInHeading' }),
      field('moderator.event', eventBox), field('moderator.accessCode', codeBox),
      button('moderator.signIn', 'primary', 'moderator-signin', 'submit'), this.signInError);
    this.signInForm.addEventListener('submit', (event) => {
      event.preventDefault();
      actions.signIn(eventBox.value, codeBox.value);
    });
    const signOut = button('moderator.signOut', 'quiet', 'moderator-signout');
    signOut.addEventListener('click', () => actions.signOut());
    for (const [filter, choice] of Object.entries(this.filters)) choice.addEventListener('click', () => actions.filter(filter as QueueFilter));
    const save = button('moderator.save', 'primary', 'moderator-save');
    const cancel = button('moderator.cancel', 'quiet', 'moderator-cancel');
    save.addEventListener('click', () => actions.save());
    cancel.addEventListener('click', () => actions.cancel());
    this.nameBox.addEventListener('input', () => actions.draft(this.nameBox.value));
    this.nameBox.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') actions.save();
      else if (event.key === 'Escape') actions.cancel();
      else return;
      event.preventDefault();
      event.stopPropagation();
    });
    this.editor = el('div', { class: 'editor', testid: 'moderator-editor' }, this.nameBox, save, cancel);
    this.console = el('main', { class: 'console', testid: 'moderator-console' },
      el('header', { class: 'bar' }, el('h1', { i18n: 'moderator.title' }), this.signedInAs, languageToggle(), signOut),
      el('nav', { class: 'filters' }, this.filters.pending, this.filters.all, el('span', { class: 'keys', i18n: 'moderator.keys' })),
      this.status, this.empty, this.list);
    root.append(this.signInForm, this.console);
    whenLanguageChanges(() => this.lastState && this.render(this.lastState, true));
  }

  render(state: ModeratorState, force = false): void {
    const previous = this.lastState;
    this.lastState = state;
    showIf(this.signInForm, !state.session);
    showIf(this.console, state.session !== undefined);
    setText(this.signInError, state.signInError ?? '');
    if (!state.session) return;
    setText(this.signedInAs, t('moderator.signedInAs', { event: state.session.eventId }));
    for (const [filter, choice] of Object.entries(this.filters)) choice.setAttribute('aria-pressed', String(filter === state.filter));
    if (state.status) say(this.status, state.status.text, state.status.tone);
    else setText(this.status, '');
    setText(this.empty, state.entries.length === 0 ? t(state.filter === 'pending' ? 'moderator.empty' : 'moderator.emptyAll') : '');
    showIf(this.empty, state.entries.length === 0);
    this.renderRows(state, force || previous?.entries !== state.entries);
    this.placeEditor(state, previous);
  }

  private renderRows(state: ModeratorState, entriesChanged: boolean): void {
    if (entriesChanged) {
      const wanted = new Set(state.entries.map((entry) => entry.pledgeId));
      for (const [pledgeId, shown] of this.rows) {
        if (!wanted.has(pledgeId)) {
          shown.row.remove();
          this.rows.delete(pledgeId);
        }
      }
      let cursor = this.list.firstElementChild;
      for (const entry of state.entries) {
        const shown = this.rows.get(entry.pledgeId) ?? this.newRow(entry.pledgeId);
        shown.render(entry);
        if (shown.row === cursor) cursor = cursor.nextElementSibling;
        else this.list.insertBefore(shown.row, cursor);
      }
    }
    for (const [pledgeId, shown] of this.rows) {
      const selected = pledgeId === state.selectedId;
      if (shown.row.classList.contains('selected') !== selected) {
        shown.row.classList.toggle('selected', selected);
        shown.row.setAttribute('aria-selected', String(selected));
        if (selected) shown.row.scrollIntoView?.({ block: 'nearest' });
      }
    }
  }

  private placeEditor(state: ModeratorState, previous: ModeratorState | undefined): void {
    const editing = state.editing;
    const row = editing ? this.rows.get(editing.pledgeId)?.row : undefined;
    if (!editing || !row) {
      this.editor.remove();
      return;
    }
    if (this.editor.parentElement !== row) row.append(this.editor);
    if (previous?.editing?.pledgeId !== editing.pledgeId) {
      this.nameBox.value = editing.draft;
      this.nameBox.focus();
      this.nameBox.select();
    }
  }

  private newRow(pledgeId: string): { row: HTMLLIElement; render: (entry: ModerationEntry) => void } {
    const time = el('time', { class: 'time' });
    const channel = el('span', { class: 'channel' });
    const amount = el('span', { class: 'amount', testid: 'moderator-amount' });
    const name = el('span', { class: 'name', testid: 'moderator-typed-name' });
    const shownAs = el('span', { class: 'shown-as', testid: 'moderator-display-name' });
    const message = el('span', { class: 'message' });
    const state = el('span', { class: 'state', testid: 'moderator-state' });
    const approve = button('moderator.approve', 'approve', 'moderator-approve');
    const hide = button('moderator.hide', 'hide', 'moderator-hide');
    const rename = button('moderator.rename', 'rename', 'moderator-rename');
    approve.addEventListener('click', () => this.actions.approve(pledgeId));
    hide.addEventListener('click', () => this.actions.hide(pledgeId));
    rename.addEventListener('click', () => this.actions.rename(pledgeId));
    const row = el('li', { class: 'entry', testid: 'moderator-row', attrs: { 'data-pledge-id': pledgeId, 'aria-selected': 'false' } },
      time, channel, amount, el('span', { class: 'names' }, name, shownAs), message, state,
      el('span', { class: 'actions' }, approve, hide, rename));
    row.addEventListener('click', () => this.actions.select(pledgeId));
    const render = (entry: ModerationEntry): void => {
      row.dataset.state = entry.state;
      setText(time, clockTime(entry.recordedAt));
      time.setAttribute('datetime', entry.recordedAt);
      setText(channel, t(`channel.${entry.channel}` as MessageKey));
      setText(amount, formatScreenAmount(entry.amountFen));
      setText(name, entry.anonymous ? `${entry.typedName} (${t('moderator.anonymous')})` : entry.typedName);
      setText(shownAs, entry.displayName ? t('moderator.shownAs', { name: entry.displayName }) : '');
      setText(message, entry.message ?? '');
      setText(state, t(`moderator.state.${entry.state}` as MessageKey));
      rename.disabled = entry.anonymous;
    };
    const shown = { row, render };
    this.rows.set(pledgeId, shown);
    return shown;
  }
}

