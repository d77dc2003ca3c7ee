// The keys of a staff console (the moderator's, the screen controller's): which key a press is for
// the console, or none when it belongs to a text box, a button's own Enter, or a shortcut.

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key went to: a text box keeps its keys. */
  target: EventTarget | null;
}

/** The key, lower-cased when it is a character; undefined when the console must leave it alone. */
export function consoleKey(press: KeyPress): string | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const target = press.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = target?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable) return undefined;
  // Enter on a button is that button's click.
  if (press.key === 'Enter' && tag === 'button') return undefined;
  return press.key.length === 1 ? press.key.toLowerCase() : press.key;
}
