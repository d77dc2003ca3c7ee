// 留言: the newest approved messages, each with its donor as the feed shows them and the gift, on
// cards across the wall. A message reaches it only after a moderator approved it.

import { el, setText } from '../../../lib/dom';
import { t } from '../../../lib/i18n';
import { formatFeedAmount } from '../../../lib/money';
import type { MessageWall } from '../sceneData';
import type { Scene, SceneContext } from './scene';
import { dataScene, KeyedList, SceneHeading } from './sceneHeading';

type Message = MessageWall['messages'][number];

/** Cards on the wall at once: the newest messages. */
export const MESSAGES_SHOWN = 8;

export function messagesScene(context: SceneContext): Scene {
  const heading = new SceneHeading(context);
  const cards = new KeyedList<Message>(
    el('ol', { class: 'card-grid message-cards', testid: 'message-cards' }),
    () => el('li', { class: 'message-card', testid: 'message-card' },
      el('q', { class: 'message-text' }), el('span', { class: 'message-donor' })),
    (card, message) => {
      const [text, donor] = card.children;
      if (text) setText(text, message.message);
      if (donor) setText(donor, `${message.name} · ${formatFeedAmount(message.amountFen)}`);
    },
  );
  const empty = el('li', { class: 'message-empty' });
  const root = el('div', { class: 'scene scene-data scene-messages', testid: 'scene-messages' }, heading.root, cards.root);

  return dataScene('messages', heading, root, (store) => {
    const wall = store.sceneData.answer('messages');
    heading.render(store, t('screen.messages'), wall ? '' : t('common.loading'));
    setText(empty, t('screen.messagesEmpty'));
    cards.render((wall?.messages ?? []).slice(0, MESSAGES_SHOWN), (message) => message.pledgeId, wall ? empty : undefined);
  });
}
