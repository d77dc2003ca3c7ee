// The screen controller's DOM: the sign-in form; then what is on air, a button per scene and per tier
// round (the one on air pressed), the hold switch, a cue per milestone (usable once the total has
// passed it), and a link that opens the big screen itself.

import { clockTime } from '../../lib/clock';
import { button, el, field, input, languageToggle, say, setText, showIf, whenLanguageChanges } from '../../lib/dom';
import { getLanguage, t, type MessageKey } from '../../lib/i18n';
import { formatCompactAmountIn, formatScreenAmount } from '../../lib/money';
import { eventIdFromLocation } from '../../lib/publicEvent';
import type { SceneKind, ShowState } from './controlApi';
import { keyLabel, SCENE_KEYS } from './keys';
import type { ControlState, ControlStore, Press } from './store';

export interface ControlActions {
  signIn(eventId: string, code: string): void;
  signOut(): void;
  press(press: Press): void;
}

const SCENE_LABELS: Readonly<Record<Exclude<SceneKind, 'tierRound'>, MessageKey>> = {
  total: 'control.scene.total',
  honourRoll: 'control.scene.honourRoll',
  thanks: 'control.scene.thanks',
  messages: 'control.scene.messages',
};

export class ControlView {
  private readonly signInForm: HTMLFormElement;
  private readonly signInError = el('p', { class: 'status', testid: 'control-signin-error' });
  private readonly console: HTMLElement;
  private readonly title = el('h1', { class: 'event-title', testid: 'control-event-title' });
  private readonly connection = el('span', { class: 'connection', testid: 'control-connection' });
  private readonly onAir = el('strong', { class: 'on-air-scene', testid: 'control-on-air' });
  private readonly total = el('span', { class: 'on-air-total', testid: 'control-total' });
  private readonly status = el('p', { class: 'status', testid: 'control-status', attrs: { role: 'status' } });
  private readonly sceneButtons = new Map<Exclude<SceneKind, 'tierRound'>, HTMLButtonElement>();
  private readonly tiers = el('div', { class: 'choices', testid: 'control-tiers' });
  private readonly milestones = el('div', { class: 'choices', testid: 'control-milestones' });
  private readonly hold = el('input', { testid: 'control-hold', attrs: { type: 'checkbox' } });
  private readonly screenLink = el('a', { class: 'link-button', testid: 'control-screen-link', i18n: 'control.openScreen', attrs: { target: '_blank', rel: 'noopener' } });
  private last?: { state: ControlState; store: ControlStore };

  constructor(root: HTMLElement, private readonly actions: ControlActions) {
    const eventBox = input('control-event', 'control.event');
    eventBox.value = eventIdFromLocation(location); // /control/{eventId}, or ?event=
    const codeBox = input('control-code', 'control.accessCode', { type: 'password', autocomplete: 'off' });
    this.signInForm = el('form', { class: 'sign-in', testid: 'control-signin-form' },
      el('h1', { i18n: 'control.signInHeading' }), field('control.event', eventBox), field('control.accessCode', codeBox),
      button('control.signIn', 'primary', 'control-signin', 'submit'), this.signInError);
    this.signInForm.addEventListener('submit', (event) => {
      event.preventDefault();
      actions.signIn(eventBox.value, codeBox.value);
    });
    const signOut = button('control.signOut', 'quiet', 'control-signout');
    signOut.addEventListener('click', () => actions.signOut());
    const scenes = el('div', { class: 'choices', testid: 'control-scenes' });
    for (const [scene, label] of Object.entries(SCENE_LABELS) as [Exclude<SceneKind, 'tierRound'>, MessageKey][]) {
      // The label in its own span: a change of language rewrites it and leaves the key hint.
      const choice = el('button', { class: 'scene', testid: `control-scene-${scene}`, attrs: { type: 'button' } },
        el('span', { i18n: label }), el('kbd', { text: keyLabel(SCENE_KEYS[scene]) }));
      choice.addEventListener('click', () => actions.press({ kind: 'scene', scene }));
      this.sceneButtons.set(scene, choice);
      scenes.append(choice);
    }
    this.hold.addEventListener('change', () => actions.press({ kind: 'hold', hold: this.hold.checked }));
    this.console = el('main', { class: 'console', testid: 'control-console' },
      el('header', { class: 'bar' }, el('span', { class: 'role', i18n: 'control.title' }), this.title, this.connection, languageToggle(), signOut),
      el('section', { class: 'on-air' }, el('span', { class: 'on-air-label', i18n: 'control.onAir' }), this.onAir, this.total, this.screenLink),
      this.status,
      el('section', { class: 'panel' }, el('h2', { i18n: 'control.scenes' }), scenes),
      el('section', { class: 'panel' }, el('h2', { i18n: 'control.tierRounds' }), this.tiers),
      el('section', { class: 'panel' }, el('h2', { i18n: 'control.celebrations' }),
        el('label', { class: 'check' }, this.hold, el('span', { i18n: 'control.hold' }), el('kbd', { text: 'H' })),
        el('p', { class: 'hint', i18n: 'control.holdHint' }), this.milestones));
    root.append(this.signInForm, this.console);
    whenLanguageChanges(() => this.last && this.render(this.last.state, this.last.store));
  }

