// The console's keys: what a key press asks for, or nothing (a key typed into a box is its own).

import { consoleKey, type KeyPress } from '../../lib/consoleKeys';

export type KeyCommand = 'up' | 'down' | 'approve' | 'hide' | 'rename' | 'pending' | 'all';

const COMMANDS: Readonly<Record<string, KeyCommand>> = {
  ArrowUp: 'up',
  k: 'up',
  ArrowDown: 'down',
  j: 'down',
  a: 'approve',
  h: 'hide',
  r: 'rename',
  Enter: 'rename',
  p: 'pending',
  l: 'all',
};

export function commandFor(press: KeyPress): KeyCommand | undefined {
  const key = consoleKey(press);
  return key === undefined ? undefined : COMMANDS[key];
}
