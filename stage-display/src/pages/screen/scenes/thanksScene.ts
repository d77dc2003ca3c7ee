// 鸣谢: every name shown tonight, oldest first, rolling up the wall slowly when they do not all fit,
// then a line for the gifts that came without a name (and for the names beyond the roll's length).

import { el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import type { ThanksRoll } from '../sceneData';
import type { Scene, SceneContext } from './scene';
import { RollMotion } from './rollMotion';
import { dataScene, KeyedList, SceneHeading } from './sceneHeading';

type Donor = ThanksRoll['donors'][number];

/** How fast the roll climbs, in stage rows per second: slow enough to read from the back. */
const ROWS_PER_SECOND = 0.6;

export function thanksScene(context: SceneContext): Scene {
  const heading = new SceneHeading(context);
  const names = new KeyedList<Donor & { index: number }>(
    el('ol', { class: 'thanks-names', testid: 'thanks-names' }),
    () => el('li', { class: 'thanks-name', testid: 'thanks-name' }),
    (row, donor) => setText(row, donor.name),
  );
  const others = el('p', { class: 'thanks-others', testid: 'thanks-others' });
  const roll = el('div', { class: 'thanks-roll', testid: 'thanks-roll' }, names.root, others);
  const viewport = el('div', { class: 'thanks-viewport' }, roll);
  const root = el('div', { class: 'scene scene-data scene-thanks', testid: 'scene-thanks' }, heading.root, viewport);
  const rowHeight = (): number => (parseFloat(getComputedStyle(document.documentElement).fontSize) || 10) * 4;
  const motion = new RollMotion(viewport, roll, () => rowHeight() * ROWS_PER_SECOND);
  motion.start();

  const scene = dataScene('thanks', heading, root, (store) => {
    const roll = store.sceneData.answer('thanks');
    heading.render(store, t('screen.thanks'), roll ? '' : t('common.loading'));
    const donors = (roll?.donors ?? []).map((donor, index) => ({ ...donor, index }));
    names.render(donors, (donor) => String(donor.index));
    const parts = [];
    if (roll && roll.moreCount > 0) parts.push(t('screen.thanksMore', { count: roll.moreCount.toLocaleString('en-US') }));
    if (roll && roll.standInCount > 0) parts.push(t('screen.thanksStandIns', { count: roll.standInCount.toLocaleString('en-US') }));
    setText(others, parts.join(' · '));
  });
  return {
    ...scene,
    dispose: () => {
      motion.stop();
      scene.dispose();
    },
  };
}
