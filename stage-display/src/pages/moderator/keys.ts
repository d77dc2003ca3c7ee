// The console's keys: what a key press asks for, or nothing (a key typed into a box is its own).

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

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key went to: a text box keeps its keys. */
  target: EventTarget | null;
}

export function commandFor(press: KeyPress): KeyCommand | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const target = press.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = target?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable) return undefined;
  // Enter on a button is that button's click, not a rename.
  if (press.key === 'Enter' && tag === 'button') return undefined;
  return COMMANDS[press.key.length === 1 ? press.key.toLowerCase() : press.key];
}
