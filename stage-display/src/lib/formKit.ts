// The admin and operator consoles build their forms with these: every text goes in through
// textContent (never HTML), and labels marked with a message key follow the language switch.

import { t, type MessageKey } from './i18n';

export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  testid?: string;
  /** A message key: the text follows the language switch. */
  i18n?: MessageKey;
  text?: string;
  attrs?: Record<string, string>;
}

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
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A text box whose placeholder follows the language switch. */
export function input(testid: string, placeholder?: MessageKey, attrs: Record<string, string> = {}): HTMLInputElement {
  const box = el('input', { testid, attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs } });
  if (placeholder) {
    box.dataset.i18nPlaceholder = placeholder;
    box.placeholder = t(placeholder);
  }
  return box;
}
