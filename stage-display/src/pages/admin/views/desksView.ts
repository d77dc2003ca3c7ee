// The desks card: each desk with its access code (only when this tab was just given it), 更换访问码 and
// 强制重新登录, and the form that adds a desk.

import type { DeskListing } from '../../../lib/api';
import { button, el, field, input } from '../../../lib/dom';

export interface DeskActions {
  rotate(desk: DeskListing, control: HTMLButtonElement): void;
  revoke(desk: DeskListing, control: HTMLButtonElement): void;
}

export function desksView() {
  let actions: DeskActions = { rotate: () => undefined, revoke: () => undefined };
  const rows = el('tbody', {});
  const deskId = input('desk-id', undefined, { autocapitalize: 'off', maxlength: '40' });
  const name = input('desk-name', undefined, { maxlength: '64' });
  const message = el('div', { class: 'message', attrs: { role: 'alert' } });
  const form = el('form', { class: 'inline-form', attrs: { novalidate: '' } },
    field('admin.deskId', deskId), field('admin.deskName', name), button('admin.addDesk', 'primary', 'add-desk', 'submit'));
  const element = el('section', { class: 'card' },
    el('h2', { i18n: 'admin.desks' }),
    el('table', { class: 'table desks-table' },
      el('thead', {}, el('tr', {}, el('th', { i18n: 'admin.deskId' }), el('th', { i18n: 'admin.deskName' }), el('th', { i18n: 'admin.accessCode' }),
        el('th', { i18n: 'admin.deskActions' }))),
      rows),
    form, message);

  function row(desk: DeskListing, code: string | undefined): HTMLTableRowElement {
    const rotate = button('admin.rotateCode', 'secondary small', 'rotate-code');
    rotate.addEventListener('click', () => actions.rotate(desk, rotate));
    const revoke = button('admin.revokeDesk', 'secondary small', 'revoke-desk');
    revoke.addEventListener('click', () => actions.revoke(desk, revoke));
    return el('tr', { testid: 'desk-row', attrs: { 'data-desk-id': desk.deskId } },
      el('td', { class: 'mono', text: desk.deskId }),
      el('td', { text: desk.name }),
      el('td', {}, code
        ? el('span', { class: 'access-code', testid: 'desk-code', text: code })
        : el('span', { class: 'hint', testid: 'desk-code-hidden', i18n: 'admin.codeHidden' })),
      el('td', {}, el('div', { class: 'desk-actions' }, rotate, revoke)));
  }

  function render(desks: readonly DeskListing[], codeOf: (deskId: string) => string | undefined): void {
    deskId.placeholder = `desk-${desks.length + 1}`;
    rows.replaceChildren(...(desks.length === 0
      ? [el('tr', {}, el('td', { class: 'empty', i18n: 'admin.noDesks', attrs: { colspan: '4' } }))]
      : desks.map((desk) => row(desk, codeOf(desk.deskId)))));
  }

  return {
    element,
    form,
    message,
    render,
    bindActions(handlers: DeskActions): void {
      actions = handlers;
    },
    read: () => ({ deskId: deskId.value.trim(), name: name.value.trim() }),
    reset(): void {
      form.reset();
      deskId.focus();
    },
  };
}
