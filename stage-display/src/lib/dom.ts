// Building elements without HTML strings: every text goes in through textContent, so a donor name
// like "<b>x</b>" is shown as typed and can never become markup (invariant 8).

import { getLanguage, messages, onLanguageChange, setLanguage, t, type Language, type MessageKey } from './i18n';

export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  testId?: string;
  text?: string;
  attrs?: Readonly<Record<string, string>>;
}

/** `h('li', { className: 'item', testId: 'feed-item' }, nameSpan, ' ', amountSpan)`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) {
    element.className = props.className;
  }
  if (props.testId) {
    element.dataset.testid = props.testId;
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    element.setAttribute(name, value);
  }
  if (props.text !== undefined) {
    element.textContent = props.text;
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

/** Sets the text only when it differs, so an unchanged label costs no layout. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

/** Calls `render` now and after every change of language; returns the unsubscribe function. */
export function whenLanguageChanges(render: () => void): () => void {
  render();
  return onLanguageChange(render);
}

/** A static label that follows the language: `translated(h('h2'), 'screen.latestPledges')`. */
export function translated<E extends Element>(element: E, key: MessageKey, params?: Readonly<Record<string, string | number>>): E {
  whenLanguageChanges(() => setText(element, t(key, params)));
  return element;
}

const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** The small 中文 / English switch; each button names its language in that language. */
export function languageSwitch(className = 'lang-switch'): HTMLElement {
  const buttons = LANGUAGES.map((language) =>
    h('button', {
      className: 'lang-button',
      text: messages[language]['common.languageName'],
      attrs: { type: 'button', lang: language === 'zh' ? 'zh-CN' : 'en' },
    }),
  );
  buttons.forEach((button, index) => button.addEventListener('click', () => setLanguage(LANGUAGES[index] ?? 'zh')));
  const nav = h('nav', { className }, ...buttons);
  whenLanguageChanges(() => {
    const current = getLanguage();
    nav.setAttribute('aria-label', t('common.language'));
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
    buttons.forEach((button, index) => button.setAttribute('aria-pressed', String(LANGUAGES[index] === current)));
  });
  return nav;
}

/** Shows or hides an element through the `hidden` attribute (the pages' CSS honours it). */
export function showIf(element: HTMLElement, visible: boolean): void {
  if (element.hidden === visible) {
    element.hidden = !visible;
  }
}
