// What the console keeps on the device besides the queue: the desk's sign-in, the event as last
// fetched (so tiers show at once after a reload) and the refused entries the operator re-entered.

import type { DeskSignIn, EventView } from '../../lib/api';

export type Session = DeskSignIn;

/** The part of `localStorage` the console uses. */
export interface ConsoleStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_KEY = 'charityday.operator.session';
export const EVENT_KEY = 'charityday.operator.event';
export const DISMISSED_KEY = 'charityday.operator.dismissed';

export function readJson<T>(storage: ConsoleStorage, key: string): T | undefined {
  try {
    const raw = storage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function writeJson(storage: ConsoleStorage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // A preference or cache only; the queue reports its own storage failures.
  }
}

export function storedSession(storage: ConsoleStorage): Session | undefined {
  const session = readJson<Session>(storage, SESSION_KEY);
  return session && typeof session.token === 'string' && session.eventId && session.deskId ? session : undefined;
}

/** True once the token's expiry has passed; a token without a readable expiry is left to the server. */
export function isExpired(session: Session, nowMs: number): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isFinite(expiresAt) && expiresAt <= nowMs;
}

export function sameDesk(a: Session | undefined, b: Session): boolean {
  return a !== undefined && a.eventId === b.eventId && a.deskId === b.deskId;
}

export function cachedEvent(storage: ConsoleStorage, eventId: string): EventView | undefined {
  const cached = readJson<EventView>(storage, EVENT_KEY);
  return cached?.id === eventId ? cached : undefined;
}

/** Forgets the sign-in on this device (the queue stays, under the desk's key). */
export function forgetSession(storage: ConsoleStorage): void {
  try {
    storage.removeItem(SESSION_KEY);
  } catch {
    // Nothing stored to remove.
  }
}
