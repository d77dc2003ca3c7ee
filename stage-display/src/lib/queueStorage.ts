// The offline queue as the device keeps it: one localStorage item per desk of an event, read back
// after a reload with every entry that was on its way made ready to send again.

import type { QueueEntry } from './queue';

/** The part of `localStorage` the queue uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function queueStorageKey(eventId: string, deskId: string): string {
  return `charityday.queue.${eventId}.${deskId}`;
}

export function loadQueue<TBody>(storage: KeyValueStorage, key: string): QueueEntry<TBody>[] {
  const raw = storage.getItem(key);
  if (raw === null) {
    return [];
  }
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    stored = undefined;
  }
  if (!Array.isArray(stored)) {
    // Keep the unreadable text aside rather than overwrite it: someone may still recover it.
    storage.setItem(`${key}.unreadable`, raw);
    return [];
  }
  // A page closed mid-send left 'sending': its answer never arrived, so send it again.
  return (stored as QueueEntry<TBody>[]).map((entry) => (entry.state === 'sending' ? { ...entry, state: 'queued' } : entry));
}
