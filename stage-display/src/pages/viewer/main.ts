// The phone page (/e/{eventId}): the live total and feed, and online giving (order → the provider's
// cashier → waiting for its notice → thanks with a receipt number). This file only builds the two
// stores with the browser's real server calls and hands them, with the view, to the controller.

import '../../styles/viewer.css';
import { pendingOrder, postOrder, readOrder } from '../../lib/donationOrder';
import { newUuid } from '../../lib/ids';
import { LiveClient } from '../../lib/liveClient';
import { eventIdFromLocation, fetchPublicEvent } from '../../lib/publicEvent';
import { ViewerController } from './controller';
import { GiveStore } from './giveStore';
import { LiveViewStore } from './liveStore';
import { ViewerView } from './pageView';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private mode: the cashier's return address still carries the order
  }
}

const eventId = eventIdFromLocation(location);
const live = new LiveViewStore(eventId, new LiveClient(eventId, { audience: 'viewers' }), {
  fetchEvent: fetchPublicEvent,
  later: (task, ms) => void setTimeout(task, ms),
  random: Math.random,
});
const give = new GiveStore(eventId, {
  post: (donation) => postOrder(eventId, donation),
  read: (donationId) => readOrder(eventId, donationId),
  newId: () => newUuid(),
  storage: storage(),
  origin: location.origin,
  pageUrl: location.href,
  goTo: (url) => location.assign(url),
  refreshEvent: () => live.reloadEvent(),
});

const returning = eventId === '' ? null : pendingOrder(eventId, location.search, storage());
if (returning !== null) {
  history.replaceState(null, '', location.pathname);
}
new ViewerController(live, give, new ViewerView(document.body)).start(returning);
