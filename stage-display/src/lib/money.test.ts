import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_AMOUNT_FEN,
  formatCompactAmount,
  formatCompactAmountIn,
  formatFeedAmount,
  formatFullDigits,
  formatScreenAmount,
  parseAmountInput,
} from './money';

describe('parseAmountInput', () => {
  it.each([
    ['500万', 5_000_000_00],
    ['500w', 5_000_000_00],
    ['500W', 5_000_000_00],
    ['1.2亿', 120_000_000_00],
    ['2亿', 200_000_000_00],
    ['128000', 128_000_00],
    ['128,000', 128_000_00],
    ['1,280,000', 1_280_000_00],
    ['128000.5', 128_000_50],
    ['128000.50', 128_000_50],
    ['0.01', 1],
    ['0.5万', 5_000_00],
    ['  500万  ', 5_000_000_00],
    ['５００万', 5_000_000_00],
    ['１２８，０００', 128_000_00],
    ['１２８０００．５０', 128_000_50],
    ['５００Ｗ', 5_000_000_00],
    ['¥128,000', 128_000_00],
    ['￥500万', 5_000_000_00],
    ['128000元', 128_000_00],
    ['500万元', 5_000_000_00],
    ['¥ 500 万 元', 5_000_000_00],
    ['1.23456万', 12_345_60],
    ['1.234567万', 12_345_67],
    ['1.2345670万', 12_345_67],
    ['128000.500', 128_000_50],
    ['0.00000001亿', 100],
    ['0.0000000001亿', 1],
    ['10亿', DEFAULT_MAX_AMOUNT_FEN],
  ])('reads %j as %d fen', (text, fen) => {
    expect(parseAmountInput(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', 'amount.empty'],
    ['   ', 'amount.empty'],
    ['\u3000', 'amount.empty'],
    ['0', 'amount.notPositive'],
    ['0.00', 'amount.notPositive'],
    ['0万', 'amount.notPositive'],
    ['-500', 'amount.notPositive'],
    ['-500万', 'amount.notPositive'],
    ['¥-500', 'amount.notPositive'],
    ['−500', 'amount.notPositive'],
    ['abc', 'amount.invalid'],
    ['5万万', 'amount.invalid'],
    ['5亿万', 'amount.invalid'],
    ['1.2y', 'amount.invalid'],
    ['1.2.3', 'amount.invalid'],
    ['1,00', 'amount.invalid'],
    ['1,2800', 'amount.invalid'],
    ['0,500', 'amount.invalid'],
    ['128,000,', 'amount.invalid'],
    [',128', 'amount.invalid'],
    ['.5', 'amount.invalid'],
    ['5.', 'amount.invalid'],
    ['NaN', 'amount.invalid'],
    ['Infinity', 'amount.invalid'],
    ['1e5', 'amount.invalid'],
    ['1E5', 'amount.invalid'],
    ['0x10', 'amount.invalid'],
    ['128 000', 'amount.invalid'],
    ['500元万', 'amount.invalid'],
    ['万', 'amount.invalid'],
    ['¥', 'amount.invalid'],
    ['+500', 'amount.invalid'],
    ['128000.555', 'amount.tooPrecise'],
    ['1.2345678万', 'amount.tooPrecise'],
    ['0.001', 'amount.tooPrecise'],
    ['0.00000000001亿', 'amount.tooPrecise'],
    ['10.01亿', 'amount.tooLarge'],
    ['1000000000.01', 'amount.tooLarge'],
    ['99999999999999999999999', 'amount.tooLarge'],
  ])('refuses %j with %s', (text, error) => {
    expect(parseAmountInput(text)).toEqual({ ok: false, error });
  });

  it('applies the cap passed in, inclusive', () => {
    expect(parseAmountInput('100万', 100_000_000)).toEqual({ ok: true, fen: 100_000_000 });
    expect(parseAmountInput('100.0001万', 100_000_000)).toEqual({ ok: false, error: 'amount.tooLarge' });
  });

  it('is exact where floating point is not', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseAmountInput('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseAmountInput('1.15万')).toEqual({ ok: true, fen: 1_150_000 });
    expect(parseAmountInput('9999999.99')).toEqual({ ok: true, fen: 999_999_999 });
  });
});

describe('formatScreenAmount', () => {
  it.each([
    [172_000_000_00, '¥1.72亿'],
    [200_000_000_00, '¥2亿'],
    [150_000_000_00, '¥1.5亿'],
    [100_000_000_00, '¥1亿'],
    [105_000_000_00, '¥1.05亿'],
    [1_234_500_000_00, '¥12.34亿'],
    [123_456_700_000_00, '¥1,234.56亿'],
    [35_605_000_00, '¥3,560.5万'],
    [35_000_000_00, '¥3,500万'],
    [1_000_000_00, '¥100万'],
    [1_000_100_00, '¥100.01万'],
    [1_000_050_00, '¥100万'],
    [128_000_00, '¥128,000.00'],
    [999_999_99, '¥999,999.99'],
    [5, '¥0.05'],
    [0, '¥0.00'],
  ])('shows %d fen as %s', (fen, text) => {
    expect(formatScreenAmount(fen)).toBe(text);
  });

  it('truncates and never rounds up', () => {
    expect(formatScreenAmount(172_999_999_99)).toBe('¥1.72亿');
    expect(formatScreenAmount(99_999_999_99)).toBe('¥9,999.99万');
    expect(formatScreenAmount(1_999_999_99)).toBe('¥199.99万');
  });

  it('shows full digits when asked', () => {
    expect(formatScreenAmount(172_000_000_00, { fullDigits: true })).toBe('¥172,000,000.00');
    expect(formatScreenAmount(35_605_000_00, { fullDigits: true })).toBe('¥35,605,000.00');
  });

  it('refuses a fractional or unsafe amount rather than guess', () => {
    expect(() => formatScreenAmount(1.5)).toThrow(RangeError);
    expect(() => formatScreenAmount(Number.NaN)).toThrow(RangeError);
    expect(() => formatScreenAmount(2 ** 53)).toThrow(RangeError);
  });
});

describe('formatFullDigits', () => {
  it.each([
    [128_000_00, '¥128,000.00'],
    [172_000_000_00, '¥172,000,000.00'],
    [100_05, '¥100.05'],
    [1, '¥0.01'],
    [0, '¥0.00'],
    [-500_00, '-¥500.00'],
    [-1, '-¥0.01'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
  ])('writes %d fen as %s', (fen, text) => {
    expect(formatFullDigits(fen)).toBe(text);
  });
});

describe('formatCompactAmount', () => {
  it.each([
    [10_000_000_00, '1000万'],
    [5_000_000_00, '500万'],
    [100_000_00, '10万'],
    [10_000_00, '1万'],
    [15_000_00, '1.5万'],
    [5_000_00, '5,000元'],
    [120_000_000_00, '1.2亿'],
    [100_000_000_00, '1亿'],
    [123_456_700_00, '12345.67万'],
    [12_345_67, '12,345.67元'],
    [100_00, '100元'],
  ])('labels %d fen as %s', (fen, text) => {
    expect(formatCompactAmount(fen)).toBe(text);
  });
});

describe('English notation', () => {
  it.each([
    [172_300_000_00, '¥172.3 million'],
    [202_000_000_00, '¥202 million'],
    [2_020_000_000_00, '¥2.02 billion'],
    [100_000_000_00, '¥100 million'],
    [1_000_000_00, '¥1 million'],
    [1_999_999_99, '¥1.99 million'],
    [999_999_99, '¥999,999.99'],
    [128_000_00, '¥128,000.00'],
    [0, '¥0.00'],
  ])('shows %d fen on a screen as %s', (fen, text) => {
    expect(formatScreenAmount(fen, { language: 'en' })).toBe(text);
  });

  it('still shows every digit when asked', () => {
    expect(formatScreenAmount(172_000_000_00, { language: 'en', fullDigits: true })).toBe('¥172,000,000.00');
  });

  it.each([
    [10_000_000_00, '¥10 million'],
    [120_000_000_00, '¥120 million'],
    [1_200_000_000_00, '¥1.2 billion'],
    [100_000_00, '¥100,000'],
    [5_000_00, '¥5,000'],
    [12_345_67, '¥12,345.67'],
    [123_456_700_00, '¥123.4567 million'],
  ])('labels %d fen as %s, exactly', (fen, text) => {
    expect(formatCompactAmountIn(fen, 'en')).toBe(text);
  });

  it('leaves the Chinese output as it was', () => {
    expect(formatScreenAmount(172_000_000_00, { language: 'zh' })).toBe('¥1.72亿');
    expect(formatScreenAmount(35_605_000_00, { language: 'zh' })).toBe('¥3,560.5万');
    expect(formatCompactAmountIn(5_000_00, 'zh')).toBe('5,000元');
  });
});

describe('formatFeedAmount', () => {
  it.each([
    [5_000_000_00, 'zh', '¥500万'],
    [500_000_00, 'zh', '¥50万'],
    [12_800_00, 'zh', '¥1.28万'],
    [10_000_00, 'zh', '¥1万'],
    [5_000_00, 'zh', '¥5,000'],
    [88_88, 'zh', '¥88.88'],
    [202_000_000_00, 'zh', '¥2.02亿'],
    [5_000_000_00, 'en', '¥5 million'],
    [500_000_00, 'en', '¥500,000'],
    [5_000_00, 'en', '¥5,000'],
    [202_000_000_00, 'en', '¥202 million'],
    [2_020_000_000_00, 'en', '¥2.02 billion'],
  ] as const)('writes %d fen in %s as %s', (fen, language, text) => {
    expect(formatFeedAmount(fen, language)).toBe(text);
  });

  it('never rounds up', () => {
    expect(formatFeedAmount(1_999_999, 'zh')).toBe('¥1.99万');
    expect(formatFeedAmount(1_999_999_99, 'en')).toBe('¥1.99 million');
  });
});
