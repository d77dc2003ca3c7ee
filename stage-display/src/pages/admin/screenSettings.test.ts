import { describe, expect, it } from 'vitest';
import { readScreen } from './screenSettings';

const form = (nameSeconds: string) => ({ roundTitle: '  第一轮 企业认捐 ', showDonorNames: true, nameSeconds });

describe('readScreen', () => {
  it('reads the round title trimmed, the names switch and whole seconds from 2 to 15', () => {
    expect(readScreen(form('2'))).toEqual({ ok: true, settings: { roundTitle: '第一轮 企业认捐', showDonorNames: true, nameSeconds: 2 } });
    expect(readScreen(form(' 15 '))).toMatchObject({ ok: true, settings: { nameSeconds: 15 } });
    expect(readScreen(form('８'))).toMatchObject({ ok: true, settings: { nameSeconds: 8 } });
  });

  it('refuses seconds outside 2..15, fractions and empty input, naming the range', () => {
    for (const wrong of ['1', '16', '0', '4.5', '', 'abc', '-3', '100']) {
      const reading = readScreen(form(wrong));
      expect(reading.ok).toBe(false);
      expect(!reading.ok && reading.message).toContain('2');
      expect(!reading.ok && reading.message).toContain('15');
    }
  });
});
