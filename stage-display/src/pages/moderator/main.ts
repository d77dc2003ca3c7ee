// The moderator console (/moderate): a moderator signs in with the event's code and, from the
// keyboard, approves, hides or corrects the names donors typed before they reach the wall.

import { Controller } from './controller';
import { httpModerationServer } from './moderationApi';
import { ModeratorStore } from './store';
import { ModeratorView } from './views';

const store = new ModeratorStore(httpModerationServer, localStorage);
const view = new ModeratorView(document.getElementById('app') ?? document.body, {
  signIn: (eventId, code) => controller.signIn(eventId, code),
  signOut: () => controller.signOut(),
  filter: (filter) => void store.setFilter(filter),
  select: (pledgeId) => store.select(pledgeId),
  approve: (pledgeId) => controller.decideOn(pledgeId, 'approve'),
  hide: (pledgeId) => controller.decideOn(pledgeId, 'hide'),
  rename: (pledgeId) => controller.decideOn(pledgeId, 'rename'),
  draft: (text) => store.setDraft(text),
  save: () => void store.saveEditing(),
  cancel: () => store.cancelEditing(),
});
const controller = new Controller(store, view);
controller.start();
