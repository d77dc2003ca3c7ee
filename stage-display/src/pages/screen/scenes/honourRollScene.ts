// 慈善风云榜: the top named donors of each kind — enterprises, individuals, organisations — each with
// what they gave tonight. Read again every few seconds while on the wall.

import { el, setText } from '../../../lib/dom';
import { t, type MessageKey } from '../../../lib/i18n';
import { formatFeedAmount } from '../../../lib/money';
import type { HonourRoll } from '../sceneData';
import type { Scene, SceneContext } from './scene';
import { dataScene, KeyedList, SceneHeading } from './sceneHeading';

type DonorLine = HonourRoll['enterprises'][number];
type Column = 'enterprises' | 'individuals' | 'organizations';

const COLUMNS: readonly (readonly [Column, MessageKey])[] = [
  ['enterprises', 'screen.honourEnterprises'],
  ['individuals', 'screen.honourIndividuals'],
  ['organizations', 'screen.honourOrganizations'],
];

export function honourRollScene(context: SceneContext): Scene {
  const heading = new SceneHeading(context);
  const columns = COLUMNS.map(([column, label]) => {
    const title = el('h3', { class: 'honour-heading' });
    const list = new KeyedList<DonorLine & { rank: number }>(
      el('ol', { class: 'honour-list', testid: `honour-${column}` }),
      () => el('li', { class: 'honour-line', testid: 'honour-line' },
        el('span', { class: 'honour-rank' }), el('span', { class: 'honour-name' }), el('span', { class: 'honour-amount' })),
      (row, line) => {
        const [rank, name, amount] = row.children;
        if (rank) setText(rank, String(line.rank));
        if (name) setText(name, line.name);
        if (amount) setText(amount, formatFeedAmount(line.amountFen));
      },
    );
    const empty = el('li', { class: 'honour-empty' });
    return { column, label, title, list, empty, root: el('section', { class: 'honour-column' }, title, list.root) };
  });
  const root = el('div', { class: 'scene scene-data scene-honour', testid: 'scene-honourRoll' },
    heading.root, el('div', { class: 'honour-columns' }, ...columns.map((column) => column.root)));

  return dataScene('honourRoll', heading, root, (store) => {
    const roll = store.sceneData.answer('honourRoll');
    heading.render(store, t('screen.honourRoll'), roll ? '' : t('common.loading'));
    for (const { column, label, title, list, empty } of columns) {
      setText(title, t(label));
      setText(empty, t('screen.honourEmpty'));
      const lines = (roll?.[column] ?? []).map((line, index) => ({ ...line, rank: index + 1 }));
      list.render(lines, (line) => `${line.rank}:${line.name}`, roll ? empty : undefined);
    }
  });
}
