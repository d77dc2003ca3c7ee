// The top of every scene but the total's: what the scene is (档位轮, 慈善风云榜, …), a line under it,
// and the running total kept small in the corner, so the televised figure never leaves the wall.

import { el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import type { WallStore } from '../wallStore';
import type { SceneContext } from './scene';

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
  readonly #rows = new Map<string, HTMLElement>();

  constructor(
    readonly root: HTMLElement,
    readonly make: (item: T) => HTMLElement,
    readonly fill: (row: HTMLElement, item: T) => void,
  ) {}

  render(items: readonly T[], keyOf: (item: T) => string, empty?: HTMLElement): void {
    const rows = items.map((item) => {
      const key = keyOf(item);
      const row = this.#rows.get(key) ?? this.make(item);
      this.fill(row, item);
      return [key, row] as const;
    });
    this.#rows.clear();
    for (const [key, row] of rows) this.#rows.set(key, row);
    this.root.replaceChildren(...(rows.length > 0 ? rows.map(([, row]) => row) : empty ? [empty] : []));
  }
}
