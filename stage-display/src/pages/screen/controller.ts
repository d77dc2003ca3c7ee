// Wires the wall's store to its views: the frame, the scene the store names (one at a time), the
// milestone banner; and the unknown-event page when the address names no event.

import { onLanguageChange } from '../../lib/i18n';
import { knownScene, SCENES } from './scenes/registry';
import type { Scene, SceneContext } from './scenes/scene';
import type { CelebrationView } from './views/celebrationView';
import type { StageFrame } from './views/stageFrame';
import { showUnknownEvent } from './views/unknownEventView';
import type { WallChange, WallStore } from './wallStore';

export class WallController {
  #scene: Scene | null = null;

  constructor(
    readonly store: WallStore,
    readonly frame: StageFrame,
    readonly celebration: CelebrationView,
    readonly context: SceneContext & { kiosk: boolean; eventExists: () => Promise<boolean> },
  ) {}

  start(): void {
    document.body.replaceChildren(this.frame.root);
    this.store.subscribe((change) => this.#render(change));
    onLanguageChange(() => this.#render('language'));
    addEventListener('resize', () => this.#scene?.fit());
    this.#render('state');
    this.store.start();
  }

  #render(change: WallChange | 'language'): void {
    if (change === 'unknown') {
      showUnknownEvent(this.store.eventId, this.context.kiosk, this.context.eventExists);
      return;
    }
    if (this.store.unknownEvent) return;
    const scene = this.#currentScene();
    if (change === 'status') {
      this.frame.renderStatus(this.store);
      return;
    }
    if (change !== 'feed' && change !== 'celebration') this.frame.render(this.store);
    if (change !== 'celebration') scene.render(this.store, change);
    this.celebration.render(scene.bannerSlot, this.store.celebrations.showing, this.store.celebrations.count);
  }

  /** The scene the store names, built on first need; another scene is taken down first. */
  #currentScene(): Scene {
    const wanted = knownScene(this.store.scene);
    if (this.#scene?.id !== wanted) {
      this.#scene?.dispose();
      this.#scene = SCENES[wanted](this.context);
      this.frame.sceneSlot.replaceChildren(this.#scene.root);
      this.#scene.render(this.store, 'state');
    }
    return this.#scene;
  }
}
