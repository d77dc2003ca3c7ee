// Money is integer fen (1 yuan = 100 fen) everywhere. Parsing and formatting use BigInt on digit
// strings, never floating point, so 0.1 + 0.2 can never reach a screen or the ledger.

import type { MessageKey } from './i18n';

export type AmountParseResult = { ok: true; fen: number } | { ok: false; error: MessageKey };

/** 10亿元, the server's default cap of a single pledge (CharityDay:MaxAmountFen). */
export const DEFAULT_MAX_AMOUNT_FEN = 100_000_000_000;

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN = 1_000_000n; // 1万元
const FEN_PER_YI = 10_000_000_000n; // 1亿元

// Powers of ten a typed number is multiplied by: yuan → fen, then the unit.
const UNIT_EXPONENT: Readonly<Record<string, number>> = { '': 2, '万': 6, w: 6, W: 6, '亿': 10 };

// Plain digits, or digits grouped by three with commas; then an optional fraction.
const NUMBER = /^(\d+|[1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/;
// [sign] ¥ [sign] number [unit] [元], in any of the orders people type them.
const AMOUNT = /^¥?\s*(-?)\s*¥?\s*(.*?)\s*(万|w|W|亿)?\s*元?$/u;

/**
 * Reads what an operator or donor typed: `500万`, `1.2亿`, `128,000`, `¥128000.50元`, full-width
 * forms included. Rejects anything that is not an exact, positive amount within the cap.
 */
export function parseAmountInput(text: string, maxFen: number = DEFAULT_MAX_AMOUNT_FEN): AmountParseResult {
  // NFKC turns full-width digits, commas, points, letters, spaces and ￥ into their ASCII forms.
  let input = text.normalize('NFKC').trim();
  if (input === '') {
    return { ok: false, error: 'amount.empty' };
  }
  input = input.replaceAll('−', '-'); // U+2212, which NFKC leaves alone

  const parts = AMOUNT.exec(input);
  const number = parts ? NUMBER.exec(parts[2] ?? '') : null;
  if (!parts || !number) {
    return { ok: false, error: 'amount.invalid' };
  }

  const integerDigits = (number[1] ?? '').replaceAll(',', '');
  const fractionDigits = (number[2] ?? '').replace(/0+$/, '');
  const exponent = (UNIT_EXPONENT[parts[3] ?? ''] ?? 2) - fractionDigits.length;
  if (exponent < 0) {
    return { ok: false, error: 'amount.tooPrecise' };
  }

  const fen = BigInt(integerDigits + fractionDigits) * 10n ** BigInt(exponent);
  if (parts[1] === '-' || fen === 0n) {
    return { ok: false, error: 'amount.notPositive' };
  }
  if (fen > BigInt(maxFen)) {
    return { ok: false, error: 'amount.tooLarge' };
  }
  return { ok: true, fen: Number(fen) };
}

/**
 * The amount the Chinese way for a screen: `¥1.72亿`, `¥3,560.5万`, `¥128,000.00`. It truncates,
 * never rounds up: a screen must never show more money than there is.
 */
export function formatScreenAmount(fen: number, options?: { fullDigits?: boolean }): string {
  const value = toBigInt(fen);
  const magnitude = value < 0n ? -value : value;
  if (options?.fullDigits || magnitude < 100n * FEN_PER_WAN) {
    return formatFullDigits(fen);
  }
  const sign = value < 0n ? '-' : '';
  const [unitFen, unit] = magnitude >= FEN_PER_YI ? [FEN_PER_YI, '亿'] : [FEN_PER_WAN, '万'];
  const hundredths = (magnitude * 100n) / unitFen; // BigInt division truncates
  return `${sign}¥${groupThousands(hundredths / 100n)}${trimmedFraction(hundredths % 100n, 2)}${unit}`;
}

/** Every digit down to the fen: `¥128,000.00`, `-¥500.00`. Used in exports and confirmations. */
export function formatFullDigits(fen: number): string {
  const value = toBigInt(fen);
  const magnitude = value < 0n ? -value : value;
  const cents = String(magnitude % FEN_PER_YUAN).padStart(2, '0');
  return `${value < 0n ? '-' : ''}¥${groupThousands(magnitude / FEN_PER_YUAN)}.${cents}`;
}

/**
 * A short exact label for a tier button: `1000万`, `10万`, `1.2亿`, `5,000元`. Unlike the screen
 * format it never drops a digit; an amount that does not fit a unit exactly falls back to yuan.
 */
export function formatCompactAmount(fen: number): string {
  const value = toBigInt(fen);
  const magnitude = value < 0n ? -value : value;
  const sign = value < 0n ? '-' : '';
  // Up to four decimals of 亿 or 万 keep the label short while staying exact.
  for (const [unitFen, unit] of [[FEN_PER_YI, '亿'], [FEN_PER_WAN, '万']] as const) {
    const step = unitFen / 10_000n;
    if (magnitude >= unitFen && magnitude % step === 0n) {
      const tenThousandths = magnitude / step;
      return `${sign}${tenThousandths / 10_000n}${trimmedFraction(tenThousandths % 10_000n, 4)}${unit}`;
    }
  }
  const cents = magnitude % FEN_PER_YUAN;
  const fraction = cents === 0n ? '' : `.${String(cents).padStart(2, '0')}`;
  return `${sign}${groupThousands(magnitude / FEN_PER_YUAN)}${fraction}元`;
}

function toBigInt(fen: number): bigint {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`An amount must be a whole number of fen, got ${fen}.`);
  }
  return BigInt(fen);
}

function groupThousands(value: bigint): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `.5` for 50 of 2 digits, `.05` for 5, `` for 0. */
function trimmedFraction(value: bigint, digits: number): string {
  const text = String(value).padStart(digits, '0').replace(/0+$/, '');
  return text === '' ? '' : `.${text}`;
}
