// The moderator console's state, no DOM: the sign-in, the queue newest first, the selected row, the
// name being edited, and each decision shown at once, then rolled back with the server's words if
// it is refused. A poll that lands while a decision is on its way keeps the decision in view.

import { describeProblem } from '../../lib/api';
import { t } from '../../lib/i18n';
import type { ModerationAction, ModerationEntry, ModerationServer, ModerationState } from './moderationApi';
import { keepSession, storedSession, type SessionStorage, type StaffSession } from '../../lib/staffSession';

export const SESSION_KEY = 'charityday.moderator.session';

export type QueueFilter = 'pending' | 'all';

export interface StatusLine {
  text: string;
  tone: 'ok' | 'error';
  /** A failed poll: the next good one clears it. */
  fromRefresh?: boolean;
}

export interface ModeratorState {
  session?: StaffSession;
  signInError?: string;
  filter: QueueFilter;
  entries: readonly ModerationEntry[];
  selectedId?: string;
  /** The display name being typed for the selected row, while editing. */
  editing?: { pledgeId: string; draft: string };
  status?: StatusLine;
}

const ALL_STATES: readonly ModerationState[] = ['pending', 'approved', 'hidden'];

export class ModeratorStore {
  private current: ModeratorState = { filter: 'pending', entries: [] };
  private readonly listeners = new Set<(state: ModeratorState) => void>();
  /** Decisions on their way, by pledge: what the row shows until the server answers. */
  private readonly inFlight = new Map<string, ModerationEntry>();

  constructor(
    private readonly server: ModerationServer,
    private readonly storage: SessionStorage,
    private readonly now: () => number = Date.now,
  ) {
    const session = storedSession(storage, SESSION_KEY, now());
    if (session) this.current = { ...this.current, session };
  }

  get state(): ModeratorState {
    return this.current;
  }

  subscribe(listener: (state: ModeratorState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(eventId: string, code: string): Promise<void> {
    const result = await this.server.signIn(eventId.trim(), code.trim());
    if (!result.ok) {
      this.update({ signInError: result.kind === 'network' ? result.error : t('moderator.signInFailed') });
      return;
    }
    keepSession(this.storage, SESSION_KEY, result.body);
    this.update({ session: result.body, signInError: undefined, entries: [], selectedId: undefined, status: undefined });
    await this.refresh();
  }

  signOut(message?: string): void {
    keepSession(this.storage, SESSION_KEY, undefined);
    this.inFlight.clear();
    this.update({ session: undefined, entries: [], selectedId: undefined, editing: undefined, status: undefined, signInError: message });
  }

  async setFilter(filter: QueueFilter): Promise<void> {
    if (filter === this.current.filter) return;
    this.update({ filter });
    await this.refresh();
  }

  /** Reads the queue again (newest first), keeping the selection on the same pledge where it still shows. */
  async refresh(): Promise<void> {
    const session = this.current.session;
    if (!session) return;
    const filter = this.current.filter;
    const states = filter === 'pending' ? (['pending'] as const) : ALL_STATES;
    const results = await Promise.all(states.map((state) => this.server.queue(session, state)));
    if (this.current.session !== session || this.current.filter !== filter) return;
    const entries: ModerationEntry[] = [];
    for (const result of results) {
      if (!result.ok) {
        if (result.status === 401 || result.status === 403) {
          this.signOut(t('moderator.signedOut'));
          return;
        }
        const text = t('moderator.refreshFailed', { reason: describeProblem(result.problem) });
        this.update({ status: { text, tone: 'error', fromRefresh: true } });
        return;
      }
      entries.push(...result.body);
    }
    const shown = entries.map((entry) => this.inFlight.get(entry.pledgeId) ?? entry);
    shown.sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt));
    const status = this.current.status?.fromRefresh ? undefined : this.current.status;
    this.update({ entries: shown, selectedId: this.keptSelection(shown), status });
  }

  /** Moves the selection by `step` rows (↑ is -1), stopping at either end. */
  move(step: number): void {
    const entries = this.current.entries;
    if (entries.length === 0 || this.current.editing) return;
    const index = entries.findIndex((entry) => entry.pledgeId === this.current.selectedId);
    const next = Math.min(entries.length - 1, Math.max(0, index < 0 ? 0 : index + step));
    this.update({ selectedId: entries[next]?.pledgeId });
  }

  select(pledgeId: string): void {
    if (this.current.editing?.pledgeId === pledgeId) return;
    this.update({ selectedId: pledgeId, editing: undefined });
  }

  startEditing(): void {
    const entry = this.selected();
    if (!entry || entry.anonymous) return;
    this.update({ editing: { pledgeId: entry.pledgeId, draft: entry.displayName ?? entry.typedName } });
  }

  setDraft(draft: string): void {
    if (this.current.editing) this.update({ editing: { ...this.current.editing, draft } });
  }

  cancelEditing(): void {
    this.update({ editing: undefined });
  }

  async saveEditing(): Promise<void> {
    const editing = this.current.editing;
    if (!editing) return;
    this.update({ editing: undefined });
    await this.decide(editing.pledgeId, 'rename', editing.draft.trim());
  }

  /** Approves or hides the selected row. */
  async decideSelected(action: 'approve' | 'hide'): Promise<void> {
    const entry = this.selected();
    if (entry && !this.current.editing) await this.decide(entry.pledgeId, action);
  }

  /** Shows the decision at once; the server's refusal puts the row back as it was and says why. */
  async decide(pledgeId: string, action: ModerationAction, displayName?: string): Promise<void> {
    const session = this.current.session;
    const before = this.current.entries.find((entry) => entry.pledgeId === pledgeId);
    if (!session || !before) return;
    const optimistic: ModerationEntry = {
      ...before,
      state: action === 'hide' ? 'hidden' : 'approved',
      displayName: action === 'rename' ? (displayName ?? null) : action === 'approve' ? null : before.displayName,
    };
    this.inFlight.set(pledgeId, optimistic);
    this.replace(optimistic, { text: t('moderator.saving'), tone: 'ok' });
    const result = await this.server.decide(session, pledgeId, action, displayName);
    this.inFlight.delete(pledgeId);
    if (result.ok) {
      this.replace({ ...optimistic, state: result.body.state, displayName: result.body.displayName ?? null,
        decidedBy: result.body.decidedBy, decidedAt: result.body.decidedAt }, { text: t('moderator.saved'), tone: 'ok' });
      return;
    }
    if (result.status === 401) {
      this.signOut(t('moderator.signedOut'));
      return;
    }
    this.replace(before, { text: describeProblem(result.problem), tone: 'error' });
  }

  private selected(): ModerationEntry | undefined {
    return this.current.entries.find((entry) => entry.pledgeId === this.current.selectedId);
  }

  private replace(entry: ModerationEntry, status: StatusLine): void {
    this.update({
      entries: this.current.entries.map((shown) => (shown.pledgeId === entry.pledgeId ? entry : shown)),
      status,
    });
  }

  /** The same pledge when it still shows, else the row now at its place, else the newest. */
  private keptSelection(entries: readonly ModerationEntry[]): string | undefined {
    const selectedId = this.current.selectedId;
    if (selectedId && entries.some((entry) => entry.pledgeId === selectedId)) return selectedId;
    const oldIndex = this.current.entries.findIndex((entry) => entry.pledgeId === selectedId);
    return entries[Math.min(Math.max(oldIndex, 0), entries.length - 1)]?.pledgeId;
  }

  private update(change: Partial<ModeratorState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
