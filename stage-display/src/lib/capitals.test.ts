import { describe, expect, it } from 'vitest';
import { toChineseCapital, toEnglishWords } from './capitals';

describe('toChineseCapital', () => {
  it.each([
    // The cases of the brief
    [5_000_000_00, '伍佰万元整'],
    [1_280_000_00, '壹佰贰拾捌万元整'],
    [100_05, '壹佰元零伍分'],
    [12_345_67, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [10_005_00, '壹万零伍元整'],
    [1_000_000_000_00, '壹拾亿元整'],
    [1_2000_0000_00, '壹亿贰仟万元整'],
    [30, '叁角整'],
    [1_00, '壹元整'],
    [1_0000_0001_00, '壹亿零壹元整'],
    // Fractions only, and 角/分 combinations
    [0, '零元整'],
    [5, '伍分'],
    [35, '叁角伍分'],
    [1_30, '壹元叁角整'],
    [1_02, '壹元零贰分'],
    [16409_02, '壹万陆仟肆佰零玖元零贰分'],
    [1409_50, '壹仟肆佰零玖元伍角整'],
    // 壹 before 拾, in every section
    [10_00, '壹拾元整'],
    [15_00, '壹拾伍元整'],
    [10_0000_00, '壹拾万元整'],
    [1_0010_00, '壹万零壹拾元整'],
    // Zeros inside a section: hundreds, tens, a run of two
    [1009_00, '壹仟零玖元整'],
    [1090_00, '壹仟零玖拾元整'],
    [1900_00, '壹仟玖佰元整'],
    [1010_00, '壹仟零壹拾元整'],
    [6007_14, '陆仟零柒元壹角肆分'],
    [101_00, '壹佰零壹元整'],
    // A 元 digit of 0 with 角 (no 零 written, as documented)
    [1680_32, '壹仟陆佰捌拾元叁角贰分'],
    [10_50, '壹拾元伍角整'],
    // Zeros across the 万 boundary
    [10_7000_53, '壹拾万柒仟元伍角叁分'],
    [100_0005_00, '壹佰万零伍元整'],
    [1000_1000_00, '壹仟万壹仟元整'],
    [1000_0100_00, '壹仟万零壹佰元整'],
    [1_0000_00, '壹万元整'],
    [9999_9999_99, '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    // Zeros across the 亿 boundary, with a whole 万 section of zeros
    [1_0000_0000_00, '壹亿元整'],
    [1_0001_0000_00, '壹亿零壹万元整'],
    [1_0000_1000_00, '壹亿零壹仟元整'],
    [1_0010_0000_00, '壹亿零壹拾万元整'],
    [10_0500_0000_00, '壹拾亿零伍佰万元整'],
    [1_7200_0000_00, '壹亿柒仟贰佰万元整'],
    [1_0000_0000_01, '壹亿元零壹分'],
    [1_0000_0000_10, '壹亿元壹角整'],
    [9999_9999_9999_99, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('writes %d fen as %s', (fen, text) => {
    expect(toChineseCapital(fen)).toBe(text);
  });

  it('refuses what a cheque cannot say', () => {
    expect(() => toChineseCapital(-1)).toThrow(RangeError);
    expect(() => toChineseCapital(0.5)).toThrow(RangeError);
    expect(() => toChineseCapital(Number.NaN)).toThrow(RangeError);
    expect(() => toChineseCapital(1_0000_0000_0000_00)).toThrow(RangeError);
  });
});

describe('toEnglishWords', () => {
  it.each([
    [0, 'zero yuan'],
    [5, 'five fen'],
    [1_00, 'one yuan'],
    [1_05, 'one yuan and five fen'],
    [128_000_50, 'one hundred twenty-eight thousand yuan and fifty fen'],
    [5_000_000_00, 'five million yuan'],
    [1_000_000_000, 'ten million yuan'],
    [1_2000_0000_00, 'one hundred twenty million yuan'],
    [1_000_000_000_00, 'one billion yuan'],
    [1_001_000_107_00, 'one billion one million one hundred seven yuan'],
    [99_99, 'ninety-nine yuan and ninety-nine fen'],
    [99_999_999_999_999, 'nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine yuan and ninety-nine fen'],
  ])('writes %i fen as %s', (fen, words) => {
    expect(toEnglishWords(fen)).toBe(words);
  });

  it('refuses what it cannot write', () => {
    expect(() => toEnglishWords(-1)).toThrow(RangeError);
    expect(() => toEnglishWords(0.5)).toThrow(RangeError);
    expect(() => toEnglishWords(100_000_000_000_000)).toThrow(RangeError);
  });
});
