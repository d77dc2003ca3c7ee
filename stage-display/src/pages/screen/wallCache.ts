// The last state a wall showed, kept in localStorage so a wall reloaded while the server is
// unreachable opens on the last total and scene instead of an empty screen. Storage may be missing
// or full (private mode, a locked-down kiosk): the wall then works as before, only without this.

import type { PublicEvent } from '../../lib/publicEvent';
import type { TotalSnapshot } from '../../lib/types';

export interface CachedWall {
  snapshot: TotalSnapshot | null;
  event: PublicEvent | null;
  scene: string;
  /** The scene's data as last read (its scene, tier and round's start in `key`), so an offline reload shows it filled. */
  sceneData?: KeptSceneData | null;
  savedAt: number;
}

export interface KeptSceneData {
  key: string;
  answer: unknown;
}

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const VERSION = 1;

export class WallCache {
  readonly #key: string;

  constructor(eventId: string, readonly storage: KeyValueStore | null) {
    this.#key = `charityday.wall.v${VERSION}.${eventId}`;
  }

  read(): CachedWall | null {
    try {
      const text = this.storage?.getItem(this.#key);
      const parsed = text ? (JSON.parse(text) as Partial<CachedWall>) : null;
      return parsed && typeof parsed.savedAt === 'number'
        ? { snapshot: parsed.snapshot ?? null, event: parsed.event ?? null, scene: parsed.scene ?? 'total', sceneData: parsed.sceneData ?? null, savedAt: parsed.savedAt }
        : null;
    } catch {
      return null; // unreadable or from another build: start as if there were none
    }
  }

  write(wall: CachedWall): void {
    try {
      this.storage?.setItem(this.#key, JSON.stringify(wall));
    } catch {
      // Full or forbidden: the live wall does not depend on it.
    }
  }
}

/** localStorage, or null where touching it throws. */
export function browserStorage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
