// The controller's keys: 0 the total, R the honour roll, T the thank-you roll, M the messages, 1–9
// the event's tier rounds in order, H the hold switch. A key typed into a box is its own.

import { consoleKey, type KeyPress } from '../../lib/consoleKeys';
import type { SceneKind } from './controlApi';
import type { Press } from './store';

export const SCENE_KEYS: Readonly<Record<Exclude<SceneKind, 'tierRound'>, string>> = { total: '0', honourRoll: 'r', thanks: 't', messages: 'm' };

export function keyLabel(key: string): string {
  return key.toUpperCase();
}

/** The press a key asks for, given the event's tiers and whether celebrations are held now. */
export function pressFor(press: KeyPress, tiersFen: readonly number[], held: boolean): Press | undefined {
  const key = consoleKey(press);
  if (key === undefined) return undefined;
  const scene = (Object.keys(SCENE_KEYS) as (keyof typeof SCENE_KEYS)[]).find((name) => SCENE_KEYS[name] === key);
  if (scene) return { kind: 'scene', scene };
  if (key === 'h') return { kind: 'hold', hold: !held };
  const tierFen = /^[1-9]$/.test(key) ? tiersFen[Number(key) - 1] : undefined;
  return tierFen === undefined ? undefined : { kind: 'scene', scene: 'tierRound', tierFen };
}
