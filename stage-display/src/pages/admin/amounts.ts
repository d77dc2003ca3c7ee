// Which of money.ts's formats this page shows where. money.ts decides the notation (Chinese 万/亿, or
// English once it knows it); an amount the admin will edit again must read back to the same fen.

import { getLanguage } from '../../lib/i18n';
import { formatCompactAmount, formatFullDigits, formatScreenAmount, parseAmountInput } from '../../lib/money';

/** No cap on what the admin sets (goal, milestones): only a single pledge has one. */
export const NO_CAP = Number.MAX_SAFE_INTEGER;

const CJK = /[\u3400-\u9fff]/u;

// While money.ts writes only 万/亿, an English page falls back to full digits: no Chinese on it.
function inPageLanguage(text: string, fen: number): string {
  return getLanguage() === 'en' && CJK.test(text) ? formatFullDigits(fen) : text;
}

/** A short exact label: a tier, a preview, a limit in a message. */
export function shortAmount(fen: number): string {
  return inPageLanguage(formatCompactAmount(fen), fen);
}

/** As the big screen shows it: the goal line. */
export function headlineAmount(fen: number): string {
  return inPageLanguage(formatScreenAmount(fen), fen);
}

/** Every digit: ledger rows, the audit, orders, the desk table. */
export function exactAmount(fen: number): string {
  return formatFullDigits(fen);
}

/** The text put in an edit box: short when it parses back to the same amount, else every digit. */
export function editableAmount(fen: number): string {
  const short = shortAmount(fen);
  const back = parseAmountInput(short, NO_CAP);
  return back.ok && back.fen === fen ? short : formatFullDigits(fen);
}

export function editableList(fen: readonly number[]): string {
  return fen.map(editableAmount).join(getLanguage() === 'en' ? ' ' : ', ');
}
