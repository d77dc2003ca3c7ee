// What frames every scene of the wall: the event's title, the round now on stage, a notice before
// and after the show, the rehearsal mark, the connection badge, and the slot the scene fills.

import { el, languageSwitch, setText, showIf, translated, whenLanguageChanges } from '../../../lib/dom';
import { getLanguage, t } from '../../../lib/i18n';
import type { WallStore } from '../wallStore';

export class StageFrame {
  readonly #title = el('h1', { class: 'event-title' });
  readonly #notice = el('div', { class: 'notice', attrs: { role: 'status' } });
  readonly #roundTitle = el('span', { class: 'round-title', testid: 'round-title' });
  readonly #round = el('div', { class: 'round' }, translated(el('span', { class: 'round-label' }), 'screen.roundLabel'), this.#roundTitle);
  readonly #rehearsal = translated(el('div', { class: 'rehearsal-mark', testid: 'rehearsal-mark' }), 'screen.rehearsal');
  readonly #disconnected = translated(el('span'), 'common.disconnected');
  readonly #polling = translated(el('span'), 'common.polling');
  readonly #kept = translated(el('span', { class: 'connection-kept', testid: 'kept-total' }), 'screen.keptTotal');
  readonly #connection = el('div', { class: 'connection', testid: 'connection', attrs: { role: 'status' } },
    el('span', { class: 'connection-dot' }), this.#disconnected, this.#polling, this.#kept);
  readonly sceneSlot = el('div', { class: 'scene-slot' });
  readonly canvas = el('canvas', { class: 'confetti' });
  readonly root: HTMLElement;

  constructor(kiosk: boolean) {
    this.root = el(
      'div',
      { class: 'stage' },
      el('header', { class: 'top' }, this.#title, kiosk ? null : languageSwitch()),
      this.#rehearsal,
      this.#round,
      this.#notice,
      this.sceneSlot,
      this.#connection,
      this.canvas,
    );
    for (const hidden of [this.#round, this.#notice, this.#rehearsal, this.#connection]) showIf(hidden, false);
    // The language switch sets the page's language for the CSS (:lang); a kiosk wall has no switch.
    whenLanguageChanges(() => {
      document.documentElement.lang = getLanguage() === 'zh' ? 'zh-CN' : 'en';
    });
  }

  render(store: WallStore): void {
    const state = store.snapshot;
    const event = store.event;
    const titleText = state?.title || event?.title || t('app.name');
    setText(this.#title, titleText);
    document.title = `${titleText} · ${t('screen.totalLabel')}`;

    const status = event?.status;
    setText(this.#notice, status === 'closed' ? t('screen.eventClosed') : status === 'draft' ? t('screen.waiting') : '');
    showIf(this.#notice, status === 'closed' || status === 'draft');
    const roundText = (state?.screen.roundTitle ?? event?.screen.roundTitle ?? '').trim();
    setText(this.#roundTitle, roundText);
    showIf(this.#round, roundText !== '' && status !== 'closed');
    showIf(this.#rehearsal, store.rehearsal);

    const body = document.body;
    body.classList.toggle('is-closed', status === 'closed');
    body.classList.toggle('is-loading', !state);
    body.classList.toggle('is-rehearsal', store.rehearsal);
    if (state) body.dataset.version = String(state.version);
    body.dataset.scene = store.scene;
    this.renderStatus(store);
  }

  /** The badge: hidden while live; a lost hub, polling, or a kept total from before a reload. */
  renderStatus(store: WallStore): void {
    const status = store.status;
    const kept = store.fromCache;
    showIf(this.#connection, kept || (status !== null && status !== 'live'));
    showIf(this.#disconnected, status === 'disconnected' && !kept);
    showIf(this.#polling, status === 'polling' && !kept);
    showIf(this.#kept, kept);
    this.#connection.classList.toggle('is-polling', status === 'polling');
    // Polling keeps the total within a couple of seconds: only a lost hub (or a kept total) dims it.
    document.body.classList.toggle('is-stale', status === 'disconnected' || kept);
    document.body.classList.toggle('is-kept', kept);
  }
}
