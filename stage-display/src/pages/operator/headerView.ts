// The top bar (desk, event, rehearsal mark, queue chip, language, sign-out) and the banners under it.

import { button, el, languageToggle, setText, showIf } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { summarizeQueue } from './queueSummary';
import type { DiscardNotice } from './rehearsalQueue';
import { refusalText } from './sender';
import type { OperatorState } from './store';

export class HeaderView {
  readonly signOutButton = el('button', { class: 'ghost', testid: 'sign-out', i18n: 'operator.signOut', attrs: { type: 'button' } });
  readonly reauthButton = el('button', { class: 'primary small', i18n: 'operator.signInAgain', attrs: { type: 'button' } });
  readonly #sessionLine = el('div', { class: 'session-line' });
  readonly #statusChip = el('div', { class: 'status-chip', testid: 'queue-status', attrs: { role: 'status', 'aria-live': 'polite', hidden: '' } });
  readonly #reauthBanner = el('div', { class: 'banner banner-danger', attrs: { hidden: '' } }, el('span', { i18n: 'operator.signedOut' }), this.reauthButton);
  readonly #notLiveBanner = el('div', { class: 'banner banner-warn', testid: 'event-not-live', attrs: { hidden: '' } });
  readonly #offlineBanner = el('div', { class: 'banner banner-warn', i18n: 'operator.offline', attrs: { hidden: '' } });
  readonly #rehearsalMark = el('span', { class: 'rehearsal-mark', testid: 'rehearsal-mark', i18n: 'operator.rehearsalMark', attrs: { hidden: '' } });
  readonly #rehearsalBanner = el('div', { class: 'banner banner-rehearsal', testid: 'rehearsal-banner', i18n: 'operator.rehearsalHint', attrs: { hidden: '' } });
  readonly #discardText = el('span');
  readonly #discardClose = button('operator.noticeClose', 'secondary small', 'rehearsal-discarded-close');
  readonly #discardBanner = el('div', { class: 'banner banner-danger', testid: 'rehearsal-discarded', attrs: { role: 'alert', hidden: '' } },
    this.#discardText, this.#discardClose);

  constructor(closeDiscardNotice: () => void) {
    this.#discardClose.addEventListener('click', closeDiscardNotice);
  }

  readonly elements: HTMLElement[] = [
    el('header', { class: 'topbar' },
      el('div', { class: 'brand' },
        el('span', { class: 'brand-mark', i18n: 'operator.brandMark', attrs: { 'aria-hidden': 'true' } }),
        el('span', { i18n: 'app.name' }),
        el('span', { class: 'brand-page', i18n: 'operator.title' }),
        this.#rehearsalMark),
      this.#sessionLine,
      el('div', { class: 'topbar-right' }, this.#statusChip, languageToggle('ghost'), this.signOutButton)),
    this.#reauthBanner,
    this.#rehearsalBanner,
    this.#notLiveBanner,
    this.#discardBanner,
    this.#offlineBanner,
  ];

  render(state: OperatorState): void {
    const inConsole = state.phase === 'console' && state.session !== undefined;
    const session = state.session;
    const line = inConsole && session ? `${session.deskName || session.deskId} · ${state.event?.title ?? session.eventId}` : '';
    if (this.#sessionLine.dataset.line !== line) {
      this.#sessionLine.dataset.line = line;
      this.#sessionLine.replaceChildren(...(inConsole && session ? [
        el('strong', { text: session.deskName || session.deskId }),
        el('span', { class: 'muted', text: ' · ' }),
        el('span', { text: state.event?.title ?? session.eventId })] : []));
    }
    showIf(this.signOutButton, inConsole);
    showIf(this.#reauthBanner, state.signedOut);

    const status = state.event?.status as string | undefined;
    // A rehearsal takes pledges as a live event does; it only says so, loudly.
    const rehearsal = inConsole && status === 'rehearsal';
    showIf(this.#rehearsalMark, rehearsal);
    showIf(this.#rehearsalBanner, rehearsal);
    document.body.classList.toggle('in-rehearsal', rehearsal);
    const refusing = status !== undefined && status !== 'live' && status !== 'rehearsal';
    showIf(this.#notLiveBanner, inConsole && refusing);
    this.#notLiveBanner.dataset.status = status ?? '';
    if (refusing) setText(this.#notLiveBanner, t('operator.eventNotLive', { status: statusName(status) }));

    const summary = summarizeQueue(state.entries, state.dismissed, { signedOut: state.signedOut, offline: state.offline, retryAt: state.retryAt, now: state.now });
    const waiting = t('operator.pendingCount', { count: summary.pending });
    const text = {
      ok: t('operator.allConfirmed'),
      pending: waiting,
      offline: `${waiting} · ${summary.retryInSeconds > 0 ? t('operator.retryIn', { seconds: summary.retryInSeconds }) : t('operator.state.inFlight')}`,
      signedOut: `${t('operator.signInAgain')} · ${waiting}`,
      rejected: t('operator.rejectedCount', { count: summary.rejected }),
    }[summary.state];
    showIf(this.#statusChip, inConsole);
    this.#statusChip.dataset.state = summary.state;
    setText(this.#statusChip, text);
    showIf(this.#offlineBanner, state.offline && summary.pending > 0);
    this.#renderDiscardNotice(state.discardNotice);
    document.title = `${t('operator.title')} · ${t('app.name')}`;
  }

  #renderDiscardNotice(notice: DiscardNotice | undefined): void {
    showIf(this.#discardBanner, notice !== undefined);
    this.#discardBanner.dataset.count = String(notice?.count ?? 0);
    if (!notice) return;
    setText(this.#discardText, notice.cause === 'rehearsalEnded'
      ? t('operator.rehearsalDiscarded', { count: notice.count })
      : t('operator.rehearsalRefused', { count: notice.count, reason: refusalText(notice.reason ?? '', 409) }));
  }
}

function statusName(status: string): string {
  switch (status) {
    case 'draft':
    case 'rehearsal':
    case 'live':
    case 'closed':
      return t(`operator.status.${status}`);
    default:
      return status;
  }
}
