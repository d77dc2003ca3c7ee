// Money is integer fen (1 yuan = 100 fen) everywhere. Parsing and formatting use BigInt on digit
// strings, never floating point, so 0.1 + 0.2 can never reach a screen or the ledger.

import { getLanguage, type Language, type MessageKey } from './i18n';

export type AmountParseResult = { ok: true; fen: number } | { ok: false; error: MessageKey };

/** 10亿元, the server's default cap of a single pledge (CharityDay:MaxAmountFen). */
export const DEFAULT_MAX_AMOUNT_FEN = 100_000_000_000;

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN = 1_000_000n; // 1万元
const FEN_PER_YI = 10_000_000_000n; // 1亿元
const FEN_PER_MILLION = 100_000_000n;
const FEN_PER_BILLION = 100_000_000_000n;

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

/** How a screen writes an amount: `language` defaults to the page's current one. */
export interface ScreenAmountOptions {
  fullDigits?: boolean;
  language?: Language;
}

/**
 * The amount for a screen, in the page's language. Chinese: `¥1.72亿`, `¥3,560.5万`, `¥128,000.00`;
 * English: `¥1.72 billion`, `¥35.6 million`, `¥128,000.00`. It truncates, never rounds up: a screen
 * must never show more money than there is.
 */
export function formatScreenAmount(fen: number, options?: ScreenAmountOptions): string {
  const value = toBigInt(fen);
  const magnitude = value < 0n ? -value : value;
  const units = unitsOf(options?.language);
  const unit = units.find(([unitFen]) => magnitude >= unitFen);
  if (options?.fullDigits || !unit || magnitude < units[units.length - 1]![0] * units[units.length - 1]![2]) {
    return formatFullDigits(fen);
  }
  return `${value < 0n ? '-' : ''}¥${truncatedIn(magnitude, unit[0])}${unit[1]}`;
}

/**
 * One notation for every line of a feed, whatever the size: `¥500万`, `¥1.28万`, `¥5,000`, `¥88.88`
 * (English: `¥5 million`, `¥500,000`). Truncated like the total, never rounded up.
 */
export function formatFeedAmount(fen: number, language: Language = getLanguage()): string {
  const value = toBigInt(fen);
  const magnitude = value < 0n ? -value : value;
  const unit = unitsOf(language).find(([unitFen]) => magnitude >= unitFen);
  const sign = value < 0n ? '-' : '';
  if (unit) {
    return `${sign}¥${truncatedIn(magnitude, unit[0])}${unit[1]}`;
  }
  const cents = magnitude % FEN_PER_YUAN;
  return `${sign}¥${groupThousands(magnitude / FEN_PER_YUAN)}${cents === 0n ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

// [fen in one unit, its suffix, how many units before a screen total switches from full digits]:
// the Chinese screen writes full digits below 100万, the English one below a million.
type Unit = readonly [bigint, string, bigint];
const CHINESE_UNITS: readonly Unit[] = [[FEN_PER_YI, '亿', 1n], [FEN_PER_WAN, '万', 100n]];
const ENGLISH_UNITS: readonly Unit[] = [[FEN_PER_BILLION, ' billion', 1n], [FEN_PER_MILLION, ' million', 1n]];

function unitsOf(language: Language = getLanguage()): readonly Unit[] {
  return language === 'en' ? ENGLISH_UNITS : CHINESE_UNITS;
}

/** `1.72` for 1.729 units: two decimals at most, truncated, trailing zeros dropped. */
function truncatedIn(magnitude: bigint, unitFen: bigint): string {
  const hundredths = (magnitude * 100n) / unitFen; // BigInt division truncates
  return `${groupThousands(hundredths / 100n)}${trimmedFraction(hundredths % 100n, 2)}`;
}

/** Every digit down to the fen: `¥128,000.00`, `-¥500.00`. Used in exports and confirmations. */
export function formatFullDigits(fen: number): string {
  const value = toBigInt(fen);
  const magnitude = value < 0n ? -value : value;
  const cents = String(magnitude % FEN_PER_YUAN).padStart(2, '0');
  return `${value < 0n ? '-' : ''}¥${groupThousands(magnitude / FEN_PER_YUAN)}.${cents}`;
}

/**
 * A short exact label for a tier button: `1000万`, `10万`, `1.2亿`, `5,000元` (English: `¥10 million`,
 * `¥100,000`, `¥5,000`). Unlike the screen format it never drops a digit; an amount that does not fit
 * a unit exactly falls back to yuan. Chinese unless asked: the Chinese label is also what an amount
 * box is filled with, and the amount parser reads it back.
 */
export function formatCompactAmount(fen: number): string {
  return formatCompactAmountIn(fen, 'zh');
}

/** {@link formatCompactAmount} in a given language (one argument less would clash with `.map`). */
export function formatCompactAmountIn(fen: number, language: Language): string {
  const value = toBigInt(fen);
  const magnitude = value < 0n ? -value : value;
  const sign = value < 0n ? '-' : '';
  const english = language === 'en';
  const units = english ? [[FEN_PER_BILLION, ' billion'], [FEN_PER_MILLION, ' million']] as const : [[FEN_PER_YI, '亿'], [FEN_PER_WAN, '万']] as const;
  const [prefix, yuanSuffix] = english ? ['¥', ''] : ['', '元'];
  // Up to four decimals of the unit keep the label short while staying exact.
  for (const [unitFen, unit] of units) {
    const step = unitFen / 10_000n;
    if (magnitude >= unitFen && magnitude % step === 0n) {
      const tenThousandths = magnitude / step;
      return `${sign}${prefix}${tenThousandths / 10_000n}${trimmedFraction(tenThousandths % 10_000n, 4)}${unit}`;
    }
  }
  const cents = magnitude % FEN_PER_YUAN;
  const fraction = cents === 0n ? '' : `.${String(cents).padStart(2, '0')}`;
  return `${sign}${prefix}${groupThousands(magnitude / FEN_PER_YUAN)}${fraction}${yuanSuffix}`;
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
