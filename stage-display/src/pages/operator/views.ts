// Every view of the console, built once and put on the page.

import type { PledgeView } from '../../lib/api';
import { el } from '../../lib/dom';
import { ConfirmDialog } from './confirmDialog';
import { DeskView } from './deskView';
import { HeaderView } from './headerView';
import { PledgeFormView } from './pledgeFormView';
import type { Entry } from './queueSummary';
import { QueueView } from './queueView';
import { SignInView } from './signInView';
import { SignOutDialog } from './signOutDialog';
import { VoidDialog } from './voidDialog';

/** What the views hand back to the controller. */
export interface ViewActions {
  reEnter(entry: Entry): void;
  openVoid(pledge: PledgeView): void;
  submitVoid(pledge: PledgeView, reason: string): void;
  acceptConfirmation(typedDigit: string, notDuplicate: boolean): void;
  closeDiscardNotice(): void;
  cancelConfirmation(): void;
  signOut(): void;
}

export interface OperatorViews {
  header: HeaderView;
  signIn: SignInView;
  console: HTMLElement;
  form: PledgeFormView;
  queue: QueueView;
  desk: DeskView;
  confirm: ConfirmDialog;
  voidDialog: VoidDialog;
  signOut: SignOutDialog;
}

export function createViews(root: HTMLElement, actions: ViewActions): OperatorViews {
  const header = new HeaderView(() => actions.closeDiscardNotice());
  const signIn = new SignInView();
  const form = new PledgeFormView();
  const queue = new QueueView((entry) => actions.reEnter(entry));
  const desk = new DeskView((pledge) => actions.openVoid(pledge));
  const confirm = new ConfirmDialog({ accept: (digit, notDuplicate) => actions.acceptConfirmation(digit, notDuplicate), cancel: () => actions.cancelConfirmation() });
  const voidDialog = new VoidDialog((pledge, reason) => actions.submitVoid(pledge, reason), () => undefined);
  const signOut = new SignOutDialog(() => actions.signOut());
  const consoleView = el('main', { class: 'console', attrs: { hidden: '' } },
    el('section', { class: 'panel entry-panel' }, form.form),
    el('div', { class: 'side' }, queue.element, desk.element));
  root.append(...header.elements, consoleView, signIn.element, confirm.element, voidDialog.element, signOut.element);
  form.updateReadout();
  return { header, signIn, console: consoleView, form, queue, desk, confirm, voidDialog, signOut };
}
