import { describe, expect, it } from 'vitest';
import { en } from '../../lib/messages/operator';

describe('the operator messages in English', () => {
  it('have no Chinese left in them', () => {
    const chinese = Object.entries(en).filter(([, text]) => /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/u.test(text));
    expect(chinese).toEqual([]);
  });
});
