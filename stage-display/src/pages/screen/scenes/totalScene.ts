// 总额: the running total counting up, progress toward the goal with its milestone marks, the
// split by channel, and the feed of pledges, each given its time on the wall.

import { el, setText, translated } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { CountUp } from '../views/countUp';
import { FeedView } from '../views/feedView';
import { ProgressView } from '../views/progressView';
import type { WallStore } from '../wallStore';
import type { Scene, SceneContext } from './scene';

export function totalScene(context: SceneContext): Scene {
  const total = el('span', { class: 'total', testid: 'total' });
  const totalBox = el('div', { class: 'total-box' }, total);
  const progress = new ProgressView();
  const pledgeCount = el('span', { class: 'stat stat-count' });
  const stageTotal = el('span', { class: 'stat stat-stage' });
  const onlineTotal = el('span', { class: 'stat stat-online' });
  const feed = new FeedView();
  const bannerSlot = el('div', { class: 'banner-slot' });
  const root = el(
    'div',
    { class: 'scene scene-total', testid: 'scene-total' },
    el(
      'main',
      { class: 'hero' },
      translated(el('div', { class: 'total-label' }), 'screen.totalLabel'),
      totalBox,
      // The banner covers this band (progress and stats) and nothing else: the total stays above it,
      // the feed below.
      el('div', { class: 'hero-meta' }, progress.root, el('div', { class: 'stats' }, pledgeCount, stageTotal, onlineTotal), bannerSlot),
    ),
    el('section', { class: 'feed-panel' }, translated(el('h2', { class: 'feed-heading' }), 'screen.latestPledges'), feed.root),
  );

  let totalLength = 0;
  const fit = (): void => {
    total.style.fontSize = '';
    const available = totalBox.clientWidth;
    const needed = total.scrollWidth;
    if (needed > available && needed > 0) {
      const size = parseFloat(getComputedStyle(total).fontSize);
      total.style.fontSize = `${Math.floor((size * available * 0.98) / needed)}px`;
    }
  };
  const countUp = new CountUp((fen) => {
    const text = context.money(fen);
    setText(total, text);
    if (text.length !== totalLength) {
      totalLength = text.length; // shrink the font only when the number would not fit the wall
      fit();
    }
  });

  return {
    id: 'total',
    root,
    bannerSlot,
    fit,
    dispose: () => root.remove(),
    render(store: WallStore, change): void {
      const state = store.snapshot;
      if (change === 'feed' || change === 'language' || change === 'state') feed.render(store.feed.rows);
      if (change === 'feed') return;
      if (!state) {
        setText(total, t('common.loading'));
        return;
      }
      if (change === 'language') countUp.redraw();
      countUp.set(state.totalFen);
      const goalFen = state.goalFen || store.event?.goalFen || 0;
      progress.render(state.totalFen, goalFen, store.event?.milestonesFen ?? []);
      setText(pledgeCount, t('screen.pledgeCount', { count: state.pledgeCount.toLocaleString('en-US') }));
      setText(stageTotal, t('screen.stageTotal', { amount: context.money(state.byChannel.stageFen) }));
      setText(onlineTotal, t('screen.onlineTotal', { amount: context.money(state.byChannel.onlineFen) }));
    },
  };
}
