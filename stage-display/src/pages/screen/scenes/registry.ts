// Every scene the wall can show, by id: adding a scene is a module and a line here.

import type { SceneId } from '../wallStore';
import { honourRollScene } from './honourRollScene';
import { messagesScene } from './messagesScene';
import type { SceneFactory } from './scene';
import { thanksScene } from './thanksScene';
import { tierRoundScene } from './tierRoundScene';
import { totalScene } from './totalScene';

export const SCENES: Readonly<Record<SceneId, SceneFactory>> = {
  total: totalScene,
  tierRound: tierRoundScene,
  honourRoll: honourRollScene,
  thanks: thanksScene,
  messages: messagesScene,
};

/** The scene a state names, or the total for one this build does not know (a newer server's). */
export function knownScene(id: string): SceneId {
  return Object.hasOwn(SCENES, id) ? (id as SceneId) : 'total';
}
