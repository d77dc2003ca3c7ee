// How the console writes an amount back to the operator: in figures (money.ts), in words (大写 in
// Chinese, English words in English) and in the amount box when a tier is picked.

import { toChineseCapital, toEnglishWords } from '../../lib/capitals';
import { t, type Language } from '../../lib/i18n';
import { formatCompactAmount, formatFullDigits, parseAmountInput } from '../../lib/money';

export function amountInWords(fen: number, language: Language): string {
  return language === 'zh' ? toChineseCapital(fen) : toEnglishWords(fen);
}

/** `¥5,000,000.00（500万）`: every digit, then the short form. */
export function amountBoth(fen: number): string {
  return t('operator.amountBoth', { digits: formatFullDigits(fen), compact: formatCompactAmount(fen) });
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
