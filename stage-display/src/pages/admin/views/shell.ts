// The page's frame: the top bar (brand, language, sign-out) and the sign-in card.

import { button, el, field, input, languageToggle } from '../../../lib/dom';

export function topBar() {
  const signOut = button('admin.signOut', 'ghost');
  signOut.hidden = true;
  const element = el('header', { class: 'topbar' },
    el('a', { class: 'brand', attrs: { href: '/' } },
      el('span', { class: 'brand-mark', text: '善', attrs: { 'aria-hidden': 'true' } }),
      el('span', { i18n: 'app.name' }),
      el('span', { class: 'brand-page', i18n: 'admin.title' })),
    el('div', { class: 'spacer' }),
    languageToggle('ghost'), signOut);
  return { element, signOut };
}

export function signInView() {
  const key = input('admin-key', undefined, { type: 'password', autocomplete: 'current-password' });
  const error = el('div', { class: 'message', testid: 'admin-error', attrs: { role: 'alert', 'data-tone': 'error' } });
  const submit = button('admin.signIn', 'primary big', 'admin-login', 'submit');
  const form = el('form', { class: 'login-card', attrs: { novalidate: '' } },
    el('h1', { i18n: 'admin.title' }), field('admin.adminKey', key), error, submit,
    el('p', { class: 'hint', i18n: 'admin.keyHint' }));
  const element = el('div', { class: 'login-view' }, form);
  return { element, form, key, error, submit };
}

export type SignInView = ReturnType<typeof signInView>;
