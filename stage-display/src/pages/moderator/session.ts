// The moderator's sign-in as kept on the device, like a desk's: a reload keeps the console signed
// in until the token expires or the server refuses it.

import type { Schemas } from '../../lib/types';

export type StaffSession = Schemas['StaffSignInResponse'];

/** The part of `localStorage` the console uses. */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_KEY = 'charityday.moderator.session';

export function storedSession(storage: SessionStorage, nowMs: number): StaffSession | undefined {
  try {
    const raw = storage.getItem(SESSION_KEY);
    const session = raw === null ? undefined : (JSON.parse(raw) as StaffSession);
    if (!session || typeof session.token !== 'string' || !session.eventId) return undefined;
    const expiresAt = Date.parse(session.expiresAt);
    return Number.isFinite(expiresAt) && expiresAt <= nowMs ? undefined : session;
  } catch {
    return undefined;
  }
}

export function keepSession(storage: SessionStorage, session: StaffSession | undefined): void {
  try {
    if (session) storage.setItem(SESSION_KEY, JSON.stringify(session));
    else storage.removeItem(SESSION_KEY);
  } catch {
    // Not kept: the console still works until the page reloads.
  }
}
