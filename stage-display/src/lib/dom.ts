// The one DOM kit every page builds with. Every text goes in through textContent, so a donor name
// like "<b>x</b>" is shown as typed and can never become markup (invariant 8). A label given as a
// message key (`i18n`) follows the language switch by itself.

import { getLanguage, messages, onLanguageChange, setLanguage, t, type Language, type MessageKey } from './i18n';

export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  testid?: string;
  /** A message key: the text follows the language switch. */
  i18n?: MessageKey;
  text?: string;
  attrs?: Readonly<Record<string, string>>;
}

/** `el('li', { class: 'item', testid: 'feed-item' }, nameSpan, ' ', amountSpan)`. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.testid) node.dataset.testid = props.testid;
  if (props.i18n) {
    node.dataset.i18n = props.i18n;
    node.textContent = t(props.i18n);
  } else if (props.text !== undefined) {
    node.textContent = props.text;
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A text box whose placeholder follows the language switch. */
export function input(testid: string, placeholder?: MessageKey, attrs: Record<string, string> = {}): HTMLInputElement {
  const box = el('input', { testid, attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs } });
  if (placeholder) translatePlaceholder(box, placeholder);
  return box;
}

/** A multi-line text box whose placeholder follows the language switch. */
export function textarea(testid: string, placeholder: MessageKey, rows = 2): HTMLTextAreaElement {
  const box = el('textarea', { testid, attrs: { rows: String(rows), spellcheck: 'false' } });
  translatePlaceholder(box, placeholder);
  return box;
}

function translatePlaceholder(box: HTMLInputElement | HTMLTextAreaElement, key: MessageKey): void {
  box.dataset.i18nPlaceholder = key;
  box.placeholder = t(key);
}

/** A labelled form field: the label's text follows the language. */
export function field(label: MessageKey, control: HTMLElement, ...extra: Child[]): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', { class: 'field-label', i18n: label }), control, ...extra);
}

/** A button whose label follows the language. */
export function button(label: MessageKey, className: string, testid?: string, type: 'button' | 'submit' = 'button'): HTMLButtonElement {
  return el('button', { class: className, testid, i18n: label, attrs: { type } });
}

/** Re-reads every `[data-i18n]` text and placeholder under `root` in the current language. */
export function translateStatic(root: ParentNode = document): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) setText(node, t(node.dataset.i18n as MessageKey));
  for (const node of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder as MessageKey);
  }
}

onLanguageChange(() => translateStatic());

/** Sets the text only when it differs, so an unchanged label costs no layout. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** A message line that says whether it reports success or failure. */
export function say(line: HTMLElement, text: string, tone: 'ok' | 'error' = 'ok'): void {
  line.textContent = text;
  line.dataset.tone = tone;
}

/** Calls `render` now and after every change of language; returns the unsubscribe function. */
export function whenLanguageChanges(render: () => void): () => void {
  render();
  return onLanguageChange(render);
}

/** A label with parameters that follows the language: `translated(el('h2'), 'screen.goal', { amount })`. */
export function translated<E extends Element>(element: E, key: MessageKey, params?: Readonly<Record<string, string | number>>): E {
  whenLanguageChanges(() => setText(element, t(key, params)));
  return element;
}

const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** The small 中文 / English switch; each button names its language in that language. */
export function languageSwitch(className = 'lang-switch'): HTMLElement {
  const buttons = LANGUAGES.map((language) =>
    el('button', {
      class: 'lang-button',
      text: messages[language]['common.languageName'],
      attrs: { type: 'button', lang: language === 'zh' ? 'zh-CN' : 'en' },
    }),
  );
  buttons.forEach((choice, index) => choice.addEventListener('click', () => setLanguage(LANGUAGES[index] ?? 'zh')));
  const nav = el('nav', { class: className }, ...buttons);
  whenLanguageChanges(() => {
    const current = getLanguage();
    nav.setAttribute('aria-label', t('common.language'));
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
    buttons.forEach((choice, index) => choice.setAttribute('aria-pressed', String(LANGUAGES[index] === current)));
  });
  return nav;
}

/** The one-button switch of the consoles: it names the other language and flips to it. */
export function languageToggle(className = 'language'): HTMLButtonElement {
  const toggle = el('button', { class: className, attrs: { type: 'button' } });
  toggle.addEventListener('click', () => setLanguage(getLanguage() === 'zh' ? 'en' : 'zh'));
  whenLanguageChanges(() => {
    setText(toggle, t('common.otherLanguage'));
    document.documentElement.lang = getLanguage() === 'zh' ? 'zh-CN' : 'en';
  });
  return toggle;
}

/** Shows or hides an element through the `hidden` attribute (the pages' CSS honours it). */
export function showIf(element: HTMLElement, visible: boolean): void {
  if (element.hidden === visible) element.hidden = !visible;
}
