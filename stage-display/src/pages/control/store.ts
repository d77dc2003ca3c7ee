// The screen controller's console, no DOM: the sign-in, the event's tiers and milestones, the live
// total with what is on the big screen now, and each press on its way. What the console says is on
// air is what the server answered or pushed, never what was merely pressed.

import { describeProblem, type ApiResult } from '../../lib/api';
import { setEventTimeZone } from '../../lib/clock';
import { t } from '../../lib/i18n';
import type { PublicEvent } from '../../lib/publicEvent';
import { keepSession, storedSession, type SessionStorage, type StaffSession } from '../../lib/staffSession';
import type { TotalSnapshot } from '../../lib/types';
import type { ControlServer, SceneKind, ShowBody, ShowState } from './controlApi';

export const SESSION_KEY = 'charityday.controller.session';

/** A press: a scene (a tier round names its tier), the hold switch, or a milestone's cue. */
export type Press =
  | { kind: 'scene'; scene: SceneKind; tierFen?: number }
  | { kind: 'hold'; hold: boolean }
  | { kind: 'cue'; milestoneFen: number };

export interface StatusLine {
  text: string;
  tone: 'ok' | 'error';
}

export interface ControlState {
  session?: StaffSession;
  signInError?: string;
  event?: PublicEvent;
  /** The live total as pushed, with the show in it. */
  live?: Readonly<TotalSnapshot>;
  /** The show as the server last answered a press; a later push replaces it. */
  answered?: ShowState;
  connected: boolean;
  pending?: Press;
  status?: StatusLine;
}

export class ControlStore {
  private current: ControlState = { connected: false };
  private readonly listeners = new Set<(state: ControlState) => void>();
  /** The press to send once the one on its way is answered. */
  private queued?: Press;

  constructor(
    private readonly server: ControlServer,
    private readonly storage: SessionStorage,
    private readonly now: () => number = Date.now,
  ) {
    const session = storedSession(storage, SESSION_KEY, now());
    if (session) this.current = { ...this.current, session };
  }

  get state(): ControlState {
    return this.current;
  }

  /** What the big screen shows now, as far as the server has said. */
  get show(): ShowState | undefined {
    return this.current.answered ?? this.current.live?.show;
  }

  subscribe(listener: (state: ControlState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(eventId: string, code: string): Promise<void> {
    const result = await this.server.signIn(eventId.trim(), code.trim());
    if (!result.ok) {
      this.update({ signInError: result.kind === 'network' ? result.error : t('control.signInFailed') });
      return;
    }
    keepSession(this.storage, SESSION_KEY, result.body);
    this.update({ session: result.body, signInError: undefined, event: undefined, live: undefined, answered: undefined, status: undefined });
    await this.loadEvent();
  }

  signOut(message?: string): void {
    this.queued = undefined;
    keepSession(this.storage, SESSION_KEY, undefined);
    this.update({ session: undefined, event: undefined, live: undefined, answered: undefined, pending: undefined, status: undefined, signInError: message });
  }

  /** Reads the event's title, tiers and milestones (again after the admin edits them). */
  async loadEvent(): Promise<void> {
    const session = this.current.session;
    if (!session) return;
    const result = await this.server.event(session.eventId);
    if (this.current.session !== session) return;
    if (result.ok) {
      setEventTimeZone(result.body.timeZone); // a round's start is said in the event's zone
      this.update({ event: result.body });
    } else {
      this.update({ status: { text: t('control.eventFailed', { reason: describeProblem(result.problem) }), tone: 'error' } });
    }
  }

  takeLive(snapshot: Readonly<TotalSnapshot>): void {
    if (!this.current.session || snapshot.eventId !== this.current.session.eventId) return;
    this.update({ live: snapshot, answered: undefined });
  }

  setConnected(connected: boolean): void {
    if (connected !== this.current.connected) this.update({ connected });
  }

  /**
   * Sends a press. One is on the wire at a time; a press made meanwhile waits and goes next, the
   * latest such press winning, so the screens end on the last thing the controller pressed. The same
   * press again while it is on its way is dropped: a double tap neither restarts a round nor cues twice.
   */
  async press(press: Press): Promise<void> {
    const session = this.current.session;
    if (!session) return;
    if (press.kind === 'cue' && !this.reached(press.milestoneFen)) return;
    if (this.current.pending) {
      if (!same(press, this.current.pending)) this.queued = press;
      return;
    }
    this.update({ pending: press, status: { text: t('control.sending'), tone: 'ok' } });
    const result = press.kind === 'cue'
      ? await this.server.celebrate(session, press.milestoneFen)
      : await this.server.setShow(session, bodyOf(press));
    if (this.current.session !== session) return;
    this.settle(press, result);
    const next = this.queued;
    this.queued = undefined;
    if (next && this.current.session === session) await this.press(next);
  }

  /** Whether celebrations will be held once the presses made so far have gone: what `h` switches. */
  intendedHold(): boolean {
    for (const press of [this.queued, this.current.pending]) if (press?.kind === 'hold') return press.hold;
    return this.show?.holdCelebrations ?? false;
  }

  /** Whether the live total has passed a milestone (the server checks too). */
  reached(milestoneFen: number): boolean {
    return this.current.live?.milestonesReached.includes(milestoneFen) ?? false;
  }

  private settle(press: Press, result: ApiResult<ShowState>): void {
    if (result.ok) {
      this.update({ pending: undefined, answered: result.body, status: { text: doneText(press), tone: 'ok' } });
      return;
    }
    if (result.status === 401 || result.status === 403) {
      this.signOut(t('control.signedOut'));
      return;
    }
    this.update({ pending: undefined, status: { text: describeProblem(result.problem), tone: 'error' } });
  }

  private update(change: Partial<ControlState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}

/** A scene press keeps the hold as it is; the hold switch alone keeps the scene (and a round's start). */
function bodyOf(press: Exclude<Press, { kind: 'cue' }>): ShowBody {
  if (press.kind === 'hold') return { holdCelebrations: press.hold };
  return press.scene === 'tierRound' ? { scene: press.scene, tierFen: press.tierFen ?? 0 } : { scene: press.scene };
}

function same(a: Press, b: Press): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function doneText(press: Press): string {
  switch (press.kind) {
    case 'scene':
      return t('control.sceneOn');
    case 'hold':
      return t(press.hold ? 'control.holdOn' : 'control.holdOff');
    case 'cue':
      return t('control.cueSent');
  }
}