  render(state: ControlState, store: ControlStore): void {
    this.last = { state, store };
    showIf(this.signInForm, !state.session);
    showIf(this.console, state.session !== undefined);
    setText(this.signInError, state.signInError ?? '');
    if (!state.session) return;
    const show = store.show;
    setText(this.title, state.event?.title ?? state.session.eventId);
    document.title = `${t('control.title')} · ${state.event?.title ?? state.session.eventId}`;
    setText(this.connection, t(state.connected ? 'control.connected' : 'control.disconnected'));
    this.connection.classList.toggle('is-down', !state.connected);
    setText(this.onAir, show ? onAirText(show) : t('common.loading'));
    setText(this.total, state.live ? formatScreenAmount(state.live.totalFen) : '');
    this.screenLink.href = `/screen/${encodeURIComponent(state.session.eventId)}`;
    if (state.status) say(this.status, state.status.text, state.status.tone);
    else setText(this.status, '');
    // Nothing is disabled while a press is on its way: a press made meanwhile goes next (the store).
    for (const [scene, choice] of this.sceneButtons) {
      choice.setAttribute('aria-pressed', String(show?.scene === scene));
    }
    this.renderTiers(state, show);
    this.hold.checked = show?.holdCelebrations ?? false;
    this.hold.disabled = !show;
    this.renderMilestones(state, store);
  }

  private renderTiers(state: ControlState, show: ShowState | undefined): void {
    const tiers = state.event?.tiersFen ?? [];
    // Built again only when the admin changes the tiers (or the language): a push never moves a button under the pointer.
    const key = `${tiers.join(',')}|${t('control.tierRound', { tier: '' })}`;
    if (this.tiers.dataset.built !== key) {
      this.tiers.dataset.built = key;
      this.tiers.replaceChildren(...(tiers.length === 0 ? [el('p', { class: 'hint', text: t('control.noTiers') })] : tiers.map((tierFen, index) => {
        const choice = el('button', { class: 'scene tier', testid: 'control-tier', attrs: { type: 'button', 'data-tier-fen': String(tierFen) } },
          t('control.tierRound', { tier: formatCompactAmountIn(tierFen, getLanguage()) }));
        if (index < 9) choice.append(el('kbd', { text: String(index + 1) }));
        choice.addEventListener('click', () => this.actions.press({ kind: 'scene', scene: 'tierRound', tierFen }));
        return choice;
      })));
    }
    for (const choice of this.tiers.querySelectorAll<HTMLButtonElement>('button')) {
      choice.setAttribute('aria-pressed', String(show?.scene === 'tierRound' && show.tierFen === Number(choice.dataset.tierFen)));
    }
  }

  private renderMilestones(state: ControlState, store: ControlStore): void {
    const milestones = state.event?.milestonesFen ?? [];
    const key = `${milestones.join(',')}|${milestones.map((fen) => store.reached(fen)).join(',')}|${t('control.cue', { amount: '' })}`;
    if (this.milestones.dataset.built !== key) {
      this.milestones.dataset.built = key;
      this.milestones.replaceChildren(...(milestones.length === 0 ? [el('p', { class: 'hint', text: t('control.noMilestones') })] : milestones.map((milestoneFen) => {
        const reached = store.reached(milestoneFen);
        const cue = el('button', { class: 'cue', testid: 'control-cue', attrs: { type: 'button', 'data-milestone-fen': String(milestoneFen) } },
          t(reached ? 'control.cue' : 'control.cueNotYet', { amount: formatScreenAmount(milestoneFen) }));
        cue.dataset.reached = String(reached);
        cue.addEventListener('click', () => this.actions.press({ kind: 'cue', milestoneFen }));
        return cue;
      })));
    }
    for (const cue of this.milestones.querySelectorAll<HTMLButtonElement>('button')) cue.disabled = cue.dataset.reached !== 'true';
  }
}

function onAirText(show: ShowState): string {
  if (show.scene !== 'tierRound') return t(SCENE_LABELS[show.scene]);
  const since = show.roundStartedAt ? t('control.roundSince', { time: clockTime(show.roundStartedAt) }) : '';
  return `${t('control.tierRound', { tier: formatCompactAmountIn(show.tierFen, getLanguage()) })} ${since}`.trim();
}
