// Every scene the wall can show, by id: adding a scene is a module and a line here.

import type { SceneId } from '../wallStore';
import type { SceneFactory } from './scene';
import { totalScene } from './totalScene';

export const SCENES: Readonly<Record<SceneId, SceneFactory>> = {
  total: totalScene,
};
