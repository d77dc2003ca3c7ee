// How the console writes an amount back to the operator: in figures (money.ts), in words (大写 in
// Chinese, English words in English) and in the amount box when a tier is picked.

import { toChineseCapital, toEnglishWords } from '../../lib/capitals';
import { getLanguage, t, type Language } from '../../lib/i18n';
import { formatCompactAmount, formatCompactAmountIn, formatFullDigits, parseAmountInput } from '../../lib/money';

export function amountInWords(fen: number, language: Language): string {
  return language === 'zh' ? toChineseCapital(fen) : toEnglishWords(fen);
}

/** `¥5,000,000.00（500万）`: every digit, then the short form (`¥5 million` in English). */
export function amountBoth(fen: number): string {
  return t('operator.amountBoth', { digits: formatFullDigits(fen), compact: shownAmount(fen) });
}

/** The short form of an amount that is only read, never typed back: in the language on screen. */
export function shownAmount(fen: number): string {
  return formatCompactAmountIn(fen, getLanguage());
}

/**
 * What a tier button puts in the amount box: the short form when the box reads it back as the same
 * amount, else every digit (an English short form such as "¥10 million" is for reading, not typing).
 */
export function amountForInput(fen: number): string {
  for (const text of [formatCompactAmount(fen), formatFullDigits(fen)]) {
    const parsed = parseAmountInput(text);
    if (parsed.ok && parsed.fen === fen) {
      return text;
    }
  }
  return String(fen / 100);
}
