// Wires the controller's store to the view: buttons and keys to presses, the live total (with the show
// in it) followed while signed in, and the event read again when its configuration changes.

import { LiveClient } from '../../lib/liveClient';
import { isConfigurationChange } from '../../lib/publicEvent';
import { pressFor } from './keys';
import type { ControlStore, Press } from './store';
import type { ControlView } from './views';

export class Controller {
  private live?: LiveClient;

  constructor(
    private readonly store: ControlStore,
    private readonly view: ControlView,
  ) {}

  start(): void {
    this.store.subscribe((state) => this.view.render(state, this.store));
    this.view.render(this.store.state, this.store);
    document.addEventListener('keydown', (event) => {
      const { session, event: shown } = this.store.state;
      if (!session || event.repeat) return;
      const press = pressFor(event, shown?.tiersFen ?? [], this.store.intendedHold());
      if (!press) return;
      event.preventDefault();
      this.press(press);
    });
    this.follow();
  }

  signIn(eventId: string, code: string): void {
    void this.store.signIn(eventId, code).then(() => this.follow());
  }

  signOut(): void {
    this.store.signOut();
    this.follow();
  }

  press(press: Press): void {
    void this.store.press(press).then(() => {
      if (!this.store.state.session) this.follow(); // refused: signed out
    });
  }

  /** One live client for the signed-in event; none while signed out. */
  private follow(): void {
    const eventId = this.store.state.session?.eventId;
    if (this.live?.eventId === eventId) return;
    void this.live?.stop().catch(() => undefined);
    this.live = undefined;
    if (!eventId) return;
    const live = new LiveClient(eventId, { audience: 'viewers' });
    live.onState((current, previous) => {
      this.store.takeLive(current);
      if (previous && isConfigurationChange(previous, current)) void this.store.loadEvent();
    });
    live.onConnectionChange((connected) => this.store.setConnected(connected));
    live.start();
    this.live = live;
    void this.store.loadEvent();
  }
}
