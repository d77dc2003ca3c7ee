// A scene is one full-stage layout of the wall (the total with the feed, a tier round, the honour
// roll, the thank-you roll, the messages). Each is its own module registered in registry.ts: the
// frame, the store and the controller know scenes only through this interface.

import type { SceneId, WallChange, WallStore } from '../wallStore';

export interface SceneContext {
  /** The wall's total format: the page's language, or every digit with `?digits=full`. */
  money(fen: number): string;
}

export interface Scene {
  readonly id: SceneId;
  readonly root: HTMLElement;
  /** Where a milestone banner goes in this scene: a place that covers none of its lists. */
  readonly bannerSlot: HTMLElement;
  render(store: WallStore, change: WallChange | 'language'): void;
  /** The stage changed size. */
  fit(): void;
  dispose(): void;
}

export type SceneFactory = (context: SceneContext) => Scene;
