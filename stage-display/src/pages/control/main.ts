// The screen controller's console (/control/{eventId}): the show's director signs in with the
// event's controller code and, with a button or a key, puts a scene on every big screen, holds the
// milestone celebrations and cues them.

import { Controller } from './controller';
import { httpControlServer } from './controlApi';
import { ControlStore } from './store';
import { ControlView } from './views';

const store = new ControlStore(httpControlServer, localStorage);
const view = new ControlView(document.getElementById('app') ?? document.body, {
  signIn: (eventId, code) => controller.signIn(eventId, code),
  signOut: () => controller.signOut(),
  press: (press) => controller.press(press),
});
const controller = new Controller(store, view);
controller.start();
