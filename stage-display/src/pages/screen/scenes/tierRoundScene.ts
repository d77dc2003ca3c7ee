// 档位轮: a tier round ("1000万档") — the placards raised since the controller began it, newest last,
// with the round's own count and sum; the running total stays in the corner.

import { el, setText } from '../../../lib/dom';
import { getLanguage, t } from '../../../lib/i18n';
import { formatCompactAmountIn, formatFeedAmount } from '../../../lib/money';
import type { WallItem } from '../feedScheduler';
import { donorLabel } from '../wallText';
import type { Scene, SceneContext } from './scene';
import { dataScene, KeyedList, SceneHeading } from './sceneHeading';

/** How many placards fit the wall at once: the newest of the round. */
export const PLACARDS_SHOWN = 12;

export function tierRoundScene(context: SceneContext): Scene {
  const heading = new SceneHeading(context);
  const placards = new KeyedList<WallItem>(
    el('ol', { class: 'card-grid placards', testid: 'round-placards' }),
    () => {
      const row = el('li', { class: 'placard is-new', testid: 'round-placard' }, el('span', { class: 'placard-name' }), el('span', { class: 'placard-amount' }));
      row.addEventListener('animationend', () => row.classList.remove('is-new'), { once: true });
      return row;
    },
    (row, item) => {
      const [name, amount] = row.children;
      if (name) setText(name, donorLabel(item));
      if (amount) setText(amount, formatFeedAmount(item.amountFen));
    },
  );
  const empty = el('li', { class: 'placards-empty', testid: 'round-empty' });
  const root = el('div', { class: 'scene scene-data scene-round', testid: 'scene-tierRound' }, heading.root, placards.root);

  return dataScene('tierRound', heading, root, (store) => {
    const round = store.round;
    const tier = t('screen.tierRound', { tier: formatCompactAmountIn(round.tierFen, getLanguage()) });
    const line = t('screen.roundSummary', { count: round.count.toLocaleString('en-US'), amount: context.money(round.totalFen) });
    heading.render(store, tier, line);
    setText(empty, t('screen.roundEmpty'));
    placards.render(round.pledges.slice(-PLACARDS_SHOWN), (item) => item.pledgeId, empty);
  });
}
