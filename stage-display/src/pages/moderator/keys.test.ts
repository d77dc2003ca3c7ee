import { describe, expect, it } from 'vitest';
import { commandFor } from './keys';

const press = (key: string, tagName = 'BODY', extra = {}) =>
  commandFor({ key, ctrlKey: false, metaKey: false, altKey: false, target: { tagName } as unknown as EventTarget, ...extra });

describe('commandFor', () => {
  it('maps the console keys', () => {
    expect([press('ArrowDown'), press('j'), press('K'), press('a'), press('h'), press('r'), press('Enter'), press('p'), press('l')])
      .toEqual(['down', 'down', 'up', 'approve', 'hide', 'rename', 'rename', 'pending', 'all']);
  });

  it('leaves keys typed into a box, a button\'s Enter and shortcuts alone', () => {
    expect(press('a', 'INPUT')).toBeUndefined();
    expect(press('Enter', 'BUTTON')).toBeUndefined();
    expect(press('a', 'BODY', { ctrlKey: true })).toBeUndefined();
  });
});
