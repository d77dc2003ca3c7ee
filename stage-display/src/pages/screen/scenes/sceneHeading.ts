// What the controller's scenes (all but the total) share: the heading — what the scene is (档位轮,
// 慈善风云榜, …), a line under it, the running total kept small in the corner so the televised figure
// never leaves the wall — a list that redraws without moving its lines, and the scene's shell.

import { el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import type { SceneId, WallStore } from '../wallStore';
import type { Scene, SceneContext } from './scene';

export class SceneHeading {
  readonly #title = el('h2', { class: 'scene-title', testid: 'scene-title' });
  readonly #subtitle = el('p', { class: 'scene-subtitle', testid: 'scene-subtitle' });
  readonly #total = el('span', { class: 'corner-total-amount', testid: 'corner-total' });
  readonly #totalLabel = el('span', { class: 'corner-total-label' });
  /** A milestone banner covers the scene's title, never its list nor the total in the corner. */
  readonly bannerSlot = el('div', { class: 'banner-slot' });
  readonly root = el('header', { class: 'scene-heading' },
    el('div', { class: 'scene-heading-text' }, this.#title, this.#subtitle, this.bannerSlot),
    el('div', { class: 'corner-total' }, this.#totalLabel, this.#total));

  constructor(readonly context: SceneContext) {}

  render(store: WallStore, title: string, subtitle = ''): void {
    setText(this.#title, title);
    setText(this.#subtitle, subtitle);
    setText(this.#totalLabel, t('screen.totalLabel'));
    const state = store.snapshot;
    setText(this.#total, state ? this.context.money(state.totalFen) : t('common.loading'));
  }
}

/** A line of a list kept by key: an element made once and filled again on each render. */
export class KeyedList<T> {
  #rows = new Map<string, HTMLElement>();

  constructor(
    readonly root: HTMLElement,
    readonly make: (item: T) => HTMLElement,
    readonly fill: (row: HTMLElement, item: T) => void,
  ) {}

  /**
   * Puts `items` in the list in order, moving no line that is already in place: a line taken out and
   * put back would start its entrance again, so a list redrawn on every push would never settle.
   */
  render(items: readonly T[], keyOf: (item: T) => string, empty?: HTMLElement): void {
    const wanted = new Map<string, HTMLElement>();
    for (const item of items) {
      const key = keyOf(item);
      const row = this.#rows.get(key) ?? this.make(item);
      this.fill(row, item);
      wanted.set(key, row);
    }
    this.#rows = wanted;
    const lines: HTMLElement[] = wanted.size > 0 ? [...wanted.values()] : empty ? [empty] : [];
    const keep = new Set(lines);
    for (const child of [...this.root.children]) if (!keep.has(child as HTMLElement)) child.remove();
    let cursor = this.root.firstElementChild;
    for (const line of lines) {
      if (line === cursor) cursor = cursor.nextElementSibling;
      else this.root.insertBefore(line, cursor);
    }
  }
}

/**
 * A scene of the controller's (all but the total): its heading's banner slot, and a redraw on each
 * state, scene data or language change — never for the feed's timing or a banner, which it does not show.
 */
export function dataScene(id: SceneId, heading: SceneHeading, root: HTMLElement, draw: (store: WallStore) => void, fit: () => void = () => undefined): Scene {
  return {
    id,
    root,
    bannerSlot: heading.bannerSlot,
    fit,
    dispose: () => root.remove(),
    render(store, change): void {
      if (change !== 'celebration' && change !== 'feed') draw(store);
    },
  };
}
