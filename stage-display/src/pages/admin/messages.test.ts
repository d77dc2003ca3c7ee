import { describe, expect, it } from 'vitest';
import { en, zh } from '../../lib/messages/admin';

describe('the admin message tables', () => {
  it('have no Chinese left in English', () => {
    const chinese = Object.entries(en).filter(([, text]) => /[\u3400-\u9fff]/u.test(text));
    expect(chinese).toEqual([]);
  });

  it('have the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(names(en[key]), key).toEqual(names(zh[key]));
  });
});
