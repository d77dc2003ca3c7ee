// The big screen behind the stage (/screen/{eventId}): one scene at a time on a 1920×1080 LED wall
// (the running total with its feed, or the scene the screen controller puts on: a tier round, the
// honour roll, the thank-you roll, the messages), a celebration for each milestone, kiosk switches from
// the address, and an offline shell so a wall reloaded during an outage opens on its last total.

import '../../styles/screen.css';
import '../../styles/scenes.css';
import '../../styles/scenesWords.css';
import { setLanguage } from '../../lib/i18n';
import { LiveClient } from '../../lib/liveClient';
import { formatScreenAmount } from '../../lib/money';
import { eventIdFromLocation, fetchPublicEvent } from '../../lib/publicEvent';
import { WallController } from './controller';
import { fetchSceneData } from './sceneData';
import { registerWallWorker } from './offline/registerWorker';
import { CelebrationView } from './views/celebrationView';
import { StageFrame } from './views/stageFrame';
import { browserStorage, WallCache } from './wallCache';
import { wallOptionsFrom } from './wallOptions';
import { WallStore } from './wallStore';

const options = wallOptionsFrom(location.search);
if (options.language) setLanguage(options.language);
document.body.classList.add('screen-page');
document.body.classList.toggle('is-kiosk', options.kiosk);
document.body.dataset.celebrations = '0';

const eventId = eventIdFromLocation(location);
const timers = { now: () => Date.now(), setTimeout: (run: () => void, ms: number) => setTimeout(run, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as number) };
const store = new WallStore(eventId, {
  live: new LiveClient(eventId, { audience: 'screens' }),
  fetchEvent: fetchPublicEvent,
  fetchScene: fetchSceneData,
  cache: new WallCache(eventId, browserStorage()),
  timers,
});
const frame = new StageFrame(options.kiosk);
new WallController(store, frame, new CelebrationView(frame.canvas), {
  money: (fen) => formatScreenAmount(fen, { fullDigits: options.fullDigits }),
  kiosk: options.kiosk,
  eventExists: async () => eventId !== '' && (await fetchPublicEvent(eventId)) !== null,
}).start();
registerWallWorker();
