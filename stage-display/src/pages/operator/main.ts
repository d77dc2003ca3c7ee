// The stage desk's console (/operator). An operator types what a placard shows, reads the amount
// back in words, and moves on to the next one; the store keeps every entry on this device until the
// server confirms it, so venue Wi-Fi can drop and the page can reload without a pledge lost or
// counted twice.

import { LiveClient } from '../../lib/liveClient';
import { Controller } from './controller';
import { OperatorStore } from './store';
import { createViews } from './views';

const store = new OperatorStore({
  storage: localStorage,
  // Phones' pace: the console only needs the event's changes from it, not every pledge at once.
  followTotal: (eventId) => new LiveClient(eventId, { audience: 'viewers' }),
});
const views = createViews(document.getElementById('app') ?? document.body, {
  reEnter: (entry) => controller.reEnter(entry),
  openVoid: (pledge) => controller.openVoid(pledge),
  submitVoid: (pledge, reason) => void controller.submitVoid(pledge, reason),
  acceptConfirmation: (digit, notDuplicate) => controller.acceptConfirmation(digit, notDuplicate),
  closeDiscardNotice: () => controller.closeDiscardNotice(),
  cancelConfirmation: () => controller.cancelConfirmation(),
  signOut: () => controller.signOut(),
});
const controller = new Controller(store, views);
controller.start();
