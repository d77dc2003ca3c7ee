// A staff console's sign-in (the moderator's, the screen controller's) as kept on the device, like a
// desk's: a reload keeps the console signed in until the token expires or the server refuses it.

import type { Schemas } from './types';

export type StaffSession = Schemas['StaffSignInResponse'];

/** The part of `localStorage` the console uses. */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function storedSession(storage: SessionStorage, key: string, nowMs: number): StaffSession | undefined {
  try {
    const raw = storage.getItem(key);
    const session = raw === null ? undefined : (JSON.parse(raw) as StaffSession);
    if (!session || typeof session.token !== 'string' || !session.eventId) return undefined;
    const expiresAt = Date.parse(session.expiresAt);
    return Number.isFinite(expiresAt) && expiresAt <= nowMs ? undefined : session;
  } catch {
    return undefined;
  }
}

export function keepSession(storage: SessionStorage, key: string, session: StaffSession | undefined): void {
  try {
    if (session) storage.setItem(key, JSON.stringify(session));
    else storage.removeItem(key);
  } catch {
    // Not kept: the console still works until the page reloads.
  }
}
