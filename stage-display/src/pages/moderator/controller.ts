// Wires the moderator's store to the view: keys and buttons to decisions, and the queue polled every
// two seconds while the page is visible (a hidden tab asks nothing, and reads the queue on return).

import { setEventTimeZone } from '../../lib/clock';
import { fetchPublicEvent } from '../../lib/publicEvent';
import { commandFor, type KeyCommand } from './keys';
import type { ModeratorStore } from './store';
import type { ModeratorView } from './views';

export const POLL_MS = 2_000;

export class Controller {
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: ModeratorStore,
    private readonly view: ModeratorView,
  ) {}

  start(): void {
    this.store.subscribe((state) => this.view.render(state));
    this.view.render(this.store.state);
    document.addEventListener('keydown', (event) => {
      const command = commandFor(event);
      if (command && this.store.state.session) {
        event.preventDefault();
        this.run(command);
      }
    });
    document.addEventListener('visibilitychange', () => this.poll());
    this.poll();
    void this.readTimeZone();
  }

  signIn(eventId: string, code: string): void {
    void this.store.signIn(eventId, code).then(() => {
      this.poll();
      void this.readTimeZone();
    });
  }

  signOut(): void {
    this.store.signOut();
    this.poll();
  }

  run(command: KeyCommand): void {
    switch (command) {
      case 'up':
        return this.store.move(-1);
      case 'down':
        return this.store.move(1);
      case 'approve':
        return void this.store.decideSelected('approve');
      case 'hide':
        return void this.store.decideSelected('hide');
      case 'rename':
        return this.store.startEditing();
      case 'pending':
        return void this.store.setFilter('pending');
      case 'all':
        return void this.store.setFilter('all');
    }
  }

  /** A button's decision: the row it sits in becomes the selection first. */
  decideOn(pledgeId: string, command: 'approve' | 'hide' | 'rename'): void {
    this.store.select(pledgeId);
    this.run(command);
  }

  /** The queue's times are said in the event's zone, as on every page and in the CSV. */
  private async readTimeZone(): Promise<void> {
    const eventId = this.store.state.session?.eventId;
    if (!eventId) return;
    const event = await fetchPublicEvent(eventId).catch(() => null);
    if (!event) return;
    setEventTimeZone(event.timeZone);
    this.view.render(this.store.state, true);
  }

  private poll(): void {
    const wanted = this.store.state.session !== undefined && document.visibilityState !== 'hidden';
    if (!wanted) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    if (this.timer !== undefined) return;
    void this.store.refresh();
    this.timer = setInterval(() => void this.store.refresh(), POLL_MS);
  }
}
