import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../lib/i18n';
import { parseAmountInput } from '../../lib/money';
import { NO_CAP, editableAmount, editableList, headlineAmount, shortAmount } from './amounts';
import { previewAmount, previewList, readSetup } from './setup';

const CJK = /[\u3400-\u9fff]/u;

afterEach(() => setLanguage('zh'));

describe('readSetup', () => {
  it('reads the set-up as the server will store it', () => {
    expect(readSetup({ title: ' 慈善日 ', goal: '2亿', tiers: '1000万, 500万 100万', milestones: '1亿\n1.5亿' })).toEqual({
      ok: true,
      setup: { title: '慈善日', goalFen: 200_000_000_00, tiersFen: [10_000_000_00, 5_000_000_00, 1_000_000_00], milestonesFen: [100_000_000_00, 150_000_000_00] },
    });
  });

  it('names the first field to fix and why', () => {
    const reading = readSetup({ title: 'x', goal: '2亿', tiers: '1000万, abc', milestones: '' });
    expect(reading).toEqual({ ok: false, field: 'tiers', message: '档位: “abc”：金额格式不正确' });
    expect(readSetup({ title: 'x', goal: '', tiers: '', milestones: '' })).toMatchObject({ ok: false, field: 'goal' });
  });

  it('caps a tier like a pledge but not a milestone', () => {
    expect(previewList('20亿').tone).toBe('error');
    expect(previewList('20亿', NO_CAP)).toEqual({ text: '→ 20亿', tone: 'ok' });
  });

  it('says in English what is wrong, without Chinese', () => {
    setLanguage('en');
    const reading = readSetup({ title: 'x', goal: '2', tiers: '20亿', milestones: '' });
    expect(reading.ok).toBe(false);
    // The limit's notation is money.ts's: only its language is checked here.
    const message = !reading.ok ? reading.message : '';
    expect(message).toMatch(/^Tiers: "20亿": The amount is above the limit of ¥/);
    expect(message.replace('"20亿"', '')).not.toMatch(CJK);
    const preview = previewAmount('128000').text;
    expect(preview).toMatch(/^→ ¥128,000\.00 \(.+\)$/);
    expect(preview).not.toMatch(CJK);
  });
});

describe('amounts on the admin page', () => {
  it('keeps the Chinese notation in Chinese', () => {
    expect(shortAmount(10_000_000_00)).toBe('1000万');
    expect(headlineAmount(172_300_000_00)).toBe('¥1.72亿');
    expect(previewAmount('2亿')).toEqual({ text: '→ ¥200,000,000.00（2亿）', tone: 'ok' });
  });

  it('shows no Chinese unit in English', () => {
    setLanguage('en');
    for (const fen of [10_000_000_00, 172_300_000_00, 5_000_00, 128_000_50]) {
      expect(shortAmount(fen)).not.toMatch(CJK);
      expect(headlineAmount(fen)).not.toMatch(CJK);
    }
  });

  it('puts in an edit box only text that reads back as the same amount, in either language', () => {
    for (const language of ['zh', 'en'] as const) {
      setLanguage(language);
      for (const fen of [1, 99, 128_000_50, 10_000_000_00, 123_456_789_01, 172_300_000_00]) {
        const back = parseAmountInput(editableAmount(fen), NO_CAP);
        expect(back.ok && back.fen).toBe(fen);
      }
    }
    setLanguage('zh');
    expect(editableList([10_000_000_00, 5_000_000_00])).toBe('1000万, 500万');
  });
});
