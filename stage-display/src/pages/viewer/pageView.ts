// The phone page's frame: header with the language switch, the hero, the giving cards, the feed and
// the footer; and the page that replaces it when there is no such event. DOM only.

import { el, languageSwitch } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { FeedView } from './feedView';
import { GiveFormView } from './giveFormView';
import { presetAmounts } from './giveForm';
import type { GiveStore } from './giveStore';
import type { LiveViewStore } from './liveStore';
import { ThankYouView } from './thankYouView';
import { TotalView } from './totalView';
import { WaitingView } from './waitingView';

function header(): HTMLElement {
  return el('header', { class: 'top' }, el('span', { class: 'brand', i18n: 'viewer.title' }), languageSwitch());
}

export class ViewerView {
  readonly total = new TotalView();
  readonly form = new GiveFormView();
  readonly waiting = new WaitingView();
  readonly thanks = new ThankYouView();
  readonly feed = new FeedView();
  #unknownShown = false;

  constructor(private readonly body: HTMLElement) {
    body.classList.add('viewer-page');
    body.replaceChildren(el('main', { class: 'page' },
      header(), this.total.element, this.form.element, this.waiting.element, this.thanks.element, this.feed.element,
      el('footer', { class: 'footer', i18n: 'app.name' })));
  }

  render(live: LiveViewStore, give: GiveStore): void {
    if (live.unknownEvent) {
      this.#showUnknownEvent();
      return;
    }
    const title = live.title || t('viewer.title');
    document.title = `${title} · ${t('viewer.title')}`;
    const state = live.snapshot;
    this.body.classList.toggle('is-loading', !state);
    // Polling keeps the total within seconds: only a lost hub dims it.
    this.body.classList.toggle('is-stale', live.status === 'disconnected');
    this.body.classList.toggle('is-rehearsal', live.rehearsal);
    if (state) {
      this.body.dataset.version = String(state.version);
    }
    this.total.render(live);
    this.form.render(give, {
      known: live.event !== null,
      acceptsGifts: live.acceptsGifts,
      presetsFen: presetAmounts(live.event?.tiersFen ?? []),
    });
    this.waiting.render(give.phase);
    this.thanks.render(give.phase);
    this.feed.render(live.feed);
  }

  #showUnknownEvent(): void {
    document.title = t('viewer.unknownEvent');
    if (this.#unknownShown) {
      return;
    }
    this.#unknownShown = true;
    this.body.replaceChildren(el('main', { class: 'page' },
      header(),
      el('section', { class: 'card unknown' }, el('h1', { class: 'card-title', i18n: 'viewer.unknownEvent' }))));
  }
}
